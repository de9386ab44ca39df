/**
 * Bytes → text, deciding the encoding per file instead of assuming UTF-8.
 * Order: BOM (UTF-8, UTF-32, UTF-16) → NUL bytes: BOM-less UTF-32/UTF-16 by which reading gives
 * plausible text (a few stray NULs in text are dropped) → strict UTF-8 → UTF-8 with a few invalid
 * sequences replaced (one stray byte no longer switches a whole file to another charset) → the
 * legacy charsets a detector recognises (chardet: statistics per charset and language), decoded by
 * the runtime's own decoders. What does not read as text in any of them is refused as binary with
 * a reason. The decision is kept with the document (`encoding`, and `note` for what was repaired).
 */
import { analyse } from 'chardet'

/** The legacy charsets detected and decoded (WHATWG labels the runtime's TextDecoder knows). */
export const LEGACY_ENCODINGS = [
  'windows-1252', 'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256',
  'iso-8859-2', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7', 'iso-8859-8', 'koi8-r',
  'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'iso-2022-jp'
] as const
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number]

/** How a file's bytes were read: a Unicode form, a detected legacy charset, or the charset a page declares (any WHATWG name). */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | LegacyEncoding | (string & {})

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding; note?: string }
  | { ok: false; reason: string }

const utf8 = new TextDecoder('utf-8', { fatal: true })
const utf8Lenient = new TextDecoder('utf-8')

/** Fewer NUL bytes than this share of a file are strays in text (a bad export), not a sign of binary. */
const STRAY_NULS = { max: 64, share: 0.001 }
/** The detector looks at this much of a file: enough for its statistics, bounded for large files. */
const DETECT_SAMPLE = 64 * 1024
/** Below this confidence (0–100) a detector's guess is noise: random bytes score 2–5, real text 40–100. */
const MIN_CONFIDENCE = 10

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' }
  const bom = byBom(bytes)
  if (bom) return bom

  let note: string | undefined
  const nuls = countNuls(bytes)
  if (nuls) {
    const stray = nuls <= Math.max(STRAY_NULS.max, bytes.length * STRAY_NULS.share) && nuls * 4 <= bytes.length
    const without = stray ? bytes.filter((b) => b !== 0) : bytes
    // ASCII read as UTF-16 looks like CJK text: a few NULs in what is UTF-8 without them are strays
    const wide = stray && checked(tryDecode('utf-8', without), 'utf-8').ok ? undefined : bomlessWide(bytes)
    if (wide) return wide
    if (!stray) return { ok: false, reason: 'binary file (contains NUL bytes)' }
    bytes = without
    note = `${nuls} NUL byte${nuls === 1 ? '' : 's'} removed`
  }
  const r = narrow(bytes)
  return r.ok && note ? { ...r, note: r.note ? `${note}; ${r.note}` : note } : r
}

/** Text without NUL bytes: UTF-8, repaired UTF-8, or a detected legacy charset. */
function narrow(bytes: Uint8Array): DecodeResult {
  try {
    return checked(utf8.decode(bytes), 'utf-8')
  } catch {
    // not valid UTF-8: repaired UTF-8 or another charset, below
  }
  const lenient = utf8Lenient.decode(bytes)
  let invalid = 0
  let multibyte = 0
  for (let i = 0; i < lenient.length; i++) {
    const c = lenient.charCodeAt(i)
    if (c === 0xfffd) invalid++
    else if (c >= 0x80 && !(c >= 0xdc00 && c <= 0xdfff)) multibyte++
  }
  // Real UTF-8 with a few damaged bytes has more good multi-byte characters than bad sequences;
  // a legacy file's accented letters are (almost) never valid UTF-8 sequences.
  if (multibyte > 0 && invalid <= multibyte) {
    const r = checked(lenient, 'utf-8')
    return r.ok ? { ...r, note: `${invalid} invalid UTF-8 sequence${invalid === 1 ? '' : 's'} replaced` } : r
  }
  return legacy(bytes)
}

/** The best-scoring legacy charset that decodes the whole file and reads as text. */
function legacy(bytes: Uint8Array): DecodeResult {
  const sample = bytes.length > DETECT_SAMPLE ? bytes.subarray(0, DETECT_SAMPLE) : bytes
  for (const m of analyse(sample)) {
    if (m.confidence < MIN_CONFIDENCE) break
    const label = legacyLabel(m.name)
    if (!label) continue
    const text = label === 'windows-1252' ? decodeWindows1252(bytes) : tryDecode(label, bytes)
    const r = checked(text, label)
    if (r.ok) return { ...r, note: `detected as ${label} (confidence ${m.confidence}%)` }
  }
  // Too little for the detector's statistics (a short note with one accented letter): Windows-1252
  // when it is nearly all printable ASCII, as old newsroom exports are; random bytes are not.
  if (printableAsciiShare(sample) >= 0.95) {
    const r = checked(decodeWindows1252(bytes), 'windows-1252')
    if (r.ok) return { ...r, note: 'read as windows-1252 (too little text to detect its encoding)' }
  }
  return { ok: false, reason: 'binary file (not text in any encoding Dateline reads)' }
}

function printableAsciiShare(bytes: Uint8Array): number {
  let n = 0
  for (const b of bytes) if ((b >= 0x20 && b <= 0x7e) || b === 0x09 || b === 0x0a || b === 0x0d) n++
  return bytes.length ? n / bytes.length : 0
}

