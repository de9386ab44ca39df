/**
 * The one contract between the renderer and the main process: channel names, payload types,
 * the API the preload exposes as window.dateline, and the validators main runs on every argument.
 * No imports: bundled into the preload and imported by the renderer with `import type` only.
 */

export const Channels = {
  status: 'archive:status',
  chooseArchive: 'archive:choose',
  openRecent: 'archive:open-recent',
  cancelIndexing: 'archive:cancel-indexing',
  search: 'search:query',
  timeline: 'timeline:query',
  document: 'document:open',
  entities: 'entity:list',
  curate: 'entity:curate',
  setPublished: 'document:set-published',
  importPaths: 'import:paths',
  chooseImport: 'import:choose',
  cancelImport: 'import:cancel'
} as const

/** Messages main sends to the window (the preload turns them into listener calls). */
export const Events = {
  indexProgress: 'archive:index-progress',
  importProgress: 'import:progress',
  archiveChanged: 'archive:changed'
} as const

export type ErrorCode = 'query' | 'usage' | 'not-found' | 'io' | 'disk-full' | 'locked' | 'corrupt' | 'cancelled' | 'invalid' | 'no-archive' | 'internal'

/** Failures are values with a message written for the user, never thrown across IPC. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } }

export interface StatusView {
  archive: string | null
  documents: number
  indexing: boolean
  /** recently opened archives, most recent first */
  recent: string[]
}

export interface IndexProgressView {
  phase: 'scan' | 'read' | 'index' | 'save'
  done: number
  total: number
  current?: string
  /** estimated seconds left in the indexing phase; null until it can be estimated */
  etaSeconds: number | null
}

export interface SearchRequest {
  /** '' lists every document (with filters: every document they keep) */
  query: string
  limit?: number
  offset?: number
  /** only documents mentioning every one of these entities */
  entities?: string[]
  /** and none of these */
  excludeEntities?: string[]
  sort?: 'relevance' | 'date'
  /** only documents reporting an event dated within this window (YYYY-MM-DD): the timeline brush */
  eventsFrom?: string
  eventsTo?: string
}

export type EntityType = 'person' | 'organization' | 'place'

export interface FacetView {
  id: string
  name: string
  /** documents of the result set mentioning it */
  count: number
}

export interface HitView {
  id: string
  path: string
  title: string
  score: number
  /** HTML-escaped text in which only <mark>…</mark> is markup */
  snippet: string
  /** publication date ("2015-10-30", "2015-10" or "2015"), null when unknown */
  published: string | null
}

export interface SearchResponse {
  query: string
  total: number
  hits: HitView[]
  ignored: string[]
  /** entities of the whole result set, per type, most frequent first */
  facets: Record<EntityType, FacetView[]>
  ms: number
  /** the total is an estimate (a common phrase: its best-scoring candidates were checked); every hit is a real match */
  approximate?: boolean
}

export interface DocumentRequest {
  path: string
  /** the current search, to highlight its words */
  query?: string
}

export interface DocumentResponse {
  path: string
  title: string
  text: string
  /** [start, end) of the search's words in text */
  highlights: Array<[number, number]>
  entities: Array<{ id: string; type: EntityType; name: string; mentions: Array<[number, number]> }>
  published: PublishedView
  story: null | {
    role: 'original' | 'copy' | 'rewrite'
    /** the member this one was taken from */
    of?: string
    members: Array<{ path: string; title: string; role: 'original' | 'copy' | 'rewrite'; published: string | null }>
    /** passages of this text also found in the one it was taken from */
    reused: Array<[number, number]>
  }
  events: TimelineEventView[]
}

/** An article's publication date and how it is known. */
export interface PublishedView {
  /** "2015-10-30", "2015-10" or "2015"; null when unknown */
  date: string | null
  /** 'user' (set by hand), 'header', 'dateline', 'story', 'weekday', 'text' or 'none' */
  source: string
  confidence: number
  evidence: string[]
  fileDate: string
}

