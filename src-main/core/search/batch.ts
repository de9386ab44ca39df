/**
 * Batch search: a list of names or phrases (one per line, hundreds), each searched on its own —
 * how many articles match, and the first and last publication date among them. A line of several
 * words is searched as a phrase unless it uses the search syntax itself (quotes, OR, -, field:).
 */
import type { ArchiveContext } from '../archive/context'
import { storyState } from '../stories/service'
import { QueryError } from './query'
import { matchingDocuments } from './service'

export const MAX_BATCH_LINES = 2000

export interface BatchRow {
  line: string
  /** the query it ran */
  query: string
  count: number
  /** the earliest and latest known publication dates among the matches */
  first: string | null
  last: string | null
  /** why the line could not be searched */
  error?: string
}

/** A line as a query: "Daniel al-Haddad" → "\"Daniel al-Haddad\""; a line with search syntax as it is. */
export function lineQuery(line: string): string {
  const t = line.trim()
  if (/["()*~:]|(?:^|\s)-\S|\b(?:OR|AND|NOT)\b/.test(t) || !/\s/.test(t)) return t
  return `"${t}"`
}

export function batchSearch(ctx: ArchiveContext, lines: readonly string[]): BatchRow[] {
  const wanted = [...new Set(lines.map((l) => l.trim()).filter(Boolean))]
  if (wanted.length > MAX_BATCH_LINES) throw new QueryError(`A batch search takes up to ${MAX_BATCH_LINES.toLocaleString('en-US')} lines (this list has ${wanted.length.toLocaleString('en-US')}); split it.`)
  const published = storyState(ctx).published
  return wanted.map((line): BatchRow => {
    const query = lineQuery(line)
    try {
      const ids = matchingDocuments(ctx, query)
      let first: string | null = null
      let last: string | null = null
      for (const id of ids) {
        const d = published.get(id)?.date
        if (!d) continue
        if (first === null || d < first) first = d
        if (last === null || d > last) last = d
      }
      return { line, query, count: ids.size, first, last }
    } catch (err) {
      return { line, query, count: 0, first: null, last: null, error: err instanceof Error ? err.message : String(err) }
    }
  })
}
