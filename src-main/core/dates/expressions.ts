/**
 * Every date expression of one article, resolved against its publication date, with the rule
 * behind each: what `dateline dates` lists and the reader explains. Dates and relative dates come
 * from the timeline's finder (timeline/timex.ts, kept symbolic there so a corrected publication
 * date re-resolves them); durations ("210 years", "the first nine months") and recurring times
 * ("daily") are found here and never dated.
 */
import { boundedSentences } from '../text/sentences'
import { resolveTimex, type Anchor, type DateRange } from '../timeline/resolve'
import { findTimexes, numberOf, type TimeExpr, type Timex } from '../timeline/timex'
import { dayOf } from './calendar'

export type ExpressionKind = 'date' | 'duration' | 'set' | 'present'

export interface DateExpression {
  start: number
  end: number
  text: string
  kind: ExpressionKind
  /** the days it stands for; null for a duration, a recurring time, or a relative date without a publication date */
  range: DateRange | null
  /** a duration's or a recurring time's length, ISO 8601 ("P210Y", "P9M", "P1D") */
  length?: string
  /** what it was resolved against: the text alone, or the publication date */
  anchor: 'text' | 'publication' | null
  /** which reading found it ("relative: last week", "month and day", "duration") */
  rule: string
  /** the symbolic form (dates only), for the timeline and for tools */
  expr?: TimeExpr
}

const UNIT_CODE: Record<string, string> = { day: 'D', week: 'W', month: 'M', year: 'Y', decade: 'DE', century: 'CE', hour: 'H', minute: 'M' }
const NUM = '(\\d{1,4}(?:\\.\\d)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|forty|fifty|hundred|several|a\\s+few|few|many)'
// "210 years", "the first nine months", "the past two weeks", "a five-year plan" (not "two years ago": a date)
const DURATION_RE = new RegExp(
  `\\b(?:(?:the|its|their)\\s+)?(?:(?:first|past|last|previous|next|coming|following)\\s+)?${NUM}[\\s-]+(day|week|month|year|decade|century|hour|minute)s?\\b(?![\\s-]+(?:ago|earlier|before|later|after|old|from\\s+now)\\b)`,
  'gi'
)
// "for weeks", "over months": a length without a number (P"X"W)
const VAGUE_DURATION_RE = /\b(?:for|over|within|in|after)\s+(?:many\s+|several\s+)?(days|weeks|months|years|decades)\b(?!\s+(?:ago|earlier|before|later|of|to\s+come))/gi
const SET_RE = /\b(?:daily|weekly|monthly|every\s+(day|week|month|year)|each\s+(day|week|month|year)|a\s+(day|week|month|year)\b(?=[^.]*\d))/gi
const SET_LENGTH: Record<string, string> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', quarterly: 'P3M', annually: 'P1Y', yearly: 'P1Y' }

const LEAD_RE = /^(?:on|in|during|since|until|till|through|throughout|by|before|after|of|for|at|from|into|between|due)\s+/i
// a year keeps no article and no year before it either ("the 1996 campaign", "between 1994 and 1997")
const YEAR_LEAD_RE = /^(?:(?:on|in|during|since|until|till|through|throughout|by|before|after|of|for|at|from|into|between|due|the|a|an|its|his|her|their|that)\s+|(?:19|20)\d\d\s*(?:,|and|or|to)\s*)/i

