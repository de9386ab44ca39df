/**
 * The one contract between the renderer and the main process: channel names, payload types,
 * the API the preload exposes as window.dateline, and the validators main runs on every argument.
 * No imports: bundled into the preload and imported by the renderer with `import type` only.
 */

export const Channels = {
  status: 'archive:status',
  chooseArchive: 'archive:choose',
  search: 'search:query'
} as const

export type ErrorCode = 'query' | 'usage' | 'not-found' | 'io' | 'disk-full' | 'locked' | 'corrupt' | 'invalid' | 'no-archive' | 'internal'

/** Failures are values with a message written for the user, never thrown across IPC. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } }

export interface StatusView {
  archive: string | null
  documents: number
  indexing: boolean
}

export interface SearchRequest {
  query: string
  limit?: number
  offset?: number
}

export interface HitView {
  id: string
  path: string
  title: string
  score: number
  /** HTML-escaped text in which only <mark>…</mark> is markup */
  snippet: string
}

export interface SearchResponse {
  query: string
  total: number
  hits: HitView[]
  ignored: string[]
  ms: number
}

/** What the preload exposes as `window.dateline`. */
export interface DatelineApi {
  getStatus(): Promise<Result<StatusView>>
  /** Shows the native folder dialog, then opens and indexes the chosen archive. */
  chooseArchive(): Promise<Result<StatusView>>
  search(request: SearchRequest): Promise<Result<SearchResponse>>
}

export const API_KEYS = ['getStatus', 'chooseArchive', 'search'] as const satisfies ReadonlyArray<keyof DatelineApi>

export const MAX_QUERY_CHARS = 1000

export function isSearchRequest(v: unknown): v is SearchRequest {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const r = v as Record<string, unknown>
  const keys = Object.keys(r)
  if (!keys.every((k) => k === 'query' || k === 'limit' || k === 'offset')) return false
  if (typeof r['query'] !== 'string' || r['query'].length > MAX_QUERY_CHARS) return false
  const intOk = (x: unknown, max: number) => x === undefined || (Number.isInteger(x) && (x as number) >= 0 && (x as number) <= max)
  return intOk(r['limit'], 500) && intOk(r['offset'], 1_000_000)
}
