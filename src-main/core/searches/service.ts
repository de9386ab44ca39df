/**
 * Saved searches of an open archive: save the current search under a name, list them with how
 * many articles are new or changed since each was last run, run one (which marks its results as
 * seen), delete one. Changes are read-modify-write under the user-files lock.
 */
import path from 'node:path'
import { withUserFilesLock, type ArchiveContext } from '../archive/context'
import { entityRegistry } from '../entities/service'
import { DatelineError } from '../errors'
import { matchingDocuments, search, type SearchResult } from '../search/service'
import { loadSearches, saveSearches, SEARCHES_FILE, type HistoryEntry, type SavedSearch, type SearchSpec, type SearchesFile } from './file'

export const MAX_SAVED = 1000
const MAX_NAME = 100

export interface SavedSearchView extends SearchSpec {
  name: string
  created: string
  lastRun: string
  /** articles matching now that did not match (or have changed) since it was last run */
  newSince: number
  /** the names of the entities it filters by, by id (for the window's filter chips) */
  names: Record<string, string>
}

function key(ctx: ArchiveContext, id: string): string {
  return `${id}:${ctx.snapshot.manifest.docs[id]?.hash.slice(0, 12) ?? ''}`
}

function seenNow(ctx: ArchiveContext, spec: SearchSpec): string[] {
  // the query is checked here: a search with a syntax error is not saved
  return [...matchingDocuments(ctx, spec.query, { entities: spec.entities, excludeEntities: spec.excludeEntities })].map((id) => key(ctx, id)).sort()
}

function newSince(ctx: ArchiveContext, s: SavedSearch): string[] {
  const seen = new Set(s.seen)
  return [...matchingDocuments(ctx, s.query, { entities: s.entities, excludeEntities: s.excludeEntities })].filter((id) => !seen.has(key(ctx, id)))
}

const fileOf = (ctx: ArchiveContext) => path.join(ctx.store.dir, SEARCHES_FILE)

async function change<T>(ctx: ArchiveContext, fn: (data: SearchesFile) => { next: SearchesFile; value: T }): Promise<T> {
  return withUserFilesLock(ctx, async () => {
    const { data } = await loadSearches(fileOf(ctx))
    const { next, value } = fn(data)
    await saveSearches(fileOf(ctx), next)
    return value
  })
}

async function current(ctx: ArchiveContext): Promise<SearchesFile> {
  return (await loadSearches(fileOf(ctx))).data
}

function find(data: SearchesFile, name: string): SavedSearch {
  const s = data.saved.find((x) => x.name.toLowerCase() === name.trim().toLowerCase())
  if (!s) throw new DatelineError('not-found', `No saved search "${name.slice(0, MAX_NAME)}"${data.saved.length ? `; saved: ${data.saved.slice(0, 10).map((x) => x.name).join(', ')}${data.saved.length > 10 ? ', …' : ''}` : ': none is saved yet'}.`)
  return s
}

export async function saveSearch(ctx: ArchiveContext, name: string, spec: SearchSpec): Promise<SavedSearchView> {
  const n = name.trim().replace(/\s+/g, ' ')
  if (!n) throw new DatelineError('usage', 'A saved search needs a name.')
  if (n.length > MAX_NAME) throw new DatelineError('usage', `A saved search's name is limited to ${MAX_NAME} characters.`)
  const seen = seenNow(ctx, spec)
  const at = new Date().toISOString()
  const saved: SavedSearch = { name: n, query: spec.query, ...(spec.entities?.length ? { entities: spec.entities } : {}), ...(spec.excludeEntities?.length ? { excludeEntities: spec.excludeEntities } : {}), created: at, lastRun: at, seen }
  await change(ctx, (data) => {
    if (data.saved.some((x) => x.name.toLowerCase() === n.toLowerCase())) throw new DatelineError('usage', `A search is already saved as "${n}"; choose another name or delete that one first.`)
    if (data.saved.length >= MAX_SAVED) throw new DatelineError('usage', `${MAX_SAVED.toLocaleString('en-US')} searches are saved, the most kept; delete some first.`)
    return { next: { ...data, saved: [...data.saved, saved] }, value: undefined }
  })
  return view(ctx, saved, 0)
}