/** The article's date expressions in text order; `published` the publication date as a range of days, or null. */
export function dateExpressions(text: string, published: Anchor | null): DateExpression[] {
  const out: DateExpression[] = []
  // the quarter an article's figures are for: "a year earlier" in a later sentence means the same quarter a year before
  let quarter: Extract<TimeExpr, { k: 'q' }> | undefined
  for (const s of boundedSentences(text)) {
    const taken: Array<[number, number]> = []
    for (const t of findTimexes(s.text, quarter).flatMap(yearsApart)) {
      if (t.expr.k === 'q' && t.expr.quarter > 0 && !t.expr.back) quarter = t.expr
      const range = resolveTimex(t.expr, published)
      // the expression without the preposition that introduces it ("on Friday" → "Friday"), as TimeML marks it
      const lead = ((t.expr.k === 'abs' && t.expr.precision === 'year' ? YEAR_LEAD_RE : LEAD_RE).exec(t.text)?.[0].length ?? 0)
      const start = s.start + t.start + lead
      out.push({
        start,
        end: s.start + t.end,
        text: t.text.slice(lead),
        kind: t.expr.k === 'present' ? 'present' : 'date',
        range,
        anchor: range ? (range.basis === 'explicit' ? 'text' : 'publication') : null,
        rule: ruleOf(t.expr),
        expr: t.expr
      })
      taken.push([t.start, t.end])
    }
    const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x)
    for (const m of s.text.matchAll(DURATION_RE)) {
      const n = numberOf(m[1]!)
      const unit = m[2]!.toLowerCase()
      if (!free(m.index, m.index + m[0].length) || n === 0) continue
      const code = UNIT_CODE[unit]!
      const length = `P${unit === 'hour' || unit === 'minute' ? 'T' : ''}${Number.isNaN(n) ? 'X' : n}${code}`
      out.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, text: m[0], kind: 'duration', range: null, length, anchor: null, rule: 'duration' })
      taken.push([m.index, m.index + m[0].length])
    }
    for (const m of s.text.matchAll(VAGUE_DURATION_RE)) {
      const at = m.index + m[0].length - m[1]!.length
      if (!free(m.index, m.index + m[0].length)) continue
      const length = `PX${UNIT_CODE[m[1]!.toLowerCase().replace(/s$/, '')]}`
      out.push({ start: s.start + at, end: s.start + at + m[1]!.length, text: m[1]!, kind: 'duration', range: null, length, anchor: null, rule: 'duration, no number' })
      taken.push([m.index, m.index + m[0].length])
    }
    for (const m of s.text.matchAll(SET_RE)) {
      if (!free(m.index, m.index + m[0].length)) continue
      const unit = (m[1] ?? m[2] ?? m[3])?.toLowerCase()
      const length = unit ? `P1${UNIT_CODE[unit]}` : SET_LENGTH[m[0].toLowerCase()]!
      out.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, text: m[0], kind: 'set', range: null, length, anchor: null, rule: 'recurring' })
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

/** "from 1919 to 1921" is one stretch for the timeline, and two dates in the article's list (as TimeML marks them). */
function yearsApart(t: Timex): Timex[] {
  if (t.expr.k !== 'abs' || t.expr.precision !== 'year' || t.expr.end - t.expr.start < 366) return [t]
  return [...t.text.matchAll(/(?:19|20)\d\d/g)].map((m) => {
    const y = Number(m[0])
    return { text: m[0], start: t.start + m.index, end: t.start + m.index + 4, expr: { k: 'abs', start: dayOf(y, 1, 1), end: dayOf(y + 1, 1, 1) - 1, precision: 'year' } }
  })
}

function ruleOf(e: TimeExpr): string {
  switch (e.k) {
    case 'abs':
      return `explicit ${e.precision}`
    case 'md':
      return e.future ? 'month and day, the next one (future tense)' : e.near ? 'month and day, the nearer one (no tense)' : 'month and day, the latest one on or before publication'
    case 'm':
      return e.future ? 'month, the next one (future tense)' : e.near ? 'month, the nearer one (no tense)' : 'month, the latest one on or before publication'
    case 'wd':
      return e.future ? 'weekday, the next one (future tense)' : 'weekday, the latest one on or before publication'
    case 'rel':
      return `relative ${e.unit} (${e.n > 0 ? '+' : ''}${e.n})`
    case 'ago':
      return `${e.n} ${e.unit}${e.n === 1 ? '' : 's'} before publication`
    case 'few':
      return `a few ${e.unit}s before publication`
    case 'recent':
      return 'recent: up to publication'
    case 'season':
      return e.year !== undefined ? 'season of a year' : `season (${e.which})`
    case 'q':
      return e.year !== undefined ? 'quarter of a year' : `quarter (${e.which})`
    case 'present':
      return 'present: the publication date'
  }
}
