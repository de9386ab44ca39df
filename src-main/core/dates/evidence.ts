/**
 * Date evidence one article carries about its own publication, found once at index time:
 * a date on a header line of its own ("30 October, 2015", "Published: 9 March 2015"), a wire
 * dateline ("BEIRUT, March 8 (Reuters) –"), absolute dates in the text (an article is not
 * published before the past events it reports) and the weekdays it mentions ("on Sunday").
 * chrono-node parses the dates; the rules here decide what each one says about publication.
 */
import * as chrono from 'chrono-node'
import { dayOf, type Precision } from './calendar'
import { lowerBound } from '../sorted'

export interface StatedDate {
  day: number
  precision: Precision
  text: string
  start: number
}

export interface DatelineDate {
  month: number
  day: number
  /** absent when the dateline gives no year ("BEIRUT, March 8 (Reuters) –") */
  year?: number
  text: string
  start: number
}

export interface DateMention {
  day: number
  precision: Precision
  start: number
  end: number
  /** said of the future ("will meet on March 9"): no bound on publication */
  future?: boolean
}

export interface WeekdayMention {
  weekday: number
  start: number
}

export interface DateEvidence {
  header?: StatedDate
  dateline?: DatelineDate
  mentions: DateMention[]
  weekdays: WeekdayMention[]
}

