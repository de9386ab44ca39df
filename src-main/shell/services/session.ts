/**
 * What the window's services share: the dependencies the composition root injects, the archive
 * open in the window, and what is running on it. No electron import.
 */
import type { Result, StatusView } from '../../contract/api'
import type { ArchiveService, OpenOptions } from '../../core/api'
import type { ArchiveWatcher } from '../../core/archive/watch'
import { DatelineError, ioError } from '../../core/errors'
import { writeFileAtomic } from '../../core/store/atomic'

export interface ServiceDeps {
  dataDir: string
  /** native folder dialog; resolves to null when cancelled */
  pickFolder(): Promise<string | null>
  lastArchive(): string | null
  rememberArchive(path: string): void
  /** recently opened archives, most recent first */
  recentArchives?(): string[]
  /** native dialog for files and folders to import; null when cancelled */
  pickImport(): Promise<string[] | null>
  /** open a file of the archive in the system's own program for it; an error message, or '' when it opened */
  openFile?(absPath: string): Promise<string>
  /** show a file of the archive in the system's file manager */
  revealFile?(absPath: string): void
  /** native save dialog (it asks before replacing a file); null when cancelled */
  pickSaveFile?(suggestedName: string, format: 'csv' | 'json'): Promise<string | null>
  /** a message to the window (progress, live changes) */
  send(channel: string, payload: unknown): void
  /** files over this size are refused (default 20 MB; a setting) */
  maxFileBytes?: number
  /** where imports go inside the archive (default "Imported/{date}"; a setting) */
  importFolder?: string
  /** watch the open archive's folder for changes by other programs (default true) */
  watch?: boolean
  /** the built analysis worker (out/main/analyze-worker.js) */
  workerScript?: string
  /** how archives are indexed (two-phase thresholds, text only): the defaults unless a test or a setting says otherwise */
  indexing?: Pick<OpenOptions, 'analyseLaterFrom' | 'textOnly' | 'workers'>
}

export interface Session {
  readonly deps: ServiceDeps
  current: ArchiveService | null
  indexing: boolean
  watcher: ArchiveWatcher | null
  importing: AbortController | null
  indexingStop: AbortController | null
  reopening: Promise<Result<StatusView>> | null
}

/** Run a service call on the open archive: its result, or an error value the window can show. */
export async function withArchive<T>(session: Session, fn: (svc: ArchiveService) => Promise<T> | T, message = 'Open an archive folder first.'): Promise<Result<T>> {
  const svc = session.current
  if (!svc) return { ok: false, error: { code: 'no-archive', message } }
  return guarded(async () => fn(svc))
}

export async function guarded<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() }
  } catch (err) {
    if (err instanceof DatelineError) return { ok: false, error: { code: err.code, message: err.message } }
    return { ok: false, error: { code: 'internal', message: `Unexpected error: ${(err as Error)?.message ?? String(err)}` } }
  }
}

/**
 * An export from the window: ask where to save it (null when the dialog was cancelled; the dialog
 * asks before replacing a file), then write what `produce` makes, whole or not at all. `what`
 * names it in an error ("the results").
 */
export async function saveExport(session: Session, suggestedName: string, format: 'csv' | 'json', what: string, produce: () => { text: string; rows: number }): Promise<{ file: string; rows: number } | null> {
  const pick = session.deps.pickSaveFile
  if (!pick) throw new DatelineError('io', 'Saving files is not available here.')
  const file = await pick(suggestedName, format)
  if (!file) return null
  const { text, rows } = produce()
  await writeFileAtomic(file, text).catch((e: unknown) => {
    throw ioError(e, `save ${what} to ${file}`)
  })
  return { file, rows }
}
