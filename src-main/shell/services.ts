/**
 * What the window can ask for, implemented on the core. No electron import: the folder picker
 * and settings are injected by the composition root, so this is tested under plain Node.
 */
import type { Result, SearchRequest, SearchResponse, StatusView, TimelineRequest, TimelineResponse } from '../contract/api'
import { ArchiveService } from '../core/api'
import { publicEvent } from '../core/timeline/build'
import { DatelineError } from '../core/errors'
import type { Services } from './ipc'

export interface ServiceDeps {
  dataDir: string
  /** native folder dialog; resolves to null when cancelled */
  pickFolder(): Promise<string | null>
  lastArchive(): string | null
  rememberArchive(path: string): void
}

export function createServices(deps: ServiceDeps): Services & { open(path: string): Promise<Result<StatusView>> } {
  let current: ArchiveService | null = null
  let indexing = false

  const view = (): StatusView => ({ archive: current?.archive ?? null, documents: current?.documentCount ?? 0, indexing })

  async function open(archivePath: string): Promise<Result<StatusView>> {
    return guarded(async () => {
      const svc = await ArchiveService.open(archivePath, { dataDir: deps.dataDir })
      current = svc
      deps.rememberArchive(svc.archive)
      indexing = true
      try {
        await svc.update()
      } finally {
        indexing = false
      }
      return view()
    })
  }

  return {
    open,
    async status() {
      if (!current) {
        const last = deps.lastArchive()
        if (last) return open(last)
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
      if (!req.query.trim()) return { ok: true, value: { query: req.query, total: 0, hits: [], ignored: [], ms: 0 } }
      return guarded(async () => svc.search(req.query, { limit: req.limit, offset: req.offset }))
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
