/**
 * Watch an archive folder for changes made by other programs and hand them over in batches.
 *
 * - Debounced: changes are collected until the folder has been quiet for `quietMs`, or at most
 *   `maxWaitMs` after the first one, so a burst of thousands of new files is one batch.
 * - Partial writes: a file still being written keeps producing events, so it is not handed over
 *   until the writer pauses; if a writer pauses mid-file, the next write triggers another batch
 *   and the index follows the final content.
 * - Editors' temporary files and hidden files are left to scan.ts rules (never indexed).
 * - Linux has no recursive inotify watch: one watch per folder is set up, new folders are watched
 *   as they appear. When the system's watch limit is reached (ENOSPC/EMFILE), the watcher falls
 *   back to polling (a reconciliation every `pollMs`) and says so through onNotice.
 */
import { watch as fsWatch, type FSWatcher } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'

export type WatchBatch = { paths: string[] } | { all: true }

export type WatchFn = (dir: string, options: { persistent: boolean; recursive?: boolean }, listener: (event: string, filename: string | Buffer | null) => void) => FSWatcher

export interface WatchOptions {
  /** absolute folders whose changes are ignored (Dateline's data folder if inside the archive) */
  exclude?: string[]
  quietMs?: number
  maxWaitMs?: number
  pollMs?: number
  /** poll from the start (network shares, where change events are not delivered) */
  polling?: boolean
  /** native recursive watching (macOS, Windows); default: per-folder watches on Linux */
  recursive?: boolean
  watch?: WatchFn
  onNotice?: (message: string) => void
  onError?: (err: unknown) => void
  /** first wait before a failed batch is tried again (doubling to a minute); default 5 s */
  retryMs?: number
}

export interface ArchiveWatcher {
  readonly mode: 'events' | 'polling'
  /** number of folders watched (events mode on Linux) */
  readonly watched: number
  /** resolves once no change is pending or being processed */
  idle(): Promise<void>
  close(): void
}

const LIMIT_CODES = new Set(['ENOSPC', 'EMFILE', 'ENFILE'])

