/**
 * Resolve a symbolic temporal expression (timex.ts) to a range of days against the document's
 * publication date. Reported events are in the past, so every year-less or relative expression
 * takes its latest occurrence on or before publication. When the publication date itself is only
 * known to the month or year, the expression is resolved against both ends and the range widened:
 * honest precision rather than a guessed day. Without a publication date, relative expressions
 * stay unresolved — never resolved against today's date.
 */
import { dayOf, parts, weekdayOf } from '../dates/calendar'
import type { Season, TimeExpr, Unit } from './timex'

export type TimePrecision = 'day' | 'week' | 'month' | 'quarter' | 'season' | 'year' | 'vague'

export interface DateRange {
  /** inclusive day numbers (days since 1970-01-01) */
  start: number
  end: number
  precision: TimePrecision
  /** explicit: the text gives the date; published: computed from the publication date */
  basis: 'explicit' | 'published'
}

/** The publication date as resolution needs it: a range of possible days (one day when known exactly). */
export interface Anchor {
  earliest: number
  latest: number
}

const ORDER: TimePrecision[] = ['day', 'week', 'month', 'quarter', 'season', 'year', 'vague']

export function coarser(a: TimePrecision, b: TimePrecision): TimePrecision {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b
}

export function isRelative(e: TimeExpr): boolean {
  return e.k !== 'abs' && !((e.k === 'season' || e.k === 'q') && e.year !== undefined)
}

/** null when the expression needs a publication date and there is none */
export function resolveTimex(e: TimeExpr, anchor: Anchor | null): DateRange | null {
  if (e.k === 'abs') return { start: e.start, end: e.end, precision: e.precision, basis: 'explicit' }
  if (e.k === 'season' && e.year !== undefined) return { ...seasonRange(e.season, e.year), precision: 'season', basis: 'explicit' }
  if (e.k === 'q' && e.year !== undefined) return { ...quarterRange(e.year - (e.back ?? 0), e.quarter), precision: 'quarter', basis: 'explicit' }
  if (!anchor) return null
  const a = at(e, anchor.earliest)
  if (anchor.latest === anchor.earliest) return { ...a, basis: 'published' }
  const b = at(e, anchor.latest)
  const start = Math.min(a.start, b.start)
  const end = Math.max(a.end, b.end)
  // the same calendar unit either way ("in January" in a March article known to the month): keep its precision
  const same = a.start === b.start && a.end === b.end
  return { start, end, precision: same ? a.precision : coarser(a.precision, widthPrecision(end - start + 1)), basis: 'published' }
}

function widthPrecision(days: number): TimePrecision {
  // "about a month", "about a season": a range a little wider than its unit still reads as that unit
  return days <= 1 ? 'day' : days <= 7 ? 'week' : days <= 45 ? 'month' : days <= 100 ? 'quarter' : days <= 366 ? 'year' : 'vague'
}

