/**
 * What the window can ask for, implemented on the core. No electron import: the folder picker
 * and settings are injected by the composition root, so this is tested under plain Node.
 */
import { Events, type ArchiveChangedEvent, type CurationRequest, type DocumentRequest, type DocumentResponse, type EntityListRequest, type EntityView, type PublishedRequest, type PublishedView, type ImportResponse, type Result, type SearchRequest, type SearchResponse, type StatusView, type TimelineRequest, type TimelineResponse } from '../contract/api'
import { ArchiveService } from '../core/api'
import type { ArchiveWatcher } from '../core/archive/watch'
import { keepArchiveLive, type LiveChange } from '../core/live'
import { publicEvent } from '../core/timeline/build'
import { DatelineError } from '../core/errors'
import type { Services } from './ipc'

const WINDOW_PHRASE_CHECKS = 1000

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
}

export function createServices(deps: ServiceDeps): Services & { open(path: string): Promise<Result<StatusView>>; close(): void } {
  let current: ArchiveService | null = null
  let indexing = false
  let watcher: ArchiveWatcher | null = null
  let importing: AbortController | null = null
  let indexingStop: AbortController | null = null
  let reopening: Promise<Result<StatusView>> | null = null

  function changed(svc: ArchiveService, changes: LiveChange[], notice?: string) {
    if (svc !== current) return
    const event: ArchiveChangedEvent = { changes, documents: svc.documentCount, ...(notice ? { notice } : {}) }
    deps.send(Events.archiveChanged, event)
  }

  async function startWatching(svc: ArchiveService) {
    watcher?.close()
    watcher = null
    if (deps.watch === false) return
    // batch the per-file changes of one index update into one message
    let batch: LiveChange[] = []
    watcher = await keepArchiveLive(svc, {
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

  const view = (): StatusView => ({ archive: current?.archive ?? null, documents: current?.documentCount ?? 0, indexing, recent: deps.recentArchives?.() ?? [] })

  /**
   * Open an archive: load its index, then reconcile it with the folder. In the background (the
   * archive reopened at start-up), the call returns once the index is loaded, so the window can
   * search what was indexed while the folder is checked (at 100,000 files the check takes
   * seconds); an archive-changed event tells the window when it is done.
   */
  async function open(archivePath: string, opts: { background?: boolean } = {}): Promise<Result<StatusView>> {
    return guarded(async () => {
      const svc = await ArchiveService.open(archivePath, { dataDir: deps.dataDir, ...(deps.maxFileBytes ? { maxFileBytes: deps.maxFileBytes } : {}), ...(deps.workerScript ? { workerScript: deps.workerScript } : {}) })
      void current?.close()
      current = svc
      deps.rememberArchive(svc.archive)
      const run = reconcile(svc)
      if (!opts.background) await run
      else
        void run.then(
          (changes) => changed(svc, changes),
          (err: unknown) => changed(svc, [], err instanceof DatelineError && err.code === 'cancelled' ? 'Indexing was cancelled; searches use the index as it was.' : `Indexing stopped: ${err instanceof Error ? err.message : String(err)}`)
        )
      return view()
    })
  }

  /** Bring the index in line with the folder (with progress events), then keep watching it. */
  async function reconcile(svc: ArchiveService): Promise<LiveChange[]> {
    indexing = true
    const stop = new AbortController()
    indexingStop = stop
    // ETA from the analysis rate so far (the slow phase), once a few files are done
    let t0 = 0
    let first = 0
    let report
    try {
      report = await svc.update((p) => {
        let etaSeconds: number | null = null
        if (p.phase === 'index') {
          if (!t0) {
            t0 = performance.now()
            first = p.done
          } else if (p.done - first >= 20) etaSeconds = Math.round(((performance.now() - t0) / (p.done - first)) * (p.total - p.done) / 1000)
        }
        deps.send(Events.indexProgress, { ...p, etaSeconds })
      }, stop.signal)
    } finally {
      indexing = false
      indexingStop = null
    }
    await startWatching(svc)
    return report.changes
  }

  async function importPaths(paths: string[]): Promise<Result<ImportResponse>> {
    const svc = current
    if (!svc) return { ok: false, error: { code: 'no-archive', message: 'Open an archive folder before importing articles into it.' } }
    if (importing) return { ok: false, error: { code: 'locked', message: 'An import is already running; wait for it or cancel it.' } }
    const stop = new AbortController()
    importing = stop
    try {
      return await guarded(async () => {
        const r = await svc.importFiles(paths, { ...(deps.importFolder ? { target: deps.importFolder } : {}), signal: stop.signal, onProgress: (p) => deps.send(Events.importProgress, p) })
        const { imported, duplicates, rejected, cancelled, notStarted, documents, ms } = r
        return { imported, duplicates, rejected, cancelled, notStarted, documents, ms }
      })
    } finally {
      importing = null
    }
  }

  return {
    open,
    close() {
      void current?.close()
      watcher?.close()
      watcher = null
      importing?.abort()
    },
    importPaths,
    async chooseImport() {
      const picked = await deps.pickImport()
      if (!picked?.length) return { ok: true, value: { imported: [], duplicates: [], rejected: [], cancelled: true, notStarted: 0, documents: current?.documentCount ?? 0, ms: 0 } }
      return importPaths(picked)
    },
    async openRecent(p: string) {
      if (!(deps.recentArchives?.() ?? []).includes(p)) return { ok: false, error: { code: 'invalid', message: 'That folder is not among the recent archives; use Open archive….' } }
      return open(p)
    },
    async cancelIndexing() {
      const running = indexingStop
      running?.abort()
      return { ok: true, value: { cancelled: running !== null } }
    },
    async cancelImport() {
      const running = importing
      running?.abort()
      return { ok: true, value: { cancelled: running !== null } }
    },
    async status() {
      if (!current) {
        const last = deps.lastArchive()
        // one opening at a time, however often the window asks while the index loads
        if (last) return (reopening ??= open(last, { background: true }).finally(() => (reopening = null)))
      }
      return { ok: true, value: view() }
    },
    async chooseArchive() {
      const picked = await deps.pickFolder()
      if (!picked) return { ok: true, value: view() }
      return open(picked)
    },
    async search(req: SearchRequest): Promise<Result<SearchResponse>> {
      const svc = current
      if (!svc) return { ok: false, error: { code: 'no-archive', message: 'Open an archive folder first.' } }
      return guarded(async () => {
        const r = svc.search(req.query, {
          limit: req.limit,
          offset: req.offset,
          entities: req.entities,
          excludeEntities: req.excludeEntities,
          sort: req.sort,
          eventsFrom: req.eventsFrom,
          eventsTo: req.eventsTo,
          dates: true,
          facetLimit: 15,
          // as-you-type: half the CLI's phrase checks. A common phrase at 10,000 articles answers in
          // 31-39 ms instead of 59-81 ms, its "about N" 2 % off instead of 3 % (measured)
          phraseCheckBudget: WINDOW_PHRASE_CHECKS
        })
        return {
          query: r.query,
          total: r.total,
          hits: r.hits.map((h) => ({ id: h.id, path: h.path, title: h.title, score: h.score, snippet: h.snippet, published: h.published ?? null })),
          ignored: r.ignored,
          facets: r.facets,
          ms: r.ms,
          ...(r.approximate ? { approximate: true } : {})
        }
      })
    },
    async document(req: DocumentRequest): Promise<Result<DocumentResponse>> {
      const svc = current
      if (!svc) return { ok: false, error: { code: 'no-archive', message: 'Open an archive folder first.' } }
      return guarded(async () => {
        const d = svc.document(req.path)
        const ds = d.story
        let story: DocumentResponse['story'] = null
        if (ds) {
          const full = svc.story(ds.id)
          // what this text shares with the one it was taken from, marked in the reader
          const reused = ds.of ? svc.reuse(d.path, ds.of).passages.map((p): [number, number] => [p.a.start, p.a.end]) : []
          story = {
            role: ds.role,
            ...(ds.of ? { of: ds.of } : {}),
            members: full.members.map((m) => ({ path: m.path, title: m.title, role: m.role, published: m.published })),
            reused
          }
        }
        const { date, source, confidence, evidence, fileDate } = d.published
        return {
          path: d.path,
          title: d.title,
          text: d.text,
          highlights: req.query ? svc.highlights(d.path, req.query) : [],
          entities: d.entities,
          published: { date, source, confidence, evidence, fileDate },
          story,
          events: svc.documentEvents(d.path).map(publicEvent)
        }
      })
    },
    async entities(req: EntityListRequest): Promise<Result<EntityView[]>> {
      const svc = current
      if (!svc) return { ok: false, error: { code: 'no-archive', message: 'Open an archive folder first.' } }
      return guarded(async () => {
        const limit = req.limit ?? 50
        // the hidden list: every entity, hidden ones kept; the registry is in memory, so this stays cheap
        const list = req.hidden
          ? svc.entities({ ...req, includeHidden: true, limit: Number.MAX_SAFE_INTEGER }).filter((e) => e.hidden).slice(0, limit)
          : svc.entities({ ...req, limit })
        return list.map(entityView)
      })
    },
    async curate(req: CurationRequest): Promise<Result<EntityView>> {
      const svc = current
      if (!svc) return { ok: false, error: { code: 'no-archive', message: 'Open an archive folder first.' } }
      return guarded(async () => entityView(await svc.curate(req)))
    },
    async setPublished(req: PublishedRequest): Promise<Result<PublishedView>> {
      const svc = current
      if (!svc) return { ok: false, error: { code: 'no-archive', message: 'Open an archive folder first.' } }
      return guarded(async () => {
        const { date, source, confidence, evidence, fileDate } = await svc.setPublicationDate(req.path, req.date)
        return { date, source, confidence, evidence, fileDate }
      })
    },
    async timeline(req: TimelineRequest): Promise<Result<TimelineResponse>> {
      const svc = current
      if (!svc) return { ok: false, error: { code: 'no-archive', message: 'Open an archive folder first.' } }
      return guarded(async () => {
        const t = svc.timeline({
          ...(req.query?.trim() ? { query: req.query } : {}),
          ...(req.entities ? { entities: req.entities } : {}),
          ...(req.from ? { from: req.from } : {}),
          ...(req.to ? { to: req.to } : {}),
          ...(req.limit !== undefined ? { limit: req.limit } : {})
        })
        // only what the window draws: no document ids, no counts it can compute itself
        return {
          events: t.events.map(publicEvent),
          undatedEvents: t.undatedEvents.map(publicEvent),
          unresolvedEvents: t.unresolvedEvents.map(publicEvent),
          density: t.density,
          entities: t.entities,
          ms: t.ms
        }
      })
    }
  }
}

async function guarded<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() }
  } catch (err) {
    if (err instanceof DatelineError) return { ok: false, error: { code: err.code, message: err.message } }
    return { ok: false, error: { code: 'internal', message: `Unexpected error: ${(err as Error)?.message ?? String(err)}` } }
  }
}

/** Only what the window shows of an entity (no merge keys, no mention counts). */
function entityView(e: { id: string; type: EntityView['type']; name: string; aliases: string[]; documents: number; hidden?: boolean }): EntityView {
  return { id: e.id, type: e.type, name: e.name, aliases: e.aliases, documents: e.documents, ...(e.hidden ? { hidden: true } : {}) }
}
