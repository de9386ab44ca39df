/**
 * Opening archives in the window: status (reopening the last archive at start-up), the folder
 * dialog, recent archives, indexing with progress and cancel, and live updates while it is open.
 */
import { Events, type ArchiveChangedEvent, type Result, type Services, type StatusView } from '../../contract/api'
import { ArchiveService, type IndexProgress } from '../../core/api'
import { DatelineError } from '../../core/errors'
import { keepArchiveLive, type LiveChange } from '../../core/live'
import { guarded, type Session } from './session'

export function archiveServices(session: Session): Pick<Services, 'status' | 'chooseArchive' | 'openRecent' | 'cancelIndexing'> & { open(path: string): Promise<Result<StatusView>> } {
  const { deps } = session

  function changed(svc: ArchiveService, changes: LiveChange[], notice?: string) {
    if (svc !== session.current) return
    const event: ArchiveChangedEvent = { changes, documents: svc.documentCount, ...(notice ? { notice } : {}) }
    deps.send(Events.archiveChanged, event)
  }

  async function startWatching(svc: ArchiveService) {
    session.watcher?.close()
    session.watcher = null
    if (deps.watch === false) return
    // batch the per-file changes of one index update into one message
    let batch: LiveChange[] = []
    session.watcher = await keepArchiveLive(svc, {
      onChange: (c) => void batch.push(c),
      onReport: () => {
        queueMicrotask(() => {
          if (batch.length) changed(svc, batch)
          batch = []
        })
      },
      onNotice: (m) => changed(svc, [], m),
      onError: (m) => changed(svc, [], `Live updates hit a problem: ${m}`)
    })
    // the first file dropped after opening should not wait for the model to load
    void svc.warmUp().catch(() => {})
  }

  const view = (): StatusView => ({ archive: session.current?.archive ?? null, documents: session.current?.documentCount ?? 0, indexing: session.indexing, recent: deps.recentArchives?.() ?? [] })

  /**
   * Open an archive: load its index, then reconcile it with the folder. In the background (the
   * archive reopened at start-up), the call returns once the index is loaded, so the window can
   * search what was indexed while the folder is checked (at 100,000 files the check takes
   * seconds); an archive-changed event tells the window when it is done.
   */
  async function open(archivePath: string, opts: { background?: boolean } = {}): Promise<Result<StatusView>> {
    return guarded(async () => {
      const svc = await ArchiveService.open(archivePath, { dataDir: deps.dataDir, ...(deps.maxFileBytes ? { maxFileBytes: deps.maxFileBytes } : {}), ...(deps.workerScript ? { workerScript: deps.workerScript } : {}), ...deps.indexing })
      void session.current?.close()
      session.current = svc
      deps.rememberArchive(svc.archive)
      const run = reconcile(svc)
      if (!opts.background) await run
      else
        void run.then(
          (changes) => changed(svc, changes),
          (err: unknown) => changed(svc, [], err instanceof DatelineError && err.code === 'cancelled' ? err.message : `Indexing stopped: ${err instanceof Error ? err.message : String(err)}`)
        )
      return view()
    })
  }

  /**
   * Bring the index in line with the folder (with progress events): returns once the text is
   * searchable; the folder is then watched while the analysis runs in the background.
   */
  async function reconcile(svc: ArchiveService): Promise<LiveChange[]> {
    session.indexing = true
    const stop = new AbortController()
    session.indexingStop = stop
    // ETA from the analysis rate, measured once the workers have warmed up (their first files
    // include loading the models, which made the first estimates 3-4× too long)
    const WARM = 20
    let t0 = 0
    let first = 0
    let report
    let phase = ''
    const progress = (p: IndexProgress) => {
      let etaSeconds: number | null = null
      // what searches see changed (a segment built or analysed): the window refreshes its answers
      if (p.published) changed(svc, [])
      if (p.phase !== phase) {
        phase = p.phase
        t0 = 0 // each phase has its own rate
      }
      if (p.phase === 'index' || p.phase === 'analyse') {
        if (!t0 && p.done >= Math.min(WARM, p.total)) {
          t0 = performance.now()
          first = p.done
        } else if (t0 && p.done - first >= 20) etaSeconds = Math.round(((performance.now() - t0) / (p.done - first)) * (p.total - p.done) / 1000)
      }
      deps.send(Events.indexProgress, { ...p, etaSeconds, archive: svc.archive })
    }
    try {
      // the text first: searchable when this returns
      report = await svc.update(progress, stop.signal, { textOnly: true })
    } catch (err) {
      session.indexing = false
      session.indexingStop = null
      throw err
    }
    // then the archive is watched (a dropped or changed file is indexed at once) while the analysis
    // goes on in the background, still under Cancel; its end is told as a change
    await startWatching(svc)
    const done = () => {
      if (session.indexingStop !== stop) return // another archive was opened since
      session.indexing = false
      session.indexingStop = null
    }
    const { documents, analysed } = svc.status()
    if (analysed === documents) {
      done()
      return report.changes
    }
    void svc.analysePending(progress, stop.signal).then(
      () => (done(), changed(svc, [])),
      (err: unknown) => (done(), changed(svc, [], err instanceof DatelineError && err.code === 'cancelled' ? err.message : `Analysis stopped: ${err instanceof Error ? err.message : String(err)}`))
    )
    return report.changes
  }

  return {
    open,
    async status() {
      if (!session.current) {
        const last = deps.lastArchive()
        // one opening at a time, however often the window asks while the index loads
        if (last) return (session.reopening ??= open(last, { background: true }).finally(() => (session.reopening = null)))
      }
      return { ok: true, value: view() }
    },
    async chooseArchive() {
      const picked = await deps.pickFolder()
      if (!picked) return { ok: true, value: view() }
      return open(picked)
    },
    async openRecent(p: string) {
      if (!(deps.recentArchives?.() ?? []).includes(p)) return { ok: false, error: { code: 'invalid', message: 'That folder is not among the recent archives; use Open archive….' } }
      return open(p)
    },
    async cancelIndexing() {
      const running = session.indexingStop
      running?.abort()
      return { ok: true, value: { cancelled: running !== null } }
    }
  }
}