function view(ctx: ArchiveContext, s: SavedSearch, fresh: number): SavedSearchView {
  const { seen: _seen, ...rest } = s
  const names: Record<string, string> = {}
  const ids = [...(s.entities ?? []), ...(s.excludeEntities ?? [])]
  if (ids.length) {
    const registry = entityRegistry(ctx)
    for (const id of ids) names[id] = registry.resolve(id)?.name ?? id
  }
  return { ...rest, newSince: fresh, names }
}

/** Saved searches, newest first, each with its count of new articles (counted for the first `count` listed). */
export async function listSaved(ctx: ArchiveContext, count = 50): Promise<{ saved: SavedSearchView[]; notice?: string }> {
  const { data, problem } = await loadSearches(fileOf(ctx))
  const saved = [...data.saved].reverse().map((s, i) => view(ctx, s, i < count ? safeNew(ctx, s) : 0))
  return problem ? { saved, notice: problem } : { saved }
}

function safeNew(ctx: ArchiveContext, s: SavedSearch): number {
  try {
    return newSince(ctx, s).length
  } catch {
    return 0 // an entity it filtered by was merged away: running it says so
  }
}

/** Run a saved search: its results, which of them are new since the last run; they are seen from now on. */
export async function runSaved(ctx: ArchiveContext, name: string, opts: { limit?: number } = {}): Promise<{ saved: SavedSearchView; result: SearchResult; newPaths: string[] }> {
  const s = find(await current(ctx), name)
  const fresh = newSince(ctx, s)
  const result = search(ctx, s.query, { entities: s.entities, excludeEntities: s.excludeEntities, limit: opts.limit ?? 20, dates: true })
  const seen = seenNow(ctx, s)
  const lastRun = new Date().toISOString()
  await change(ctx, (data) => ({ next: { ...data, saved: data.saved.map((x) => (x.name === s.name ? { ...x, seen, lastRun } : x)) }, value: undefined }))
  return { saved: view(ctx, { ...s, lastRun }, fresh.length), result, newPaths: fresh.map((id) => ctx.snapshot.manifest.docs[id]!.path).sort() }
}

export async function deleteSaved(ctx: ArchiveContext, name: string): Promise<void> {
  await change(ctx, (data) => {
    const s = find(data, name)
    return { next: { ...data, saved: data.saved.filter((x) => x !== s) }, value: undefined }
  })
}

/** Searches kept in the history, the oldest dropped first. */
export const MAX_HISTORY = 1000

const sameSearch = (a: Omit<HistoryEntry, 'at'>, b: Omit<HistoryEntry, 'at'>) =>
  a.query === b.query && (a.entities ?? []).join() === (b.entities ?? []).join() && (a.excludeEntities ?? []).join() === (b.excludeEntities ?? []).join() && a.sort === b.sort && a.eventsFrom === b.eventsFrom && a.eventsTo === b.eventsTo

/** Keep a search in the history (the same search again moves to the end instead of repeating). */
export async function recordSearch(ctx: ArchiveContext, entry: Omit<HistoryEntry, 'at'>): Promise<void> {
  const e: HistoryEntry = { ...entry, at: new Date().toISOString() }
  for (const k of ['entities', 'excludeEntities'] as const) if (!e[k]?.length) delete e[k]
  await change(ctx, (data) => {
    const history = (data.history ?? []).filter((h) => !sameSearch(h, e))
    history.push(e)
    return { next: { ...data, history: history.slice(-MAX_HISTORY) }, value: undefined }
  })
}

/** The most recent searches first. */
export async function searchHistory(ctx: ArchiveContext, limit = 50): Promise<HistoryEntry[]> {
  return [...((await current(ctx)).history ?? [])].reverse().slice(0, limit)
}

export async function clearHistory(ctx: ArchiveContext): Promise<number> {
  return change(ctx, (data) => ({ next: { ...data, history: [] }, value: data.history?.length ?? 0 }))
}
