/**
 * Bytes → text, detecting the encoding instead of assuming UTF-8.
 * Order: BOM (UTF-8, UTF-16 LE/BE) → BOM-less UTF-16 (NUL-byte pattern) → strict UTF-8 →
 * legacy single-byte (Windows-1252, a superset of Latin-1 used by most old newsroom exports).
 * Binary content is refused with a reason rather than decoded into garbage.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; reason: string }

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checked(tryDecode('utf-8', bytes.subarray(3)), 'utf-8-bom')
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(tryDecode('utf-16le', bytes.subarray(2)), 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(tryDecode('utf-16be', bytes.subarray(2)), 'utf-16be')

  if (bytes.includes(0)) {
    const guess = guessBomlessUtf16(bytes)
    if (guess) return checked(tryDecode(guess, bytes), guess)
    return { ok: false, reason: 'binary file (contains NUL bytes)' }
  }
  try {
    return checked(utf8.decode(bytes), 'utf-8')
  } catch {
    // Not valid UTF-8: a legacy single-byte file. Windows-1252 maps 0x80–0x9F to the curly
    // quotes and dashes such files actually contain, where Latin-1 would give control codes.
    return checked(decodeWindows1252(bytes), 'windows-1252')
  }
}

// 0x80–0x9F of Windows-1252. Node's TextDecoder('windows-1252') decodes these as Latin-1 control
// codes (losing every curly quote and dash), so the table is applied here.
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

/** UTF-16 text without a BOM has a NUL in every other byte for Latin script. */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null
  const n = Math.min(bytes.length, 4096)
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenZeros++
      else oddZeros++
    }
  }
  const pairs = n / 2
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be'
  return null
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
