/**
 * Keeping a note on its passage when the article changes: the offsets while the quoted words are
 * still there; else the quote found again (the one with the most matching context when it occurs
 * more than once); else the note is flagged as lost from its passage, never moved to a guess.
 */
import type { Passage } from './file'

const CONTEXT = 32

export function passageAt(text: string, start: number, end: number): Passage {
  return { start, end, quote: text.slice(start, end), before: text.slice(Math.max(0, start - CONTEXT), start), after: text.slice(end, end + CONTEXT) }
}

export type Anchored = { passage: Passage; moved: boolean } | { lost: true }

export function reanchor(text: string, p: Passage): Anchored {
  if (text.slice(p.start, p.end) === p.quote) return { passage: p, moved: false }
  let best = -1
  let bestScore = -1
  for (let at = text.indexOf(p.quote); at >= 0 && p.quote; at = text.indexOf(p.quote, at + 1)) {
    const score = common(text.slice(Math.max(0, at - p.before.length), at), p.before, true) + common(text.slice(at + p.quote.length, at + p.quote.length + p.after.length), p.after, false)
    if (score > bestScore) {
      bestScore = score
      best = at
    }
  }
  if (best < 0) return { lost: true }
  return { passage: passageAt(text, best, best + p.quote.length), moved: true }
}

/** Characters in common from the quote outwards: the end of `before`, the start of `after`. */
function common(a: string, b: string, fromEnd: boolean): number {
  let n = 0
  while (n < a.length && n < b.length && (fromEnd ? a[a.length - 1 - n] === b[b.length - 1 - n] : a[n] === b[n])) n++
  return n
}