export async function watchArchive(root: string, onBatch: (batch: WatchBatch) => Promise<void>, opts: WatchOptions = {}): Promise<ArchiveWatcher> {
  const rootAbs = path.resolve(root)
  const quietMs = opts.quietMs ?? 300
  const maxWaitMs = opts.maxWaitMs ?? 10_000
  const pollMs = opts.pollMs ?? 10_000
  const watchFn: WatchFn = opts.watch ?? (fsWatch as unknown as WatchFn)
  const recursive = opts.recursive ?? (process.platform === 'darwin' || process.platform === 'win32')
  const exclude = (opts.exclude ?? []).map((p) => path.resolve(p))
  const ignored = (abs: string) => exclude.some((x) => abs === x || abs.startsWith(x + path.sep))
  const watchers = new Map<string, FSWatcher>()
  const pending = new Set<string>()
  let mode: 'events' | 'polling' = 'events'
  let quietTimer: NodeJS.Timeout | undefined
  let maxTimer: NodeJS.Timeout | undefined
  let pollTimer: NodeJS.Timeout | undefined
  // a batch that failed (disk full, archive busy) is tried again by itself: waiting for the next
  // change left the articles unindexed until the user touched something (#25 item 12)
  const firstRetryMs = opts.retryMs ?? 5_000
  let retryMs = firstRetryMs
  let retryTimer: NodeJS.Timeout | undefined
  const failed = new Set<string>()
  let running: Promise<void> | undefined
  let closed = false
  let idleWaiters: Array<() => void> = []

  const rel = (abs: string) => path.relative(rootAbs, abs).split(path.sep).join('/')

  function settleIdle() {
    if (running || pending.size || quietTimer) return
    const w = idleWaiters
    idleWaiters = []
    for (const f of w) f()
  }

  function schedule() {
    if (closed || mode === 'polling') return
    clearTimeout(quietTimer)
    quietTimer = setTimeout(flush, quietMs)
    maxTimer ??= setTimeout(flush, maxWaitMs)
  }

  function onEvent(dirAbs: string, filename: string | Buffer | null) {
    if (closed) return
    const name = filename == null ? '' : String(filename)
    const abs = name ? path.join(dirAbs, name) : dirAbs
    if (ignored(abs)) return
    const r = rel(abs)
    if (r.startsWith('..')) return
    pending.add(r)
    schedule()
  }

  async function flush() {
    clearTimeout(quietTimer)
    clearTimeout(maxTimer)
    quietTimer = maxTimer = undefined
    if (closed) return
    if (running) {
      // one batch at a time; what arrived meanwhile is the next batch
      await running
      if (pending.size && !quietTimer) schedule()
      return
    }
    clearTimeout(retryTimer)
    retryTimer = undefined
    const paths = [...new Set([...failed, ...pending])]
    pending.clear()
    failed.clear()
    running = (async () => {
      if (!recursive) for (const r of paths) await followFolders(r)
      try {
        // an event on the archive folder itself without a name: look at everything
        await onBatch(paths.includes('') ? { all: true } : { paths })
        retryMs = firstRetryMs
      } catch (err) {
        opts.onError?.(err)
        if (closed) return
        for (const r of paths) failed.add(r)
        retryTimer = setTimeout(flush, retryMs)
        retryMs = Math.min(retryMs * 2, 60_000)
      }
    })()
    await running
    running = undefined
    if (pending.size) schedule()
    settleIdle()
  }

  /** A path in a batch may be a new folder (watch it and its subfolders) or a deleted one (unwatch). */
  async function followFolders(r: string) {
    const abs = r ? path.join(rootAbs, ...r.split('/')) : rootAbs
    const info = await stat(abs).catch(() => null)
    if (info?.isDirectory()) await watchTree(abs)
    else for (const [dir, w] of watchers) if (dir === abs || dir.startsWith(abs + path.sep)) {
      w.close()
      watchers.delete(dir)
    }
  }

  async function watchTree(dir: string): Promise<void> {
    if (mode === 'polling' || closed || ignored(dir)) return
    if (!watchers.has(dir)) {
      try {
        const w = watchFn(dir, { persistent: true }, (_e, f) => onEvent(dir, f))
        w.on('error', () => {
          // the folder went away; its parent reports the removal
          w.close()
          watchers.delete(dir)
        })
        watchers.set(dir, w)
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? ''
        if (LIMIT_CODES.has(code)) return startPolling(code)
        if (code !== 'ENOENT') opts.onError?.(err)
        return
      }
    }
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) await watchTree(path.join(dir, e.name))
  }

  async function startPolling(code?: string) {
    if (mode === 'polling' || closed) return
    mode = 'polling'
    for (const w of watchers.values()) w.close()
    watchers.clear()
    clearTimeout(quietTimer)
    clearTimeout(maxTimer)
    quietTimer = maxTimer = undefined
    pending.clear()
    const seconds = Math.round(pollMs / 1000)
    if (code) {
      const limit = await readFile('/proc/sys/fs/inotify/max_user_watches', 'utf8').then((s) => ` (fs.inotify.max_user_watches = ${s.trim()})`, () => '')
      opts.onNotice?.(
        `Live updates now check the archive folder every ${seconds} s instead of being told of each change: the system's limit on watched folders was reached${limit}. ` +
          'Changes still appear, only later. To restore instant updates on Linux: sudo sysctl fs.inotify.max_user_watches=524288'
      )
    } else opts.onNotice?.(`Live updates check the archive folder every ${seconds} s (polling).`)
    const tick = async () => {
      if (closed) return
      running = onBatch({ all: true }).catch((err) => opts.onError?.(err))
      await running
      running = undefined
      settleIdle()
      if (!closed) pollTimer = setTimeout(tick, pollMs)
    }
    pollTimer = setTimeout(tick, pollMs)
  }

  if (opts.polling) await startPolling()
  else if (recursive) {
    try {
      const w = watchFn(rootAbs, { persistent: true, recursive: true }, (_e, f) => onEvent(rootAbs, f))
      w.on('error', (err) => opts.onError?.(err))
      watchers.set(rootAbs, w)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? ''
      if (LIMIT_CODES.has(code)) await startPolling(code)
      else throw err
    }
  } else await watchTree(rootAbs)

  return {
    get mode() {
      return mode
    },
    get watched() {
      return watchers.size
    },
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve)
        settleIdle()
      }),
    close() {
      closed = true
      clearTimeout(quietTimer)
      clearTimeout(maxTimer)
      clearTimeout(pollTimer)
      clearTimeout(retryTimer)
      for (const w of watchers.values()) w.close()
      watchers.clear()
      settleIdle()
    }
  }
}
