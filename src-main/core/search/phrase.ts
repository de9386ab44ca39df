/**
 * Exact-phrase verification. Lunr has no phrase query, so candidates found by an AND of the
 * phrase's terms are checked here against the document text.
 *
 * Both sides are reduced to a sequence of stemmed word parts, concatenated without separators,
 * with the part boundaries remembered. A phrase matches where its concatenation occurs starting
 * and ending on a boundary. That makes "deir al-zour" match "Deir al-Zour", "Deir alZour" and
 * "Deir Alzour", and "internal than external" match a copy whose punctuation was stripped,
 * while "art" never matches inside "start".
 */
import { words } from '../text/words'
import { phraseUnit } from './terms'

export interface UnitText {
  compact: string
  /** compact offset where each unit starts; one more entry for the end */
  unitStarts: number[]
  /** original-text span of each unit */
  spans: Array<[number, number]>
}

export function unitText(text: string): UnitText {
  let compact = ''
  const unitStarts: number[] = []
  const spans: Array<[number, number]> = []
  for (const w of words(text)) {
    for (const p of w.parts) {
      unitStarts.push(compact.length)
      spans.push([p.start, p.end])
      compact += phraseUnit(p)
    }
  }
  unitStarts.push(compact.length)
  return { compact, unitStarts, spans }
}

/** The compact form of a phrase as the user typed it. */
export function phraseKey(phrase: string): string {
  return unitText(phrase).compact
}

/** Original-text spans of every occurrence of the phrase (empty when it does not occur). */
export function findPhrase(doc: UnitText, key: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  if (!key) return out
  let from = 0
  for (;;) {
    const at = doc.compact.indexOf(key, from)
    if (at < 0) break
    from = at + 1
    const first = boundaryIndex(doc.unitStarts, at)
    const last = boundaryIndex(doc.unitStarts, at + key.length)
    if (first >= 0 && last > first) out.push([doc.spans[first]![0], doc.spans[last - 1]![1]])
  }
  return out
}

/** Index of the unit starting exactly at `offset`, or -1 if offset is inside a unit. */
function boundaryIndex(starts: number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = starts[mid]!
    if (v === offset) {
      // empty units cannot exist (parts are non-empty), so starts are strictly increasing
      return mid
    }
    if (v < offset) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}
