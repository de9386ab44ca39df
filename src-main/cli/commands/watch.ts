/** dateline watch <archive>: keep the index live, one line per change, until Ctrl+C. */
import { ArchiveService } from '../../core/api'
import { keepArchiveLive, type LiveChange } from '../../core/live'
import type { Command } from '../context'

export const watchCommand: Command = async ({ args, io, json, archiveDir, dataDir, maxFileBytes }) => {
  const svc = await ArchiveService.open(archiveDir, { dataDir, maxFileBytes })
  const line = (c: LiveChange) =>
    io.out(
      json
        ? JSON.stringify(c)
        : c.kind === 'renamed'
          ? `renamed ${c.from} -> ${c.path}`
          : c.kind === 'rejected'
            ? `rejected ${c.path}: ${c.reason}`
            : `${c.kind} ${c.path}`
    )
  // changes made while nothing was watching come first
  const first = await svc.update()
  for (const c of first.changes) line(c)
  await svc.warmUp()
  const watcher = await keepArchiveLive(svc, {
    polling: args.flags.has('poll'),
    onChange: line,
    onNotice: (m) => io.err(`dateline: ${m}`),
    onError: (m) => io.err(`dateline: ${m}`)
  })
  io.err(`dateline: watching ${svc.archive} (${svc.documentCount} documents${watcher.mode === 'polling' ? ', polling' : ''}); Ctrl+C to stop`)
  await new Promise<void>((resolve) => {
    if (!io.signal || io.signal.aborted) return resolve()
    io.signal.addEventListener('abort', () => resolve(), { once: true })
  })
  watcher.close()
  await svc.update().catch(() => {}) // let a batch in progress finish
  return 0
}
