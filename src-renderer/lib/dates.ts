/**
 * Dates as the window says them: one format everywhere ("9 March 2015" in full, "9 Mar 2015" in
 * lists), and how a publication date is known in plain words rather than a source code and a
 * percentage.
 */
import type { DateExpressionView, PublishedView } from '../../src-main/contract/api'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "2015-03-09" → "9 March 2015", "2015-03" → "March 2015", "2015" → "2015"; `short`: "9 Mar 2015". */
export function formatDay(ymd: string, short = false): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number | undefined, number | undefined]
  if (!m) return String(y)
  const month = short ? MONTHS[m - 1]!.slice(0, 3) : MONTHS[m - 1]!
  return d ? `${d} ${month} ${y}` : `${month} ${y}`
}

const HOW: Record<string, string> = {
  user: 'set by you',
  metadata: 'as the file states it',
  header: 'stated under the headline',
  dateline: 'from its dateline',
  path: "from the file's path",
  folder: 'from the year you gave its folder',
  story: 'estimated from another article of the same story',
  weekday: 'estimated from the weekdays it mentions'
}

/** "Published 9 March 2015 — estimated from the weekdays it mentions", "Published 26 February, year unknown — from its dateline". */
export function publishedInWords(p: PublishedView & { earliest?: string | null }): string {
  if (p.date) return `Published ${formatDay(p.date)} — ${HOW[p.source] ?? p.source}`
  if (p.partial) return `Published ${p.partial.day} ${MONTHS[p.partial.month - 1]}, year unknown — ${HOW['dateline']}`
  if (p.source === 'user') return 'Publication date unknown — set by you'
  if (p.source === 'conflict') return 'Publication date unknown — the dates the article states disagree'
  return 'Publication date unknown'
}

/** "Friday: 6 March 2015 — weekday, the latest one on or before publication"; a duration's length; or why it is unresolved. */
export function dateInWords(e: DateExpressionView): string {
  const what = e.range
    ? e.range.start === e.range.end
      ? formatDay(e.range.start)
      : `${formatDay(e.range.start)} – ${formatDay(e.range.end)} (${e.range.precision})`
    : e.length
      ? `lasting ${e.length}`
      : 'unresolved: the publication date is unknown'
  return `${e.text}: ${what} — ${e.rule}`
}
