/**
 * Keep an open archive's index live while the app (or `dateline watch`) runs: folder changes
 * from the watcher become targeted index updates, reported one change at a time.
 */
import type { ArchiveService, FileChange, IndexReport } from './api'
import { watchArchive, type ArchiveWatcher, type WatchOptions } from './archive/watch'

export type LiveChange = FileChange | { kind: 'rejected'; path: string; reason: string }

export interface LiveOptions extends Omit<WatchOptions, 'exclude' | 'onError'> {
  onChange?: (change: LiveChange) => void
  onReport?: (report: IndexReport) => void
  onError?: (message: string) => void
}

// Skips that are the folder's normal furniture, not news for the user.
const QUIET = /^(?:hidden (?:file|folder)|temporary file|Dateline data folder|unsupported file type|folder documentation)/

export function keepArchiveLive(svc: ArchiveService, opts: LiveOptions = {}): Promise<ArchiveWatcher> {
  const told = new Map<string, string>()
  return watchArchive(
    svc.archive,
    async (batch) => {
      const report = 'all' in batch ? await svc.update() : await svc.updatePaths(batch.paths)
      opts.onReport?.(report)
      for (const c of report.changes) {
        told.delete(c.path)
        opts.onChange?.(c)
      }
      // a refused file is mentioned once, not at every poll
      for (const s of report.skipped) {
        if (QUIET.test(s.reason) || told.get(s.path) === s.reason) continue
        told.set(s.path, s.reason)
        opts.onChange?.({ kind: 'rejected', path: s.path, reason: s.reason })
      }
    },
    {
      ...opts,
      exclude: [svc.dataDir],
      onError: (err) => opts.onError?.(err instanceof Error ? err.message : String(err))
    }
  )
}
