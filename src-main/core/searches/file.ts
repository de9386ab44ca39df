/**
 * The analyst's searches, kept in the archive's data folder: saved searches (a name, the query and
 * its filters, and which articles matched when it was last run, to tell what is new since) and
 * the history of searches run. A damaged file is set aside, never silently dropped.
 */
import { writeFileAtomic } from '../store/atomic'
import { readTextIfExists } from '../store/read'

export const SEARCHES_FILE = 'searches.json'

export interface SearchSpec {
  query: string
  entities?: string[]
  excludeEntities?: string[]
}

export interface SavedSearch extends SearchSpec {
  name: string
  created: string
  /** when it was last run, and what matched then: "id:hash" of each article (new or changed ones are not in it) */
  lastRun: string
  seen: string[]
}

/** A search the user ran (the window keeps one once it has stood for a moment, or a result was opened). */
export interface HistoryEntry extends SearchSpec {
  at: string
  sort?: 'relevance' | 'date'
  eventsFrom?: string
  eventsTo?: string
}

export interface SearchesFile {
  format: 'dateline-searches'
  version: 1
  saved: SavedSearch[]
  /** newest last */
  history?: HistoryEntry[]
}

export function emptySearches(): SearchesFile {
  return { format: 'dateline-searches', version: 1, saved: [] }
}

export async function loadSearches(file: string): Promise<{ data: SearchesFile; problem?: string }> {
  const raw = await readTextIfExists(file, 'read your saved searches')
  if (raw === undefined) return { data: emptySearches() }
  try {
    const parsed = JSON.parse(raw) as SearchesFile
    if (parsed.format === 'dateline-searches' && Array.isArray(parsed.saved)) return { data: parsed }
  } catch {
    // fall through
  }
  const aside = `${file}.damaged-${Date.now()}`
  await writeFileAtomic(aside, raw).catch(() => {})
  return { data: emptySearches(), problem: `Your saved searches file was damaged; it was kept as ${aside} and a new one started.` }
}

export async function saveSearches(file: string, data: SearchesFile): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(data))
}