export interface PublishedRequest {
  path: string
  /** YYYY-MM-DD; 'unknown' when the article has no date; null to forget the user's date and infer it again */
  date: string | null
}

export type CurationRequest =
  | { op: 'merge'; ids: string[]; name?: string }
  | { op: 'rename'; id: string; name: string }
  | { op: 'retype'; id: string; type: EntityType }
  | { op: 'hide'; id: string }
  | { op: 'unhide'; id: string }

export interface EntityView {
  id: string
  type: EntityType
  name: string
  aliases: string[]
  /** documents of the whole archive mentioning it */
  documents: number
  /** hidden by the user (only listed when asked for) */
  hidden?: boolean
}

/** Entities of the whole archive, not just of the results: the panel's "find an entity" box and its hidden list. */
export interface EntityListRequest {
  /** part of a name or alias, case- and accent-insensitive */
  query?: string
  type?: EntityType
  limit?: number
  sort?: 'count' | 'name'
  /** only the entities the user hid */
  hidden?: boolean
}

export interface TimelineRequest {
  /** only events reported by documents matching this search ('' = the whole archive) */
  query?: string
  /** only events whose places or actors include every one of these entity ids */
  entities?: string[]
  /** YYYY-MM-DD, inclusive */
  from?: string
  to?: string
  limit?: number
}

export type TimePrecision = 'day' | 'week' | 'month' | 'season' | 'year' | 'vague'

export interface TimelineSourceView {
  path: string
  sentence: string
  /** [start, end) in the document's text */
  offsets: [number, number]
  dateText: string | null
  basis: 'explicit' | 'published' | null
  published: string | null
  archived: string
  role?: 'original' | 'copy' | 'rewrite'
}

export interface TimelineEventView {
  id: string
  status: 'dated' | 'undated' | 'unresolved'
  start: string | null
  end: string | null
  precision: TimePrecision | null
  notAfter: string | null
  kind: string
  label: string
  count: number | null
  places: string[]
  actors: string[]
  sources: TimelineSourceView[]
  independentSources: number
  reported: string | null
  archived: string
}

export interface TimelineResponse {
  events: TimelineEventView[]
  undatedEvents: TimelineEventView[]
  unresolvedEvents: TimelineEventView[]
  density: { unit: 'day' | 'month' | 'year'; buckets: Array<{ at: string; events: number }> }
  entities: Record<string, { name: string; type: 'person' | 'organization' | 'place' }>
  ms: number
}

export interface ImportResponse {
  imported: Array<{ from: string; to: string; renamed?: string }>
  duplicates: Array<{ from: string; existing: string }>
  rejected: Array<{ from: string; reason: string }>
  cancelled: boolean
  notStarted: number
  documents: number
  ms: number
}

export interface ImportProgressView {
  phase: 'collect' | 'copy' | 'index'
  done: number
  total: number
  bytes: number
  totalBytes: number
  current?: string
}

export type ArchiveChangeView =
  | { kind: 'added' | 'changed' | 'removed'; path: string }
  | { kind: 'renamed'; path: string; from: string }
  | { kind: 'rejected'; path: string; reason: string }

/** Live changes of the open archive's folder (other programs, imports), and notices about watching it. */
export interface ArchiveChangedEvent {
  changes: ArchiveChangeView[]
  documents: number
  /** e.g. "live updates now poll every 10 s because the system's watch limit was reached" */
  notice?: string
}

