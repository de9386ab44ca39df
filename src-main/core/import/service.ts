/**
 * Import into an open archive: dropped files and folders are copied in (never overwriting;
 * duplicates by content are not copied, run.ts) and indexed at once. Rejects only when the
 * archive itself is unusable; every per-file problem is a reason in the report.
 */
import { access, constants as fsConstants, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ArchiveContext } from '../archive/context'
import { fileOf } from '../archive/document'
import { realFolder } from '../archive/inside'
import { errCode } from '../archive/scan'
import { isolatedReader } from '../update/read'
import { blockedFolder } from './folders'
import { DatelineError } from '../errors'
import type { IndexProgress, IndexReport } from '../update/types'
import type { Rejection } from './collect'
import { runImport, type DuplicateFile, type ImportedFile, type ImportProgress } from './run'

export interface ImportOptions {
  /** destination folder inside the archive; "{date}" becomes today's date (default "Imported/{date}") */
  target?: string
  signal?: AbortSignal
  onProgress?: (p: ImportProgress) => void
  /** each file's outcome as soon as it is known */
  onFile?: Parameters<typeof runImport>[1]['onFile']
  /** how copies are written (injected by tests to simulate failures) */
  fs?: Parameters<typeof runImport>[1]['fs']
}

export interface ImportReport {
  imported: ImportedFile[]
  duplicates: DuplicateFile[]
  rejected: Rejection[]
  cancelled: boolean
  /** files not looked at because the import was cancelled */
  notStarted: number
  /** documents in the archive after the import */
  documents: number
  /** time from the first copy to the new files being searchable */
  ms: number
}

export const DEFAULT_IMPORT_TARGET = 'Imported/{date}'

type Update = (onProgress?: (p: IndexProgress) => void, scope?: string[]) => Promise<IndexReport>

/** `update` is the archive's index update (update/run.ts), run inside the same queue turn. */
export async function importFiles(ctx: ArchiveContext, sources: readonly string[], opts: ImportOptions, update: Update): Promise<ImportReport> {
  const target = importTarget(opts.target ?? DEFAULT_IMPORT_TARGET)
  await access(ctx.archive, fsConstants.W_OK).catch((err: NodeJS.ErrnoException) => {
    throw err.code === 'ENOENT'
      ? new DatelineError('not-found', `Archive folder not found: ${ctx.archive}`)
      : new DatelineError('io', `Cannot import into ${ctx.archive}: the folder cannot be written (${errCode(err)}).`)
  })
  if (!(await stat(ctx.archive)).isDirectory()) throw new DatelineError('not-found', `Archive folder not found: ${ctx.archive}`)
  const blocked = await blockedFolder(await realFolder(ctx.archive), target.split('/'))
  if (blocked) throw new DatelineError('io', `Cannot import into ${target}: ${blocked}.`)
  // Know everything the archive holds before judging duplicates: after a crash, copies may
  // exist that the index has not seen yet. The first import of a session reconciles fully.
  if (!ctx.fullyReconciled) await update()
  else await update(undefined, [target])
  const known = new Map<string, string>()
  for (const d of ctx.snapshot.documents()) if (!known.has(d.fileHash ?? d.hash)) known.set(d.fileHash ?? d.hash, fileOf(d))
  const t0 = performance.now()
  const outcome = await runImport(sources, {
    archive: ctx.archive,
    target,
    maxBytes: ctx.opts.maxFileBytes,
    known,
    exclude: [ctx.dataDir],
    signal: opts.signal,
    // no signal: a cancelled import stops between files, and the file in hand is finished whole
    isolate: isolatedReader(ctx, undefined, 'keep'),
    onProgress: opts.onProgress,
    onFile: opts.onFile,
    fs: opts.fs
  })
  if (outcome.imported.length) {
    await update((p) => opts.onProgress?.({ phase: 'index', done: p.done, total: p.total, bytes: 0, totalBytes: 0, current: p.current }), outcome.imported.map((f) => f.to))
  }
  return { ...outcome, documents: ctx.snapshot.documentCount, ms: Math.round(performance.now() - t0) }
}

/** "Imported/{date}" → "Imported/2026-11-22"; refuses paths that leave the archive or hide the files. */
export function importTarget(template: string, now = new Date()): string {
  const ymd = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
  const parts = template.replaceAll('{date}', ymd).split(/[\\/]+/).filter((p) => p && p !== '.')
  if (path.isAbsolute(template) || parts.some((p) => p === '..' || p.startsWith('.'))) {
    throw new DatelineError('usage', `The import folder must be a visible folder inside the archive (got "${template}").`)
  }
  return parts.join('/')
}
