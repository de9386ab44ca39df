/**
 * How much text two documents share: symmetric similarity (Jaccard) for copies and the asymmetric
 * containment ("how much of A is found in B") that reveals a rewrite quoting part of an original.
 * Passages locate the shared text in both files, in original character offsets.
 */
import { intersectCount, SHINGLE, type Shingled } from './shingles'

export interface Overlap {
  /** distinct shingles found in both */
  shared: number
  /** share of A's shingles found in B */
  aInB: number
  /** share of B's shingles found in A */
  bInA: number
  jaccard: number
}

export function overlap(a: Uint32Array, b: Uint32Array): Overlap {
  const shared = intersectCount(a, b)
  const union = a.length + b.length - shared
  return {
    shared,
    aInB: a.length ? shared / a.length : 0,
    bInA: b.length ? shared / b.length : 0,
    jaccard: union ? shared / union : 0
  }
}

export interface Passage {
  a: { start: number; end: number }
  b: { start: number; end: number }
  /** letters in the shared run (punctuation and spaces not counted) */
  letters: number
}

/** a run of shared text survives a changed word or two */
const MAX_GAP = 12
/** shorter shared runs are stock phrases, not reuse */
const MIN_PASSAGE_LETTERS = 60

/** Passages of A that also appear in B, in A's order. */
export function passages(a: Shingled, b: Shingled): Passage[] {
  const firstInB = new Map<number, number>()
  for (let j = b.hashes.length - 1; j >= 0; j--) firstInB.set(b.hashes[j]!, j)
  const out: Passage[] = []
  let runStart = -1
  let runEnd = -1
  let bStart = -1
  let bEnd = -1
  let prev = -2
  const close = () => {
    if (runStart < 0) return
    const letters = runEnd - runStart + SHINGLE
    if (letters >= MIN_PASSAGE_LETTERS) {
      const aOff = a.stream.offsets
      const bOff = b.stream.offsets
      const bLast = Math.max(bEnd, bStart)
      out.push({
        a: { start: aOff[runStart]!, end: aOff[runEnd + SHINGLE - 1]! + 1 },
        b: { start: bOff[bStart]!, end: bOff[Math.min(bLast + SHINGLE - 1, bOff.length - 1)]! + 1 },
        letters
      })
    }
    runStart = -1
  }
  for (let i = 0; i < a.hashes.length; i++) {
    const h = a.hashes[i]!
    // follow the current alignment when it continues, else jump to the first occurrence
    let j = prev >= 0 && b.hashes[prev + 1] === h ? prev + 1 : (firstInB.get(h) ?? -1)
    if (j < 0) {
      if (runStart >= 0 && i - runEnd > MAX_GAP) close()
      continue
    }
    if (runStart >= 0 && (i - runEnd > MAX_GAP || j < bEnd - MAX_GAP || j > bEnd + (i - runEnd) + MAX_GAP)) close()
    if (runStart < 0) {
      runStart = i
      bStart = j
    }
    runEnd = i
    bEnd = j
    prev = j
  }
  close()
  return out
}
