/**
 * Sentences with their offsets in the text. Paragraph breaks always end a sentence; a full stop
 * ends one unless it belongs to an abbreviation ("Mr.", "U.S.", "Gen.", "Jan.") or an initial.
 * Good enough for news prose, where the cost of a wrong split is one event losing its date.
 */

export interface Sentence {
  start: number
  end: number
  text: string
}

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'cpl', 'adm', 'gov', 'sen', 'rep', 'rev', 'st',
    'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'approx', 'fig', 'al', 'jan', 'feb', 'mar', 'apr',
    'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun'
  ]
)

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = []
  for (const para of text.matchAll(/[^\n]+/g)) {
    const base = para.index
    const p = para[0]
    let from = 0
    for (const m of p.matchAll(/[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\d])/gu)) {
      const end = m.index + m[0].length
      if (m[0][0] === '.' && m[0].length === 1 && isAbbreviation(p, m.index)) continue
      push(out, text, base + from, base + end)
      from = end
    }
    push(out, text, base + from, base + p.length)
  }
  return out
}

function isAbbreviation(p: string, dot: number): boolean {
  const word = /[\p{L}.]+$/u.exec(p.slice(Math.max(0, dot - 12), dot))?.[0] ?? ''
  if (/^\p{Lu}$/u.test(word)) return true // an initial: "John F. Kennedy"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true // "U.S", "U.K"
  return ABBREVIATIONS.has(word.toLowerCase())
}

function push(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (end > start) out.push({ start, end, text: text.slice(start, end) })
}
