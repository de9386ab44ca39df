/** Calendar days as integers (days since 1970-01-01, UTC): comparisons and arithmetic without time zones. */

export type Precision = 'day' | 'month' | 'year'

export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000)
}

export function ymd(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

export function parts(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * 86_400_000)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

/** First and last day a date of this precision covers. */
export function span(day: number, precision: Precision): [number, number] {
  const p = parts(day)
  if (precision === 'day') return [day, day]
  if (precision === 'month') return [dayOf(p.year, p.month, 1), dayOf(p.year, p.month + 1, 1) - 1]
  return [dayOf(p.year, 1, 1), dayOf(p.year + 1, 1, 1) - 1]
}

/** "2015-10-30", "2015-10" or "2015" */
export function formatDate(day: number, precision: Precision): string {
  const s = ymd(day)
  return precision === 'day' ? s : precision === 'month' ? s.slice(0, 7) : s.slice(0, 4)
}

/** Parse a user-typed YYYY-MM-DD strictly (no rollover: 2015-02-30 is refused). */
export function parseYmd(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim())
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const day = dayOf(y, mo, d)
  const p = parts(day)
  return p.year === y && p.month === mo && p.day === d ? day : undefined
}