/** What the preload exposes as `window.dateline`. */
export interface DatelineApi {
  getStatus(): Promise<Result<StatusView>>
  /** Shows the native folder dialog, then opens and indexes the chosen archive. */
  chooseArchive(): Promise<Result<StatusView>>
  /** Open one of `status.recent`. */
  openRecent(path: string): Promise<Result<StatusView>>
  /** Stop the indexing in progress; the index stays as it was. */
  cancelIndexing(): Promise<Result<{ cancelled: boolean }>>
  onIndexProgress(listener: (progress: IndexProgressView) => void): () => void
  search(request: SearchRequest): Promise<Result<SearchResponse>>
  /** The reported events of the archive or of a search, each once with all its sources. */
  timeline(request: TimelineRequest): Promise<Result<TimelineResponse>>
  /** One article for the reader: text, highlights, entity mentions, date, story, events. */
  document(request: DocumentRequest): Promise<Result<DocumentResponse>>
  /** Entities of the whole archive by name or alias, or the hidden ones. */
  entities(request: EntityListRequest): Promise<Result<EntityView[]>>
  /** Correct the entity list (kept across re-indexing). */
  curate(request: CurationRequest): Promise<Result<EntityView>>
  /** Set an article's publication date by hand (kept in the data folder, never in the archive). */
  setPublished(request: PublishedRequest): Promise<Result<PublishedView>>
  /**
   * Import files and folders dropped on the window. The preload resolves each File to its path
   * (the renderer never sees or invents paths); files not from the disk are ignored.
   */
  importDropped(files: File[]): Promise<Result<ImportResponse>>
  /** Native open dialog (files and folders), then import. */
  chooseImport(): Promise<Result<ImportResponse>>
  /** Stop the running import after the file in hand; what was copied stays and is indexed. */
  cancelImport(): Promise<Result<{ cancelled: boolean }>>
  /** Returns a function that removes the listener. */
  onImportProgress(listener: (progress: ImportProgressView) => void): () => void
  onArchiveChanged(listener: (event: ArchiveChangedEvent) => void): () => void
}

export const API_KEYS = ['getStatus', 'chooseArchive', 'openRecent', 'cancelIndexing', 'onIndexProgress', 'search', 'timeline', 'document', 'entities', 'curate', 'setPublished', 'importDropped', 'chooseImport', 'cancelImport', 'onImportProgress', 'onArchiveChanged'] as const satisfies ReadonlyArray<keyof DatelineApi>

export const MAX_IMPORT_PATHS = 10_000

export const MAX_QUERY_CHARS = 1000

const YMD_RE = /^\d{4}-\d{2}-\d{2}$/

const isIdList = (x: unknown) => x === undefined || (Array.isArray(x) && x.length <= 20 && x.every((e) => typeof e === 'string' && e.length > 0 && e.length <= 200))

export function isSearchRequest(v: unknown): v is SearchRequest {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const r = v as Record<string, unknown>
  const keys = Object.keys(r)
  if (!keys.every((k) => ['query', 'limit', 'offset', 'entities', 'excludeEntities', 'sort', 'eventsFrom', 'eventsTo'].includes(k))) return false
  for (const k of ['eventsFrom', 'eventsTo']) if (r[k] !== undefined && (typeof r[k] !== 'string' || !YMD_RE.test(r[k] as string))) return false
  if (typeof r['query'] !== 'string' || r['query'].length > MAX_QUERY_CHARS) return false
  if (!isIdList(r['entities']) || !isIdList(r['excludeEntities'])) return false
  if (r['sort'] !== undefined && r['sort'] !== 'relevance' && r['sort'] !== 'date') return false
  const intOk = (x: unknown, max: number) => x === undefined || (Number.isInteger(x) && (x as number) >= 0 && (x as number) <= max)
  return intOk(r['limit'], 500) && intOk(r['offset'], 1_000_000)
}

export function isDocumentRequest(v: unknown): v is DocumentRequest {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const r = v as Record<string, unknown>
  if (!Object.keys(r).every((k) => k === 'path' || k === 'query')) return false
  if (typeof r['path'] !== 'string' || !r['path'] || r['path'].length > 4096 || r['path'].includes('\0')) return false
  return r['query'] === undefined || (typeof r['query'] === 'string' && r['query'].length <= MAX_QUERY_CHARS)
}

