/** Exact-span precision, recall and F1 per type, as CoNLL scores them. */
import { DocumentMemory, type Recognizer } from '../../src-main/core/entities/recognizer/model'
import { spansOf } from '../../src-main/core/entities/recognizer/labels'
import type { TrainingSentence } from '../../src-main/core/entities/recognizer/train'

export interface Counts {
  tp: number
  fp: number
  fn: number
}

export function score(model: Recognizer, docs: readonly (readonly TrainingSentence[])[]): { byType: Record<string, Counts>; errors: Array<{ kind: string; text: string; sentence: string }> } {
  const byType: Record<string, Counts> = {}
  const errors: Array<{ kind: string; text: string; sentence: string }> = []
  const c = (t: string) => (byType[t] ??= { tp: 0, fp: 0, fn: 0 })
  for (const doc of docs) {
   const memory = new DocumentMemory()
   for (const s of doc) {
    const guess = spansOf(model.tag(s.words, s.ctx, memory))
    const gold = spansOf(s.labels)
    const key = (x: { from: number; to: number; type: string }) => `${x.from}:${x.to}:${x.type}`
    const goldKeys = new Set(gold.map(key))
    const guessKeys = new Set(guess.map(key))
    for (const g of guess) {
      if (goldKeys.has(key(g))) c(g.type).tp++
      else {
        c(g.type).fp++
        const sameSpan = gold.find((x) => x.from === g.from && x.to === g.to)
        errors.push({ kind: sameSpan ? `${sameSpan.type}→${g.type}` : `extra ${g.type}`, text: s.words.slice(g.from, g.to).join(' '), sentence: s.words.join(' ') })
      }
    }
    for (const g of gold) {
      if (guessKeys.has(key(g))) continue
      c(g.type).fn++
      if (!guess.some((x) => x.from === g.from && x.to === g.to)) errors.push({ kind: `missed ${g.type}`, text: s.words.slice(g.from, g.to).join(' '), sentence: s.words.join(' ') })
    }
   }
  }
  return { byType, errors }
}

export function prf(k: Counts): { p: number; r: number; f: number } {
  const p = k.tp / (k.tp + k.fp || 1)
  const r = k.tp / (k.tp + k.fn || 1)
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 }
}

export function report(byType: Record<string, Counts>, label: string): string[] {
  const sum = (types: string[]) => types.reduce((a, t) => ({ tp: a.tp + (byType[t]?.tp ?? 0), fp: a.fp + (byType[t]?.fp ?? 0), fn: a.fn + (byType[t]?.fn ?? 0) }), { tp: 0, fp: 0, fn: 0 })
  const row = (name: string, k: Counts) => {
    const { p, r, f } = prf(k)
    return `  ${name.padEnd(22)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (${k.tp + k.fn} gold)`
  }
  return [label, row('person', sum(['PER'])), row('organisation', sum(['ORG'])), row('place', sum(['LOC'])), row('misc (not shown)', sum(['MISC'])), row('PER+ORG+LOC', sum(['PER', 'ORG', 'LOC'])), row('all four (CoNLL)', sum(['PER', 'ORG', 'LOC', 'MISC']))]
}
