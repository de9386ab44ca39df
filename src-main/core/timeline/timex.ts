/**
 * Temporal expressions in news text, kept symbolic: "last week" is stored as "the week before the
 * publication date", not as a day, so it is resolved again whenever the publication date changes
 * (resolve.ts). chrono-node does the absolute dates ("March 8, 2015", "30 October, 2015",
 * "in January"); news-specific parsers added to a cloned chrono configuration do the rest (relative
 * and vague expressions, seasons, weekdays, bare years), and refiners remove what chrono misreads
 * on news ("May" the verb, "Sunday Telegraph", slashed numbers without a year).
 */
import * as chrono from 'chrono-node'
import { dayOf } from '../dates/calendar'

export type Unit = 'day' | 'week' | 'month' | 'year'
export type Season = 'spring' | 'summer' | 'autumn' | 'winter'

export type TimeExpr =
  /** an explicit date, month or year ("March 8, 2015", "January 2015", "in 2014"), as day numbers */
  | { k: 'abs'; start: number; end: number; precision: 'day' | 'month' | 'year' }
  /**
   * a day without a year ("March 8"): the latest such day on or before publication when the clause
   * is in the past tense; the next one when in the future tense (`future`: "payable Dec. 15"); the
   * nearer of the two when the clause says neither (`near`: "the Dec. 15 deadline")
   */
  | { k: 'md'; month: number; day: number; future?: boolean; near?: boolean }
  /** a month without a year ("in January"): as a day without a year, by the tense of its clause */
  | { k: 'm'; month: number; future?: boolean; near?: boolean }
  /** a weekday ("on Sunday", "last Monday"): the latest one before publication (reported events are past), or the next one when `future` ("will play on Sunday") */
  | { k: 'wd'; weekday: number; last?: boolean; future?: boolean }
  /** a calendar unit relative to publication: "last week" (-1), "this month" (0), "yesterday" (day -1) */
  | { k: 'rel'; unit: Unit; n: number }
  /** "three months ago", "two weeks ago" */
  | { k: 'ago'; unit: Unit; n: number }
  /** "a few months ago", "several weeks ago": a vague stretch before publication */
  | { k: 'few'; unit: Unit }
  /** "in recent weeks", "in the past few days": up to publication */
  | { k: 'recent'; unit: Unit }
  /** "last summer", "this spring", "in the summer of 2014" */
  | { k: 'season'; season: Season; which: 'last' | 'this' | 'bare'; year?: number }
  /** a quarter: "the third quarter of 1989"; year-less, the latest one begun by publication ("third-quarter profit"), "last", "this", "next", or "latest" (the last one completed) */
  | { k: 'q'; quarter: number; year?: number; which: 'bare' | 'last' | 'this' | 'next' | 'latest'; back?: number }
  /** "now", "currently", "at present": the time of publication */
  | { k: 'present' }

export interface Timex {
  text: string
  /** offsets in the text that was parsed */
  start: number
  end: number
  expr: TimeExpr
}

const REF = new Date(Date.UTC(2000, 5, 15, 12))
const TAG = 'dateline/expr:'

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
  'a couple of': 2, 'a couple': 2
}
const NUM = '(\\d{1,3}|a couple of|a couple|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)'
const UNIT = '(day|week|month|year)s?'
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const SEASONS: Record<string, Season> = { spring: 'spring', summer: 'summer', autumn: 'autumn', fall: 'autumn', winter: 'winter' }

function unitOf(s: string): Unit {
  return s.toLowerCase().replace(/s$/, '') as Unit
}

/** "12", "1.5", "twelve", "a couple of" → the number; NaN for "several", "a few" */
export function numberOf(s: string): number {
  const t = s.toLowerCase().replace(/\s+/g, ' ')
  return /^\d/.test(t) ? Number(t) : NUMBER_WORDS[t] ?? NaN
}

interface Rule {
  re: RegExp
  make(m: RegExpMatchArray): TimeExpr | null
}

const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 }