export function isCurationRequest(v: unknown): v is CurationRequest {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const r = v as Record<string, unknown>
  const id = (x: unknown) => typeof x === 'string' && x.length > 0 && x.length <= 200
  const name = (x: unknown) => typeof x === 'string' && x.trim().length > 0 && x.length <= 200
  switch (r['op']) {
    case 'merge':
      return Object.keys(r).every((k) => ['op', 'ids', 'name'].includes(k)) && Array.isArray(r['ids']) && r['ids'].length >= 2 && r['ids'].length <= 20 && r['ids'].every(id) && (r['name'] === undefined || name(r['name']))
    case 'rename':
      return Object.keys(r).every((k) => ['op', 'id', 'name'].includes(k)) && id(r['id']) && name(r['name'])
    case 'retype':
      return Object.keys(r).every((k) => ['op', 'id', 'type'].includes(k)) && id(r['id']) && isEntityType(r['type'])
    case 'hide':
    case 'unhide':
      return Object.keys(r).every((k) => ['op', 'id'].includes(k)) && id(r['id'])
    default:
      return false
  }
}

const isEntityType = (x: unknown): x is EntityType => x === 'person' || x === 'organization' || x === 'place'

export function isEntityListRequest(v: unknown): v is EntityListRequest {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const r = v as Record<string, unknown>
  if (!Object.keys(r).every((k) => ['query', 'type', 'limit', 'sort', 'hidden'].includes(k))) return false
  if (r['query'] !== undefined && (typeof r['query'] !== 'string' || r['query'].length > 200)) return false
  if (r['type'] !== undefined && !isEntityType(r['type'])) return false
  if (r['sort'] !== undefined && r['sort'] !== 'count' && r['sort'] !== 'name') return false
  if (r['hidden'] !== undefined && typeof r['hidden'] !== 'boolean') return false
  return r['limit'] === undefined || (Number.isInteger(r['limit']) && (r['limit'] as number) >= 1 && (r['limit'] as number) <= 500)
}

/** A real calendar day (no 2015-02-30), 'unknown', or null. */
export function isPublishedRequest(v: unknown): v is PublishedRequest {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const r = v as Record<string, unknown>
  if (!Object.keys(r).every((k) => k === 'path' || k === 'date') || !('date' in r)) return false
  if (typeof r['path'] !== 'string' || !r['path'] || r['path'].length > 4096 || r['path'].includes('\0')) return false
  const d = r['date']
  if (d === null || d === 'unknown') return true
  if (typeof d !== 'string' || !YMD_RE.test(d)) return false
  const [y, m, day] = d.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, day))
  return y >= 1000 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day
}

export function isTimelineRequest(v: unknown): v is TimelineRequest {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const r = v as Record<string, unknown>
  if (!Object.keys(r).every((k) => ['query', 'entities', 'from', 'to', 'limit'].includes(k))) return false
  if (r['query'] !== undefined && (typeof r['query'] !== 'string' || r['query'].length > MAX_QUERY_CHARS)) return false
  const ents = r['entities']
  if (ents !== undefined && !(Array.isArray(ents) && ents.length <= 20 && ents.every((e) => typeof e === 'string' && e.length > 0 && e.length <= 200))) return false
  for (const k of ['from', 'to']) if (r[k] !== undefined && (typeof r[k] !== 'string' || !YMD_RE.test(r[k] as string))) return false
  return r['limit'] === undefined || (Number.isInteger(r['limit']) && (r['limit'] as number) >= 0 && (r['limit'] as number) <= 100_000)
}

/** Absolute paths from the preload's drop handler (POSIX or Windows), at most MAX_IMPORT_PATHS. */
export function isImportPaths(v: unknown): v is string[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.length <= MAX_IMPORT_PATHS &&
    v.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 4096 && !p.includes('\0') && (p.startsWith('/') || /^[A-Za-z]:[\\/]|^\\\\/.test(p)))
  )
}
