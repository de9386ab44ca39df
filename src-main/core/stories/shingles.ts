/**
 * Text → letters-only stream → character 8-gram shingle hashes.
 * Dropping everything but letters (and case and accents) makes a scrape with its punctuation,
 * spaces or paragraph breaks stripped hash exactly like its original; boilerplate lines are blanked
 * first so paywall and "related articles" text does not count as shared or missing text.
 */
import { blankBoilerplate } from '../entities/prepare'

export const SHINGLE = 8
/** keep shingles whose hash ≡ 0 mod 16 as the document's sample (0-mod-p sampling keeps containment unbiased) */
export const SAMPLE_MASK = 15

export interface LetterStream {
  letters: string
  /** offset in the original text of each letter */
  offsets: Uint32Array
}

const LETTER_RE = /\p{L}/u
const MARK_RE = /\p{M}/gu

// letters collect as UTF-16 code units and become one string at the end (a string per letter
// pushed to an array and joined cost as much as the hashing)
const UTF16 = new TextDecoder('utf-16le')

export function letterStream(text: string): LetterStream {
  const clean = blankBoilerplate(text)
  let codes = new Uint16Array(clean.length + 16)
  let offsets = new Uint32Array(clean.length + 16)
  let n = 0
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i)
    if (c < 128) {
      if (c >= 97 && c <= 122) {
        codes[n] = c
        offsets[n++] = i
      } else if (c >= 65 && c <= 90) {
        codes[n] = c + 32
        offsets[n++] = i
      }
      continue
    }
    const ch = clean[i]!
    if (!LETTER_RE.test(ch)) continue
    // é → e, ﬁ → fi: each produced letter points at the source character
    for (const l of ch.normalize('NFKD').replace(MARK_RE, '').toLowerCase()) {
      if (!LETTER_RE.test(l)) continue
      if (n + l.length > codes.length) {
        const more = Math.max(codes.length * 2, n + l.length)
        const c2 = new Uint16Array(more)
        c2.set(codes)
        codes = c2
        const o2 = new Uint32Array(more)
        o2.set(offsets)
        offsets = o2
      }
      for (let k = 0; k < l.length; k++) {
        codes[n] = l.charCodeAt(k)
        offsets[n++] = i
      }
    }
  }
  const bytes = new Uint8Array(codes.buffer, 0, n * 2)
  return { letters: UTF16.decode(bytes), offsets: offsets.slice(0, n) }
}

/** Hash of the 8 letters starting at each position (FNV-1a, then a murmur finaliser for uniform low bits). */
export function shingleHashes(letters: string): Uint32Array {
  const count = Math.max(0, letters.length - SHINGLE + 1)
  const out = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ letters.charCodeAt(i + k), 0x01000193)
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
    out[i] = h >>> 0
  }
  return out
}

/** Sorted distinct hashes. */
export function shingleSet(hashes: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(hashes).sort()
  let n = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!
  return sorted.subarray(0, n)
}

export function sampleOf(set: Uint32Array): Uint32Array {
  return set.filter((h) => (h & SAMPLE_MASK) === 0)
}

/** Everything a story comparison needs from one text. */
export interface Shingled {
  stream: LetterStream
  hashes: Uint32Array
  set: Uint32Array
}

export function shingle(text: string): Shingled {
  const stream = letterStream(text)
  const hashes = shingleHashes(stream.letters)
  return { stream, hashes, set: shingleSet(hashes) }
}

/** Size of the intersection of two sorted sets. */
export function intersectCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++
    else if (a[i]! > b[j]!) j++
    else {
      n++
      i++
      j++
    }
  }
  return n
}

export function encodeSample(sample: Uint32Array): string {
  return Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString('base64')
}

export function decodeSample(b64: string): Uint32Array {
  const buf = Buffer.from(b64, 'base64')
  const out = new Uint32Array(buf.length >> 2)
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4)
  return out
}
