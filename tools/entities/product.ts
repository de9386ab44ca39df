/**
 * The product's own entity extraction (core/entities/extract.ts, what the index stores) scored
 * on CoNLL-2003 eng.testa: each article's tokens joined back into text (a space between tokens,
 * a line per sentence), every mention compared with the gold spans, exact span and type, for
 * people, organisations and places (gold MISC names are not counted; a mention of one is an error).
 */
import { extractEntities } from '../../src-main/core/entities/extract'
import type { ExtractionDoc } from '../../src-main/core/entities/extract/document'
import { spansOf } from '../../src-main/core/entities/recognizer/labels'
import type { ConllSentence } from './conll'
import type { Counts } from './score'

const TYPE: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' }

export function scoreProduct(
  docs: readonly ConllSentence[][],
  stages?: ReadonlyArray<(d: ExtractionDoc) => void>
): { byType: Record<string, Counts>; msPerDoc: number; errors: Array<{ kind: string; text: string; context: string }> } {
  const byType: Record<string, Counts> = {}
  const errors: Array<{ kind: string; text: string; context: string }> = []
  const c = (t: string) => (byType[t] ??= { tp: 0, fp: 0, fn: 0 })
  let ms = 0
  for (const doc of docs) {
    let text = ''
    const gold = new Set<string>()
    for (const s of doc) {
      const starts: number[] = []
      const ends: number[] = []
      s.words.forEach((w, i) => {
        if (i) text += ' '
        starts.push(text.length)
        text += w
        ends.push(text.length)
      })
      for (const g of spansOf(s.labels)) if (g.type !== 'MISC') gold.add(`${starts[g.from]}:${ends[g.to - 1]}:${g.type}`)
      text += '\n'
    }
    const t0 = performance.now()
    const found = stages ? extractEntities(text, undefined, stages) : extractEntities(text)
    ms += performance.now() - t0
    const guess = new Set<string>()
    for (const e of found) for (const [a, b] of e.mentions) guess.add(`${a}:${b}:${TYPE[e.type]}`)
    const spanOf = (k: string) => k.split(':').slice(0, 2).join(':')
    const goldBySpan = new Map([...gold].map((g) => [spanOf(g), g.split(':')[2]!]))
    const guessSpans = new Set([...guess].map(spanOf))
    const textOf = (k: string) => {
      const [a, b] = k.split(':').map(Number)
      return text.slice(a, b)
    }
    const contextOf = (k: string) => {
      const [a, b] = k.split(':').map(Number) as [number, number]
      return text.slice(Math.max(0, a - 60), b + 60).replace(/\n/g, ' ⏎ ')
    }
    for (const g of guess) {
      const type = g.split(':')[2]!
      if (gold.has(g)) c(type).tp++
      else {
        c(type).fp++
        const other = goldBySpan.get(spanOf(g))
        errors.push({ kind: other ? `${other}→${type}` : `extra ${type}`, text: textOf(g), context: contextOf(g) })
      }
    }
    for (const g of gold) {
      if (guess.has(g)) continue
      c(g.split(':')[2]!).fn++
      if (!guessSpans.has(spanOf(g))) errors.push({ kind: `missed ${g.split(':')[2]}`, text: textOf(g), context: contextOf(g) })
    }
  }
  return { byType, msPerDoc: ms / docs.length, errors }
}
