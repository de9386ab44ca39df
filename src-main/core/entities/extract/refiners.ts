/** Refiners: chunks that are one name. */
import { ORG_HEADS, ORG_STARTS } from '../lexicon'
import { fold, type ExtractionDoc } from './document'

/** Organisation names continue over "of"/"for": "Ministry of Defence", "Syrian Observatory for Human Rights". */
export function joinOverOf(d: ExtractionDoc): void {
  const { chunks, tokens } = d
  for (let k = 0; k < chunks.length - 1; k++) {
    const c = chunks[k]!
    if (c.known) continue
    const head = fold(tokens[c.to - 1])
    const first = fold(tokens[c.from])
    if (!ORG_HEADS.has(head) && !ORG_STARTS.has(first)) continue
    let j = c.to
    if (!['of', 'for', 'on'].includes(fold(tokens[j]))) continue
    j++
    if (fold(tokens[j]) === 'the') j++
    const next = chunks[k + 1]!
    if (next.from !== j || next.known?.type === 'organization') continue
    c.to = next.to
    chunks.splice(k + 1, 1)
    k--
  }
}

/** "South African Transport and Allied Workers Union": a name joined by "and" to an organisation name. */
export function joinOverAnd(d: ExtractionDoc): void {
  const { chunks, tokens } = d
  for (let k = 0; k < chunks.length - 1; k++) {
    const a = chunks[k]!
    const b = chunks[k + 1]!
    if (a.known || b.known || fold(tokens[a.to]) !== 'and' || b.from !== a.to + 1) continue
    if (!ORG_HEADS.has(fold(tokens[b.to - 1])) || b.to - b.from < 2 || a.to - a.from < 2) continue
    a.to = b.to
    chunks.splice(k + 1, 1)
    k--
  }
}