// Case-insensitive; each rule's match is the expression's text. Ordered longest-first where they overlap
// (chrono's overlap refiner keeps the longest result anyway).
const RULES: Rule[] = [
  {
    re: /\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+(?:of\s+)?((?:19|20)\d\d))?\b/i,
    make: (m) => (m[2] ? { k: 'q', quarter: ORDINALS[m[1]!.toLowerCase()]!, year: Number(m[2]), which: 'bare' } : { k: 'q', quarter: ORDINALS[m[1]!.toLowerCase()]!, which: 'bare' })
  },
  {
    re: /\b(?:the\s+)?(last|past|previous|this|current|next|latest|most\s+recent)\s+quarter\b|\bthe\s+quarter\b(?!\s+(?:of|point|century|mile|final))/i,
    make: (m) => {
      const w = (m[1] ?? 'latest').toLowerCase()
      return { k: 'q', quarter: 0, which: w === 'this' || w === 'current' ? 'this' : w === 'next' ? 'next' : w === 'latest' || w.startsWith('most') ? 'latest' : 'last' }
    }
  },
  { re: /\b(?:right\s+now|now|currently|at\s+present|nowadays|these\s+days|at\s+the\s+moment)\b(?!\s*-)/i, make: () => ({ k: 'present' }) },
  { re: /\brecently\b/i, make: () => ({ k: 'recent', unit: 'month' }) },
  // "in the past", "over the years": some time before publication, no closer
  { re: /\b(?:in|over)\s+the\s+past\b(?!\s+(?:few|several|two|three|\d|week|month|year|day|decade))/i, make: () => ({ k: 'recent', unit: 'year' }) },
  { re: /\b(?:next|this\s+coming)\s+(week|month|year)\b/i, make: (m) => ({ k: 'rel', unit: unitOf(m[1]!), n: 1 }) },
  { re: /\btomorrow\b/i, make: () => ({ k: 'rel', unit: 'day', n: 1 }) },
  { re: new RegExp(`\\b${NUM}\\s+${UNIT}\\s+(?:ago|earlier|before)\\b`, 'i'), make: (m) => ago(m[1]!, m[2]!) },
  {
    re: /\b(?:a\s+few|several|some|a\s+number\s+of)\s+(day|week|month|year)s\s+(?:ago|earlier|back)\b/i,
    make: (m) => ({ k: 'few', unit: unitOf(m[1]!) })
  },
  {
    re: /\b(?:in|over|during|within)\s+(?:the\s+)?(?:recent|past|last|previous)\s+(?:few\s+|several\s+|couple\s+of\s+)?(day|week|month|year)s\b|\brecent\s+(day|week|month|year)s\b/i,
    make: (m) => ({ k: 'recent', unit: unitOf(m[1] ?? m[2]!) })
  },
  { re: /\b(?:in\s+)?recent\s+times\b/i, make: () => ({ k: 'recent', unit: 'month' }) },
  { re: /\b(last|past|previous|this|earlier\s+this|later\s+this)\s+(week|month|year)\b/i, make: (m) => rel(m[1]!, m[2]!) },
  { re: /\b(?:the\s+)?(week|month|year)\s+before\b/i, make: (m) => ({ k: 'rel', unit: unitOf(m[1]!), n: -1 }) },
  { re: /\byesterday\b/i, make: () => ({ k: 'rel', unit: 'day', n: -1 }) },
  { re: /\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b/i, make: () => ({ k: 'rel', unit: 'day', n: 0 }) },
  {
    re: /\b(last|this|past)\s+(spring|summer|autumn|fall|winter)\b/i,
    make: (m) => ({ k: 'season', season: SEASONS[m[2]!.toLowerCase()]!, which: m[1]!.toLowerCase() === 'this' ? 'this' : 'last' })
  },
  {
    re: /\b(?:(?:in|during)\s+(?:the\s+)?)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?((?:19|20)\d\d))?\b/i,
    make: (m) => {
      const season = SEASONS[m[1]!.toLowerCase()]!
      // a bare "summer" is only a date after "in/during" ("summer offensive" is not)
      if (!m[2] && !/^(?:in|during)\s/i.test(m[0])) return null
      return m[2] ? { k: 'season', season, which: 'bare', year: Number(m[2]) } : { k: 'season', season, which: 'bare' }
    }
  },
  {
    // "from 1919 to 1921", "between 1994 and 1997": one stretch of years (an event over it is dated to all of it)
    re: /\b(?:from|between)\s+((?:19|20)\d\d)\s*(?:to|and|until|through|-|–)\s*((?:19|20)\d\d)\b(?![-–,.]?\d)/i,
    make: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])]
      return b > a && b - a <= 100 ? { k: 'abs', start: dayOf(a, 1, 1), end: dayOf(b + 1, 1, 1) - 1, precision: 'year' } : null
    }
  },
  {
    // "in 2014", "during 2013", "early 2015", "in mid-2014", "since 2007", "of 2009", "fiscal 1990":
    // a bare year needs a cue, numbers are everywhere in news
    re: /\b(?:in|during|throughout|early|late|mid-?|since|until|till|through|by|before|after|of|for|from|into|between|due|fiscal|(?:the\s+)?(?:start|end|beginning|middle)\s+of|(?:19|20)\d\d\s*(?:,|and|or|to)|(?:the|a|an|its|his|her|their|that)(?=\s+(?:19|20)\d\d\s+[A-Za-z]))\s*((?:19|20)\d\d)\b(?![-–,.]?\d)(?!\s*(?:%|percent|shares|people|tons|troops|points|cars|units|jobs|workers|dollars|yen|marks|barrels|acres|miles|feet|meters|metres))/i,
    make: (m) => {
      const y = Number(m[1])
      return { k: 'abs', start: dayOf(y, 1, 1), end: dayOf(y + 1, 1, 1) - 1, precision: 'year' }
    }
  },
  {
    re: /\b(?:(?:on|last|this|past)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:\s+(?:night|morning|afternoon|evening))?\b/i,
    make: (m) => {
      if (/^next\b/i.test(m[0])) return null
      const e: TimeExpr = { k: 'wd', weekday: WEEKDAYS.indexOf(m[1]!.toLowerCase()) }
      if (/^(?:last|past)\b/i.test(m[0])) e.last = true
      return e
    }
  }
]