/** chardet's name → the label we decode with (ISO-8859-1 read as its superset Windows-1252, as browsers do). */
function legacyLabel(name: string): LegacyEncoding | undefined {
  const l = name.toLowerCase()
  if (l === 'iso-8859-1') return 'windows-1252'
  if (l === 'gb18030' || l === 'gbk' || l === 'gb2312') return 'gb18030'
  return (LEGACY_ENCODINGS as readonly string[]).includes(l) ? (l as LegacyEncoding) : undefined
}

function byBom(bytes: Uint8Array): DecodeResult | undefined {
  const [a, b, c, d] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return checked(tryDecode('utf-8', bytes.subarray(3)), 'utf-8-bom')
  // UTF-32 LE's BOM starts like UTF-16 LE's: test it first
  if (a === 0xff && b === 0xfe && c === 0 && d === 0 && bytes.length % 4 === 0) return checked(decodeUtf32(bytes.subarray(4), true), 'utf-32le')
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return checked(decodeUtf32(bytes.subarray(4), false), 'utf-32be')
  if (a === 0xff && b === 0xfe) return checked(tryDecode('utf-16le', bytes.subarray(2)), 'utf-16le')
  if (a === 0xfe && b === 0xff) return checked(tryDecode('utf-16be', bytes.subarray(2)), 'utf-16be')
  return undefined
}

/**
 * UTF-32 or UTF-16 without a BOM: each reading that decodes is scored by how much of it is text in
 * the scripts news is written in; the reading with the wrong byte order scatters the same text
 * over unassigned and unrelated blocks (Arabic U+0627 read backwards is U+2706, a space U+2000).
 */
function bomlessWide(bytes: Uint8Array): DecodeResult | undefined {
  const candidates: [Encoding, string | null][] = []
  if (bytes.length % 4 === 0) candidates.push(['utf-32le', decodeUtf32(bytes, true)], ['utf-32be', decodeUtf32(bytes, false)])
  if (bytes.length % 2 === 0) candidates.push(['utf-16le', tryDecode('utf-16le', bytes)], ['utf-16be', tryDecode('utf-16be', bytes)])
  let best: { encoding: Encoding; text: string; score: number } | undefined
  for (const [encoding, text] of candidates) {
    if (text === null) continue
    const score = textLikeShare(text)
    if (!best || score > best.score) best = { encoding, text, score }
  }
  if (!best || best.score < 0.9) return undefined
  return checked(best.text, best.encoding)
}

/** Share of the first 4,096 characters that are whitespace, printable ASCII or letters and punctuation of the common scripts. */
function textLikeShare(text: string): number {
  const n = Math.min(text.length, 4096)
  if (!n) return 0
  let good = 0
  for (let i = 0; i < n; i++) if (isTextChar(text.charCodeAt(i))) good++
  return good / n
}

function isTextChar(c: number): boolean {
  return (
    c === 0x09 || c === 0x0a || c === 0x0d ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0x24f) || // Latin-1 supplement, Latin extended
    (c >= 0x370 && c <= 0x6ff) || // Greek, Cyrillic, Armenian, Hebrew, Arabic
    (c >= 0x900 && c <= 0xe7f) || // Indic scripts, Thai, Lao
    (c >= 0x2010 && c <= 0x206f) || // general punctuation
    (c >= 0x20a0 && c <= 0x20cf) || // currency
    (c >= 0x3000 && c <= 0x30ff) || // CJK punctuation, kana
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) || // CJK ideographs
    (c >= 0xac00 && c <= 0xd7a3) || // Hangul
    (c >= 0xff00 && c <= 0xffef) // full-width forms
  )
}

function countNuls(bytes: Uint8Array): number {
  let n = 0
  for (let i = bytes.indexOf(0); i !== -1; i = bytes.indexOf(0, i + 1)) n++
  return n
}

/** UTF-32 by hand (TextDecoder has no UTF-32): null when a unit is not a Unicode scalar value. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string | null {
  if (bytes.length % 4 !== 0) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const parts: string[] = []
  const chunk: number[] = []
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian)
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null
    chunk.push(cp)
    if (chunk.length === 8192) parts.push(String.fromCodePoint(...chunk.splice(0)))
  }
  parts.push(String.fromCodePoint(...chunk))
  return parts.join('')
}

// 0x80–0x9F of Windows-1252. Some runtimes' TextDecoder('windows-1252') (small-ICU builds) decode
// these as Latin-1 control codes (losing every curly quote and dash), so the table is applied here.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192)
    const chars = new Array<string>(chunk.length)
    for (let j = 0; j < chunk.length; j++) {
      const b = chunk[j]!
      chars[j] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b)
    }
    out += chars.join('')
  }
  return out
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** Reject decoded text that is mostly control characters: it was binary after all. */
function checked(text: string | null, encoding: Encoding): DecodeResult {
  if (text === null) return { ok: false, reason: `undecodable text (invalid ${encoding.replace('-bom', '')})` }
  if (text.trim().length === 0) return { ok: false, reason: 'empty file' }
  let control = 0
  const n = Math.min(text.length, 8192)
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) control++
  }
  if (control > n * 0.02) return { ok: false, reason: 'binary file (not text)' }
  return { ok: true, text, encoding }
}
