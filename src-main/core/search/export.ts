/**
 * The results of a search as a table for other tools: path, title, outlet, publication date and
 * how it is known, score, the user's marks, and the entities — as CSV (RFC 4180, a cell that a
 * spreadsheet would run as a formula is quoted as text) or as JSON.
 */
import type { ArchiveContext } from '../archive/context'
import { annotationsOf } from '../annotations/service'
import { entityRegistry } from '../entities/service'
import { storyState } from '../stories/service'
import { search, type SearchOptions } from './service'

export interface ResultRow {
  path: string
  title: string
  outlet: string | null
  author: string | null
  url: string | null
  published: string | null
  publishedSource: string
  score: number
  starred: boolean
  tags: string[]
  notes: string[]
  people: string[]
  organizations: string[]
  places: string[]
}

const PAGE = 1000

/** Every result of the query (no paging), in the search's order. */
export function resultRows(ctx: ArchiveContext, query: string, opts: Pick<SearchOptions, 'entities' | 'excludeEntities' | 'eventsFrom' | 'eventsTo' | 'sort'> = {}): ResultRow[] {
  const rows: ResultRow[] = []
  const published = storyState(ctx).published
  const registry = entityRegistry(ctx)
  // pages of the search's largest page, until one comes back short
  for (let offset = 0, more = true; more; offset += PAGE) {
    const hits = search(ctx, query, { ...opts, limit: PAGE, offset, facetLimit: 0 }).hits
    more = hits.length === PAGE
    for (const h of hits) {
      const meta = ctx.snapshot.meta(h.id)
      const marks = annotationsOf(ctx, h.id)
      const p = published.get(h.id)
      const names = (type: string) => [...new Set(registry.entitiesOf(h.id).filter((e) => e.record.type === type && !e.record.hidden).map((e) => e.record.name))]
      rows.push({
        path: h.path,
        title: h.title,
        outlet: meta.meta?.outlet ?? null,
        author: meta.meta?.author ?? null,
        url: meta.meta?.url ?? null,
        published: p?.date ?? null,
        publishedSource: p?.source ?? 'none',
        score: h.score,
        starred: marks.starred,
        tags: marks.tags,
        notes: marks.notes.map((n) => n.text),
        people: names('person'),
        organizations: names('organization'),
        places: names('place')
      })
    }
  }
  return rows
}

const COLUMNS: Array<keyof ResultRow> = ['path', 'title', 'outlet', 'author', 'url', 'published', 'publishedSource', 'score', 'starred', 'tags', 'notes', 'people', 'organizations', 'places']

function cell(v: ResultRow[keyof ResultRow]): string {
  let s = v === null ? '' : Array.isArray(v) ? v.join('; ') : String(v)
  // a title like "=HYPERLINK(…)" must stay text in a spreadsheet
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s
}

export function rowsToCsv(rows: readonly ResultRow[]): string {
  return table(COLUMNS, rows)
}

/** CSV of any rows of plain values and lists (lists joined with "; "). */
export function table<T>(columns: ReadonlyArray<keyof T & string>, rows: readonly T[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] as ResultRow[keyof ResultRow])).join(','))].join('\r\n') + '\r\n'
}

export function rowsToJson(query: string, rows: readonly ResultRow[]): string {
  return JSON.stringify({ query, total: rows.length, results: rows }, null, 1) + '\n'
}