function ago(n: string, unit: string): TimeExpr | null {
  const v = numberOf(n)
  return Number.isFinite(v) && v > 0 ? { k: 'ago', unit: unitOf(unit), n: v } : null
}

function rel(which: string, unit: string): TimeExpr {
  const w = which.toLowerCase().replace(/\s+/g, ' ')
  return { k: 'rel', unit: unitOf(unit), n: w === 'last' || w === 'past' || w === 'previous' ? -1 : 0 }
}

// what says a year-less date is ahead of the article: "will play on Sunday", "payable Dec. 15", "the meeting scheduled for March"
const FUTURE_CUE = /\b(?:will|shall|'ll|would|could|might|must|should|is\s+to|are\s+to|going\s+to|scheduled|expected|due|payable|plans?|planned|planning|intends?|intending|set\s+to|next|upcoming|coming|to\s+be\s+held|as\s+(?:soon|early)\s+as)\b/gi
// …and what says it is behind: a verb in the past ("said", "was", "rose", "killed")
const PAST_CUE = /\b(?:said|says|told|was|were|had|did|rose|fell|began|came|went|took|made|met|saw|won|lost|left|held|gave|got|paid|sold|bought|grew|spent|ran|struck|fought|fled|led|shot|sent|kept|brought|thought|found|broke|spoke|wrote|\w{3,}ed)\b/gi
const PAST_AFTER = /^\s*(?:,\s*)?(?:[\p{L}-]+\s+){0,3}?(?:said|was|were|had|\w{3,}ed)\b/iu
const FUTURE_AFTER = /^\s*(?:,\s*)?(?:[\p{L}-]+\s+){0,3}?(?:will|is\s+expected|are\s+expected|is\s+scheduled|are\s+scheduled)\b/iu

/**
 * Whether the clause before a year-less date (up to 80 characters, back to a full stop or
 * semicolon) is in the future or the past tense: the nearest cue decides; undefined when there is
 * none. A cue right after the date counts too ("Sunday's match will…", "on Friday, it will…").
 */
function tenseOf(text: string, start: number, end: number): 'future' | 'past' | undefined {
  // "Wednesday's ruling": the day names a thing, which the clause around it does not date; only what follows can
  if (/^['’]s\b/.test(text.slice(end))) return FUTURE_AFTER.test(text.slice(end + 2, end + 42)) ? 'future' : 'past'
  const from = Math.max(0, start - 80)
  const before = text.slice(from, start)
  const stop = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('!'), before.lastIndexOf('?'))
  const clause = before.slice(stop + 1)
  let future = -1
  let said = -1
  let past = -1
  for (const m of clause.matchAll(FUTURE_CUE)) future = m.index
  for (const m of clause.matchAll(PAST_CUE)) {
    // "expected", "scheduled" look back and point ahead; "will be played", "to be held" are passives of the future
    if (/^(?:expected|scheduled|planned|due)$/i.test(m[0]) || /\bbe\s+$/i.test(clause.slice(Math.max(0, m.index - 4), m.index))) continue
    past = m.index
    if (/^(?:said|says|told|was|were|had|did)$/i.test(m[0])) said = m.index
  }
  // a future cue stands unless a plain past ("said", "was") follows it: "-ed" words after it are adjectives or participles ("will redeem preferred shares")
  if (future >= 0) return said > future ? 'past' : 'future'
  if (past >= 0) return 'past'
  if (FUTURE_AFTER.test(text.slice(end, end + 40).replace(/^['’]s\b/, ''))) return 'future'
  return PAST_AFTER.test(text.slice(end, end + 40)) ? 'past' : undefined
}

/** One chrono parser per rule: chrono's refiners then resolve overlaps between ours and its own. */
function newsParser(rule: Rule): chrono.Parser {
  return {
    pattern: () => new RegExp(rule.re.source, rule.re.flags.includes('i') ? 'i' : ''),
    extract: (context, match) => {
      const expr = rule.make(match)
      if (!expr) return null
      const r = context.createParsingResult(match.index!, match[0])
      r.start.imply('year', 2000) // placeholder: chrono wants a date; ours is read from the tag
      r.addTag(TAG + JSON.stringify(expr))
      return r
    }
  }
}

const MONTH_NAME_RE = /^(?:in\s+|of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i

/** Drop what chrono reads wrongly in news text. */
const newsRefiner: chrono.Refiner = {
  refine: (context, results) =>
    results.filter((r) => {
      if (isOurs(r)) {
        const after = context.text.slice(r.index + r.text.length)
        const before = context.text.slice(Math.max(0, r.index - 4), r.index)
        // "Sunday Telegraph", "The Sunday Times", "Monday's edition" are names, not dates
        if (/^\s+[A-Z][a-z]/.test(after) && /^(?:sun|mon|tues|wednes|thurs|fri|satur)day$/i.test(r.text)) return false
        if (/the\s*$/i.test(before) && /day$/i.test(r.text) && /^\s*[A-Z]/.test(after)) return false
        return true
      }
      // month names must be capitalised: "they may", "march on", "a long march"
      const word = /[A-Za-z]+/.exec(r.text.replace(/^(?:in|of)\s+/i, ''))?.[0] ?? ''
      if (MONTH_NAME_RE.test(word) && !/^[A-Z]/.test(word)) return false
      // a bare "May" or "March" without a day or year is too often not a month ("March against …")
      if (/^(?:may|march)$/i.test(r.text.trim())) return false
      // slashed or dotted numbers are dates only with a year ("24/7", "3/4 of")
      if (/^\d{1,2}[/.]\d{1,2}$/.test(r.text.trim())) return false
      return r.start.isCertain('month')
    })
}

const KEEP_CHRONO = new Set([
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENYearMonthDayParser',
  'ENYearMonthNameParser',
  'ENSlashMonthFormatParser',
  'SlashDateFormatParser',
  'ISOFormatParser'
])

function buildNewsChrono(): chrono.Chrono {
  // strict chrono without its time-of-day parser ("3,518" is not 3:51), relative parsers (ours keep the
  // expression symbolic) and weekday parser (ours is past-biased); plus casual's month-name parser ("in January")
  const c = chrono.strict.clone()
  const monthName = chrono.casual.parsers.find((p) => p.constructor.name === 'ENMonthNameParser')
  c.parsers = c.parsers.filter((p) => KEEP_CHRONO.has(p.constructor.name))
  if (monthName) c.parsers.push(monthName)
  for (const rule of RULES) c.parsers.push(newsParser(rule))
  c.refiners.push(newsRefiner)
  return c
}

let news: chrono.Chrono | undefined

/** The chrono configuration used for news (exposed for a test that guards it across chrono upgrades). */
export function newsChrono(): chrono.Chrono {
  return (news ??= buildNewsChrono())
}

function isOurs(r: chrono.ParsedResult): boolean {
  for (const t of r.tags?.() ?? []) if (t.startsWith(TAG)) return true
  return false
}

function exprOf(r: chrono.ParsedResult): TimeExpr | null {
  for (const t of r.tags?.() ?? []) if (t.startsWith(TAG)) return JSON.parse(t.slice(TAG.length)) as TimeExpr
  const s = r.start
  if (!s.isCertain('month')) return null
  const month = s.get('month')!
  if (s.isCertain('year')) {
    const year = s.get('year')!
    if (s.isCertain('day')) {
      const start = dayOf(year, month, s.get('day')!)
      let end = start
      const e = r.end
      if (e && e.isCertain('day')) {
        const ey = e.isCertain('year') ? e.get('year')! : year
        const ed = dayOf(ey, e.get('month')!, e.get('day')!)
        if (ed >= start && ed - start < 400) end = ed
      }
      return { k: 'abs', start, end, precision: 'day' }
    }
    return { k: 'abs', start: dayOf(year, month, 1), end: dayOf(year, month + 1, 1) - 1, precision: 'month' }
  }
  if (s.isCertain('day')) return { k: 'md', month, day: s.get('day')! }
  return { k: 'm', month }
}

/**
 * The temporal expressions in a piece of text (one sentence, usually), in order. `quarter`: the
 * quarter the article spoke of before this text, for "a year earlier" with none of its own.
 */
export function findTimexes(text: string, quarter?: Extract<TimeExpr, { k: 'q' }>): Timex[] {
  const out: Timex[] = []
  for (const r of newsChrono().parse(text, REF)) {
    const expr = exprOf(r)
    if (!expr) continue
    if (expr.k === 'md' || expr.k === 'm' || (expr.k === 'wd' && !expr.last)) {
      const tense = tenseOf(text, r.index, r.index + r.text.length)
      if (tense === 'future') expr.future = true
      // a weekday in a clause that says neither is a past one (news reports what happened); a date, the nearer one
      else if (tense === undefined && expr.k !== 'wd') expr.near = true
    }
    out.push({ text: r.text, start: r.index, end: r.index + r.text.length, expr })
  }
  // "third-quarter profit rose from a year earlier": the same quarter a year before, not the whole year
  for (let i = 0; i < out.length; i++) {
    const e = out[i]!.expr
    if (e.k !== 'ago' || e.unit !== 'year' || e.n !== 1) continue
    const q = out.slice(0, i).reverse().find((t) => t.expr.k === 'q' && t.expr.quarter > 0)?.expr ?? quarter
    if (q && q.k === 'q') out[i]!.expr = { ...q, back: (q.back ?? 0) + 1 }
  }
  return out.sort((a, b) => a.start - b.start)
}
