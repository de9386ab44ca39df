// The real preload, wired through a fake IPC wire (structuredClone, like Electron) to the real handlers.
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { API_KEYS, type DatelineApi } from '../../src-main/contract/api'
import { registerIpcHandlers, type InvokeEventLike, type IpcMainLike } from '../../src-main/shell/ipc'

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown
const handlers = new Map<string, Listener>()
const exposed: Record<string, unknown> = {}
const rendererListeners: Record<string, Array<(...a: unknown[]) => void>> = {}
let senderUrl = 'app://bundle/index.html'

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
  webUtils: { getPathForFile: (f: { path?: string }) => f.path ?? '' },
  ipcRenderer: {
    on: (channel: string, fn: (...a: unknown[]) => void) => void (rendererListeners[channel] ??= []).push(fn),
    removeListener: (channel: string, fn: (...a: unknown[]) => void) => void (rendererListeners[channel] = (rendererListeners[channel] ?? []).filter((f) => f !== fn)),
    invoke: async (channel: string, ...args: unknown[]) => {
      const h = handlers.get(channel)
      if (!h) throw new Error(`No handler registered for '${channel}'`)
      return structuredClone(await h({ senderFrame: { url: senderUrl } as never }, ...structuredClone(args)))
    }
  }
}))

const ipc: IpcMainLike = { handle: (ch, fn) => void handlers.set(ch, fn) }
registerIpcHandlers(
  ipc,
  {
    status: async () => ({ ok: true, value: { archive: '/a', documents: 3, indexing: false, recent: ['/a'] } }),
    openRecent: async (p) => ({ ok: true, value: { archive: p, documents: 3, indexing: false, recent: [p] } }),
    cancelIndexing: async () => ({ ok: true, value: { cancelled: false } }),
    chooseArchive: async () => ({ ok: true, value: { archive: '/b', documents: 0, indexing: false, recent: ['/b', '/a'] } }),
    search: async (req) => ({ ok: true, value: { query: req.query, total: 0, hits: [], ignored: [], facets: { person: [], organization: [], place: [] }, sources: [], tags: [], ms: 0 } }),
    document: async (req) => ({ ok: false, error: { code: 'not-found', message: `no ${req.path}` } }),
    entityPage: async (req) => ({ ok: true, value: { entity: { id: req.id, type: 'place', name: 'X', aliases: [], documents: 0 }, total: 0, documents: [], first: null, last: null, cooccurring: { person: [], organization: [], place: [] } } }),
    batchSearch: async (req) => ({ ok: true, value: req.lines.map((line) => ({ line, query: line, count: 0, first: null, last: null })) }),
    recordSearch: async () => ({ ok: true, value: { kept: true } }),
    searchHistory: async () => ({ ok: true, value: [] }),
    clearSearchHistory: async () => ({ ok: true, value: { cleared: 0 } }),
    savedSearches: async () => ({ ok: true, value: { saved: [] } }),
    saveSearch: async (req) => ({ ok: true, value: { name: req.name, query: req.query, created: 't', lastRun: 't', newSince: 0, names: {} } }),
    runSavedSearch: async (req) => ({ ok: true, value: { saved: { name: req.name, query: '', created: 't', lastRun: 't', newSince: 0, names: {} }, newPaths: [] } }),
    deleteSavedSearch: async (req) => ({ ok: true, value: { deleted: req.name } }),
    exportResults: async (req) => ({ ok: true, value: { file: `/tmp/x.${req.format}`, rows: 0 } }),
    exportSources: async () => ({ ok: true, value: { file: '/tmp/sources.csv', rows: 0 } }),
    exportEntities: async (req) => ({ ok: true, value: { file: `/tmp/entities.${req.format}`, rows: 0 } }),
    places: async () => ({ ok: true, value: { places: [{ id: 'place:x', name: 'X', at: [1, 2], count: 1 }], unplaced: [], placedTotal: 1, unplacedTotal: 0 } }),
    annotate: async (req) => ({ ok: true, value: { starred: req.op === 'star' && req.on, tags: [], notes: [] } }),
    openOriginal: async (req) => ({ ok: true, value: { file: req.path.replace(/#\d+$/, ''), shown: 'opened' } }),
    entities: async (req) => ({ ok: true, value: [{ id: 'place:raqqa', type: 'place', name: `found ${req.query ?? ''}`, aliases: [], documents: 2 }] }),
    curate: async (req) => ({ ok: true, value: { id: req.op === 'merge' ? req.ids[0]! : req.id, type: 'place', name: 'X', aliases: [], documents: 1 } }),
    corrections: async () => ({ ok: true, value: [{ index: 0, op: 'hide', at: 't', text: 'Hid X', entity: { id: 'place:x', name: 'X', type: 'place' } }] }),
    undoCorrection: async (req) => ({ ok: true, value: req.index === 0 ? [] : [] }),
    setPublished: async (req) => ({ ok: true, value: { date: req.date === 'unknown' ? null : req.date, source: 'user', confidence: 1, evidence: [], fileDate: '2020-01-01' } }),
    timeline: async () => ({ ok: true, value: { events: [], undatedEvents: [], unresolvedEvents: [], undated: 0, unresolved: 0, density: { unit: 'day', buckets: [] }, entities: {}, ms: 0 } }),
    importPaths: async (paths) => ({ ok: true, value: { imported: paths.map((p) => ({ from: p, to: `Imported/x/${p.split('/').pop()}` })), duplicates: [], rejected: [], cancelled: false, notStarted: 0, documents: 1, ms: 1 } }),
    chooseImport: async () => ({ ok: true, value: { imported: [], duplicates: [], rejected: [], cancelled: true, notStarted: 0, documents: 0, ms: 0 } }),
    cancelImport: async () => ({ ok: true, value: { cancelled: false } })
  },
  { app: { protocol: 'app:', host: 'bundle' } }
)
await import('../../src-main/preload/index')
const api = exposed['dateline'] as DatelineApi

describe('preload ↔ main contract', () => {
  it('exposes exactly the contract API, and nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['dateline'])
    expect(Object.keys(api).sort()).toEqual([...API_KEYS].sort())
  })

  it('round-trips every call', async () => {
    await expect(api.getStatus()).resolves.toEqual({ ok: true, value: { archive: '/a', documents: 3, indexing: false, recent: ['/a'] } })
    await expect(api.openRecent('/a')).resolves.toMatchObject({ ok: true, value: { archive: '/a' } })
    await expect(api.cancelIndexing()).resolves.toEqual({ ok: true, value: { cancelled: false } })
    await expect(api.chooseArchive()).resolves.toMatchObject({ ok: true, value: { archive: '/b' } })
    await expect(api.search({ query: 'raqqa' })).resolves.toMatchObject({ ok: true, value: { query: 'raqqa' } })
    await expect(api.timeline({ from: '2015-01-01' })).resolves.toMatchObject({ ok: true, value: { events: [] } })
    await expect(api.cancelImport()).resolves.toEqual({ ok: true, value: { cancelled: false } })
    await expect(api.document({ path: 'a.txt' })).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } })
    await expect(api.curate({ op: 'hide', id: 'place:x' })).resolves.toMatchObject({ ok: true, value: { id: 'place:x' } })
    await expect(api.curate({ op: 'retype', id: 'place:x', type: 'person' })).resolves.toMatchObject({ ok: true, value: { id: 'place:x' } })
    await expect(api.entities({ query: 'raq' })).resolves.toMatchObject({ ok: true, value: [{ name: 'found raq' }] })
    await expect(api.corrections()).resolves.toMatchObject({ ok: true, value: [{ text: 'Hid X' }] })
    await expect(api.undoCorrection({ index: 0 })).resolves.toEqual({ ok: true, value: [] })
    await expect(api.undoCorrection({ index: -1 } as never)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } })
    await expect(api.setPublished({ path: 'a.txt', date: '2015-10-30' })).resolves.toMatchObject({ ok: true, value: { date: '2015-10-30', source: 'user' } })
  })

  it('turns dropped files into their paths in the preload, and ignores files that are not on disk', async () => {
    const onDisk = { name: 'a.txt', path: '/home/ana/a.txt' } as unknown as File
    const madeUp = { name: 'b.txt' } as unknown as File
    await expect(api.importDropped([onDisk, madeUp])).resolves.toMatchObject({ ok: true, value: { imported: [{ from: '/home/ana/a.txt' }] } })
    await expect(api.importDropped([madeUp])).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } })
  })

  it('delivers main\'s events to listeners until they unsubscribe', () => {
    const got: unknown[] = []
    const off = api.onArchiveChanged((e) => got.push(e))
    const offProgress = api.onImportProgress((p) => got.push(p))
    for (const f of rendererListeners['archive:changed'] ?? []) f({}, { changes: [{ kind: 'added', path: 'x.txt' }], documents: 2 })
    for (const f of rendererListeners['import:progress'] ?? []) f({}, { phase: 'copy', done: 1, total: 2, bytes: 10, totalBytes: 20 })
    off()
    offProgress()
    expect(rendererListeners['archive:changed']).toEqual([])
    expect(got).toEqual([{ changes: [{ kind: 'added', path: 'x.txt' }], documents: 2 }, { phase: 'copy', done: 1, total: 2, bytes: 10, totalBytes: 20 }])
  })

  it('main still validates when the renderer sends garbage', async () => {
    await expect(api.search({ query: 7 } as never)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } })
    await expect(api.timeline({ from: 'last week' } as never)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } })
    await expect(api.curate({ op: 'merge', ids: ['only-one'] } as never)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } })
    await expect(api.document({ path: '' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } })
    await expect(api.curate({ op: 'retype', id: 'place:x', type: 'city' } as never)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } })
    await expect(api.entities({ limit: 0 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } })
    await expect(api.entities({ hidden: 'yes' } as never)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } })
    for (const date of ['2015-02-30', '30/10/2015', 'last week', '2015-13-01'])
      await expect(api.setPublished({ path: 'a.txt', date })).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } })
    await expect(api.setPublished({ path: 'a.txt' } as never)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } })
  })

  it('main refuses frames that are not ours', async () => {
    senderUrl = 'https://ads.example/frame.html'
    await expect(api.getStatus()).rejects.toThrow(/untrusted/)
    senderUrl = 'app://bundle/index.html'
  })
})

describe('built preload bundle', () => {
  const file = 'out/preload/index.cjs'
  it.skipIf(!existsSync(file))('is CommonJS and requires nothing but electron (sandbox rule)', () => {
    const src = readFileSync(file, 'utf8')
    expect(src).not.toMatch(/^\s*import\s/m)
    const required = [...src.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect(new Set(required)).toEqual(new Set(['electron']))
  })
})
