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
  for (const para of paragraphs(text)) {
    const base = para.index
    const p = para.text
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

/**
 * Lines, with a hard-wrapped line joined to the next (wire copy breaks lines at ~70 characters
 * inside sentences): a long line that ends without a sentence mark, before a line that goes on in
 * lower case or after a line ending on a comma or a small word ("…told reporters in\nSan
 * Salvador that…"). A short line (a headline) always ends its unit.
 */
function paragraphs(text: string): Array<{ index: number; text: string }> {
  const units: Array<{ index: number; end: number; lines: number; last: string }> = []
  for (const line of text.matchAll(/[^\n]+/g)) {
    const unit = units[units.length - 1]
    if (unit && continues(unit.last, unit.lines > 1, line[0])) {
      unit.end = line.index + line[0].length
      unit.lines++
      unit.last = line[0]
    } else units.push({ index: line.index, end: line.index + line[0].length, lines: 1, last: line[0] })
  }
  // sliced once per unit: a file of a million wrapped lines stays linear
  return units.map((u) => ({ index: u.index, text: text.slice(u.index, u.end) }))
}

const OPEN_END = /(?:,|[-–—]|\b(?:and|or|but|the|a|an|of|to|in|for|with|by|on|at|from|that|which|who|said|says|its|their|his|her))\s*$/i

function continues(lastLine: string, wrapped: boolean, line: string): boolean {
  const last = lastLine.trimEnd()
  // a first line this short is a headline or a label; inside wrapped copy a line may be shorter
  if (last.length < (wrapped ? 20 : 40) || /[.!?:;"”’)\]]$/.test(last) || !line.trim()) return false
  return /^\s*[\p{Ll}\d(]/u.test(line) || OPEN_END.test(last.slice(-40))
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

const MAX_SENTENCE = 1200

/**
 * Sentences, with any of thousands of characters (a scrape with no punctuation at all, a hex
 * dump) cut at spaces into pieces of about 800: date parsing over them stays linear in the text.
 */
export function boundedSentences(text: string): Sentence[] {
  return sentences(text).flatMap((x) => (x.text.length > MAX_SENTENCE ? pieces(x) : [x]))
}

function pieces(x: Sentence): Sentence[] {
  const out: Sentence[] = []
  let from = 0
  while (from < x.text.length) {
    let to = Math.min(x.text.length, from + 800)
    if (to < x.text.length) {
      // look back for a space only inside this piece: lastIndexOf scanned back to the start of a
      // spaceless sentence for every piece (an 11 MB hex dump: 47 s, #25 item 8)
      let space = to
      while (space > from + 200 && x.text.charCodeAt(space) !== 32) space--
      if (space > from + 200) to = space
    }
    out.push({ start: x.start + from, end: x.start + to, text: x.text.slice(from, to) })
    from = to
  }
  return out
}