function at(e: Exclude<TimeExpr, { k: 'abs' }>, dct: number): Omit<DateRange, 'basis'> {
  const p = parts(dct)
  switch (e.k) {
    case 'md': {
      let y = p.year
      if (e.near) {
        // the nearer of last year's, this year's and next year's
        const dist = (yy: number) => Math.abs(dayOf(yy, e.month, e.day) - dct)
        for (const yy of [p.year - 1, p.year + 1]) if (dist(yy) < dist(y)) y = yy
      } else if (e.future ? dayOf(y, e.month, e.day) < dct : dayOf(y, e.month, e.day) > dct) y += e.future ? 1 : -1
      const d = dayOf(y, e.month, e.day)
      return { start: d, end: d, precision: 'day' }
    }
    case 'm': {
      const ahead = (e.month - p.month + 12) % 12
      const y = e.near ? (ahead === 0 ? p.year : ahead <= 6 ? (e.month > p.month ? p.year : p.year + 1) : e.month < p.month ? p.year : p.year - 1) : e.future ? (e.month >= p.month ? p.year : p.year + 1) : e.month <= p.month ? p.year : p.year - 1
      return { start: dayOf(y, e.month, 1), end: dayOf(y, e.month + 1, 1) - 1, precision: 'month' }
    }
    case 'wd': {
      // the next such weekday on or after publication when said in the future tense
      if (e.future) {
        const ahead = (e.weekday - weekdayOf(dct) + 7) % 7
        return { start: dct + ahead, end: dct + ahead, precision: 'day' }
      }
      // the latest such weekday on or before publication; "last Monday" when it is Monday means a week ago
      let back = (weekdayOf(dct) - e.weekday + 7) % 7
      if (e.last && back === 0) back = 7
      return { start: dct - back, end: dct - back, precision: 'day' }
    }
    case 'q': {
      const current = Math.floor((p.month - 1) / 3) + 1
      if (e.which === 'bare') {
        // the latest such quarter begun by publication ("fourth-quarter results" in January: last year's)
        const y = (e.quarter <= current ? p.year : p.year - 1) - (e.back ?? 0)
        return { ...quarterRange(y, e.quarter), precision: 'quarter' }
      }
      const shift = e.which === 'this' ? 0 : e.which === 'next' ? 1 : -1
      const q = current - 1 + shift
      return { ...quarterRange(p.year + Math.floor(q / 4) - (e.back ?? 0), ((q % 4) + 4) % 4 + 1), precision: 'quarter' }
    }
    case 'present':
      return { start: dct, end: dct, precision: 'day' }
    case 'rel':
      return unitRange(e.unit, dct, e.n)
    case 'ago': {
      if (e.unit === 'day') return { start: dct - e.n, end: dct - e.n, precision: 'day' }
      // "two weeks ago": the week around that day; "three months ago": that calendar month
      if (e.unit === 'week') return { start: dct - 7 * e.n - 3, end: dct - 7 * e.n + 3, precision: 'week' }
      if (e.unit === 'month') return { start: dayOf(p.year, p.month - e.n, 1), end: dayOf(p.year, p.month - e.n + 1, 1) - 1, precision: 'month' }
      return { start: dayOf(p.year - e.n, 1, 1), end: dayOf(p.year - e.n + 1, 1, 1) - 1, precision: 'year' }
    }
    case 'few': {
      // "a few": two to six units back
      const [lo, hi] = unitDays(e.unit)
      return { start: dct - 6 * hi, end: dct - 2 * lo, precision: 'vague' }
    }
    case 'recent': {
      // "in recent weeks": up to about six of them before publication
      const [, hi] = unitDays(e.unit)
      return { start: dct - 6 * hi, end: dct, precision: 'vague' }
    }
    case 'season': {
      let y = p.year
      if (e.which === 'this') {
        // "this winter" in January means the winter that started last December
        if (seasonRange(e.season, y).start > dct) y--
      } else while (seasonRange(e.season, y).end >= dct) y-- // "last summer" / "in the summer": the latest finished one
      return { ...seasonRange(e.season, y), precision: 'season' }
    }
  }
}

function unitDays(u: Unit): [number, number] {
  return u === 'day' ? [1, 1] : u === 'week' ? [7, 7] : u === 'month' ? [28, 31] : [365, 366]
}

/** The calendar day / week (Monday–Sunday) / month / year n units from the one holding dct. */
function unitRange(u: Unit, dct: number, n: number): Omit<DateRange, 'basis'> {
  const p = parts(dct)
  switch (u) {
    case 'day':
      return { start: dct + n, end: dct + n, precision: 'day' }
    case 'week': {
      const monday = dct - ((weekdayOf(dct) + 6) % 7) + 7 * n
      // "this week" ends at publication: it cannot report the days still to come
      return { start: monday, end: n === 0 ? dct : monday + 6, precision: 'week' }
    }
    case 'month':
      return { start: dayOf(p.year, p.month + n, 1), end: n === 0 ? dct : dayOf(p.year, p.month + n + 1, 1) - 1, precision: 'month' }
    case 'year':
      return { start: dayOf(p.year + n, 1, 1), end: n === 0 ? dct : dayOf(p.year + n + 1, 1, 1) - 1, precision: 'year' }
  }
}

/** The days of quarter q (1–4) of a year. */
export function quarterRange(year: number, q: number): { start: number; end: number } {
  return { start: dayOf(year, 3 * q - 2, 1), end: dayOf(year, 3 * q + 1, 1) - 1 }
}

/** Meteorological seasons of the northern hemisphere; winter Y runs from December Y to February Y+1. */
export function seasonRange(s: Season, year: number): { start: number; end: number } {
  const m = s === 'spring' ? 3 : s === 'summer' ? 6 : s === 'autumn' ? 9 : 12
  return { start: dayOf(year, m, 1), end: dayOf(year, m + 3, 1) - 1 }
}
