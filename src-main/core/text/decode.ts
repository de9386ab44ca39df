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
    return checked(new TextDecoder('windows-1252').decode(bytes), 'windows-1252')
  }
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