const REF = new Date(Date.UTC(2000, 5, 15, 12))
// a month name next to a number (only such lines can hold an absolute date), or an ISO / slashed date
const MONTHS = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'
const MONTH_RE = new RegExp(`\\b${MONTHS}\\.?,?\\s+\\d|\\d\\s+${MONTHS}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{4}\\b`, 'i')
const WEEKDAY_RE = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i
// "due Nov. 1, 2009", "matures in 2009", "payable Dec. 15": dates of a bond or a bill, ahead of the article
const FUTURE_RE = /\b(?:will|shall|scheduled|due|expected to|next|upcoming|plans? to|planned for|set to|deadline|by the end of|matur\w*|payable|expir\w*)\b/i
const HEADER_FILLER_RE =
  /\b(?:published|updated|posted|last|modified|first|date|on|at|gmt|utc|bst|est|edt|cet|cest|am|pm|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\d+|[^\p{L}]/giu
const HEADER_LINES = 12
const HEADER_CHARS = 2000
/** "LONDON 1996-08-30", "BRUSSELS, 1996-08-22", "NEW YORK (Reuters) 1996-12-06 -": a wire dateline with an ISO date */
const ISO_DATELINE_RE = /^\s*[A-Z][A-Z'’.\- ]{1,30}[A-Z.](?:\s*,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,3})*\s*,?\s*(?:\([A-Za-z .&-]+\)\s*)?((\d{4})-(\d{2})-(\d{2}))\b/
/** Years a publication date can have: a table's "4205" or a bond's maturity is none. */
export const PLAUSIBLE_YEARS: readonly [number, number] = [1800, new Date().getUTCFullYear() + 1]
const plausibleYear = (y: number) => y >= PLAUSIBLE_YEARS[0] && y <= PLAUSIBLE_YEARS[1]
const DATELINE_RE =
  /^\s*[A-Z][A-Z'’.\- ]{1,30}[A-Z.](?:,\s*[A-Z][A-Za-z.]+)*\s*,\s*((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:,?\s+\d{4})?)\s*(?:\([A-Za-z .&-]+\))?\s*[-–—:]/i

export function findDateEvidence(text: string): DateEvidence {
  const ev: DateEvidence = { mentions: [], weekdays: [] }
  const lines = linesOf(text)
  ev.header = headerDate(lines)
  ev.dateline = datelineDate(lines)
  for (const line of lines) {
    const hasMonth = MONTH_RE.test(line.text)
    const hasWeekday = WEEKDAY_RE.test(line.text)
    if (!hasMonth && !hasWeekday) continue
    const cues = new FutureCues(line.text)
    // the strict parser knows no weekdays; the casual one also reads "now" etc., filtered below
    for (const r of (hasWeekday ? chrono.casual : chrono.strict).parse(line.text, REF)) {
      const start = line.start + r.index
      // the header or dateline date is the publication itself, not an event it reports
      if ((ev.header && start === ev.header.start) || (ev.dateline && start === ev.dateline.start)) continue
      const future = cues.around(r.index, r.index + r.text.length)
      const c = r.start
      if (c.isCertain('year') && c.isCertain('month') && /\d{4}/.test(r.text) && !isRelative(r)) {
        if (!plausibleYear(c.get('year')!)) continue // a table's "APR7 4205", a far-off maturity
        const precision: Precision = c.isCertain('day') ? 'day' : 'month'
        const day = dayOf(c.get('year')!, c.get('month')!, precision === 'day' ? c.get('day')! : 1)
        const m: DateMention = { day, precision, start, end: start + r.text.length }
        if (future) m.future = true
        ev.mentions.push(m)
      } else if (c.isCertain('weekday') && !c.isCertain('day') && !future && !r.tags?.().has('result/relativeDate')) {
        // "on Sunday night" counts: the time-of-day parser only adds the evening
        ev.weekdays.push({ weekday: c.get('weekday')!, start })
      }
    }
  }
  return ev
}

/** "last week", "now", "tonight": resolved against the reference, so they say nothing absolute */
function isRelative(r: chrono.ParsedResult): boolean {
  const tags = r.tags?.() ?? new Set<string>()
  for (const t of tags) if (t === 'result/relativeDate' || t.startsWith('parser/ENCasual')) return true
  return false
}

interface Line {
  text: string
  start: number
}

function linesOf(text: string): Line[] {
  const out: Line[] = []
  for (const m of text.matchAll(/[^\n]+/g)) if (m[0].trim()) out.push({ text: m[0], start: m.index })
  return out
}

/** "11/02/89", "02/13/1998 14:26:00", "13.02.98": a numeric date alone on its line (a time may follow) */
const NUMERIC_HEADER_RE = /^\s*(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?\s*$/i
/** "19891102": a compact date alone on its line */
const COMPACT_HEADER_RE = /^\s*((?:1[89]|20)\d\d)(\d\d)(\d\d)(?:\s+\d{1,2}:?\d{2}(?::?\d{2})?)?\s*$/

/**
 * A numeric date line: slashes are month first (the US wire and database convention, as chrono
 * reads "02/13/1998") unless the first number cannot be a month; dots are day first ("13.02.98")
 * unless the second cannot be. A two-digit year is in the last hundred years.
 */
function numericHeader(line: Line): StatedDate | undefined {
  let y: number, mo: number, d: number
  const n = NUMERIC_HEADER_RE.exec(line.text)
  const c = n ? undefined : COMPACT_HEADER_RE.exec(line.text)
  if (n) {
    const [a, b] = [Number(n[1]), Number(n[3])]
    const dayFirst = n[2] === '.' ? b <= 12 : a > 12
    ;[mo, d] = dayFirst ? [b, a] : [a, b]
    y = Number(n[4])
    if (n[4]!.length === 2) {
      const now = new Date().getUTCFullYear()
      y += 1900
      if (y + 100 <= now + 1) y += 100
    }
  } else if (c) [y, mo, d] = [Number(c[1]), Number(c[2]), Number(c[3])]
  else return undefined
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (!plausibleYear(y) || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined
  const text = (n ?? c)![0].trim()
  return { day: dayOf(y, mo, d), precision: 'day', text, start: line.start + line.text.indexOf(text) }
}

/** A line near the top that is (almost) nothing but a date, or a byline with a date. */
function headerDate(lines: Line[]): StatedDate | undefined {
  for (const line of lines.slice(0, HEADER_LINES)) {
    if (line.start > HEADER_CHARS) break
    if (line.text.length > 90) continue
    const numeric = numericHeader(line)
    if (numeric) return numeric
    // casual: the strict parser does not read a bare "October 2015"; relative words are filtered out
    for (const r of chrono.casual.parse(line.text, REF)) {
      const c = r.start
      if (!(c.isCertain('year') && c.isCertain('month')) || !/\d{4}/.test(r.text) || isRelative(r) || !plausibleYear(c.get('year')!)) continue
      const rest = (line.text.slice(0, r.index) + ' ' + line.text.slice(r.index + r.text.length)).replace(HEADER_FILLER_RE, ' ')
      const restWords = rest.split(/\s+/).filter(Boolean)
      const byline = /^\s*by\s/i.test(line.text) || /[|·•]/.test(line.text)
      if (restWords.join('').length > 2 && !(byline && restWords.length <= 6)) continue
      const precision: Precision = c.isCertain('day') ? 'day' : 'month'
      return { day: dayOf(c.get('year')!, c.get('month')!, precision === 'day' ? c.get('day')! : 1), precision, text: r.text.trim(), start: line.start + r.index }
    }
  }
  return undefined
}

/** "BEIRUT, March 8 (Reuters) –" or "LONDON 1996-08-30" at the start of one of the first paragraphs. */
function datelineDate(lines: Line[]): DatelineDate | undefined {
  for (const line of lines.slice(0, HEADER_LINES)) {
    const iso = ISO_DATELINE_RE.exec(line.text)
    if (iso) {
      const [year, month, day] = [Number(iso[2]), Number(iso[3]), Number(iso[4])]
      const d = new Date(Date.UTC(year, month - 1, day))
      if (plausibleYear(year) && d.getUTCMonth() === month - 1 && d.getUTCDate() === day) {
        return { month, day, year, text: iso[1]!, start: line.start + line.text.indexOf(iso[1]!) }
      }
    }
    const m = DATELINE_RE.exec(line.text)
    if (!m) continue
    const at = line.text.indexOf(m[1]!)
    const r = chrono.strict.parse(m[1]!, REF)[0]
    if (!r || !r.start.isCertain('month') || !r.start.isCertain('day')) continue
    const d: DatelineDate = { month: r.start.get('month')!, day: r.start.get('day')!, text: m[1]!, start: line.start + at }
    if (r.start.isCertain('year')) {
      if (!plausibleYear(r.start.get('year')!)) continue
      d.year = r.start.get('year')!
    }
    return d
  }
  return undefined
}

/**
 * Whether the sentence around a date speaks of the future, for each date of one line. Sentence
 * ends are found once per line and each sentence is tested once: scanning a line without
 * punctuation (a stripped table) again for every date in it was quadratic (#25 item 8).
 */
class FutureCues {
  private ends: number[] | undefined
  private readonly tested = new Map<number, boolean>()

  constructor(private readonly line: string) {}

  around(from: number, to: number): boolean {
    const ends = (this.ends ??= sentenceEnds(this.line))
    // the first sentence end at or after `to`, and the last one before `from`
    const after = lowerBound(ends, to)
    const before = lowerBound(ends, from) - 1
    const s = before >= 0 ? ends[before]! + 1 : 0
    const e = after < ends.length ? ends[after]! : this.line.length
    let future = this.tested.get(s * 2 ** 26 + e)
    if (future === undefined) {
      future = FUTURE_RE.test(this.line.slice(s, e))
      this.tested.set(s * 2 ** 26 + e, future)
    }
    return future
  }
}

function sentenceEnds(line: string): number[] {
  const out: number[] = []
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === 46 || c === 33 || c === 63) out.push(i) // . ! ?
  }
  return out
}

