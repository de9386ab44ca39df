// The IPC boundary: every channel registered, foreign senders refused, arguments validated,
// and the services answering from the real core with errors as values.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { articleText, tempDir, uniqueName } from '../fixtures/imports'
import { Channels, Events, type ArchiveChangedEvent, type DocumentResponse, type EntityView, type ImportResponse, type Result, type SearchResponse, type StatusView, type TimelineResponse } from '../../src-main/contract/api'
import { registerIpcHandlers, type InvokeEventLike, type IpcMainLike } from '../../src-main/shell/ipc'
import { createServices } from '../../src-main/shell/services'
import { writeFixtureArchive } from '../fixtures/archive'
import { writeTimelineArchive } from '../fixtures/timeline'

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown
const opened: Array<{ close(): void }> = []
afterAll(() => opened.forEach((s) => s.close()))
const APP_URL = 'app://bundle/index.html'

function setup(pick: string | null = null, reopen?: { root: string; dataDir: string }) {
  const fx = reopen ?? (pick === 'timeline' ? writeTimelineArchive() : writeFixtureArchive())
  const handlers = new Map<string, Listener>()
  const ipc: IpcMainLike = { handle: (ch, fn) => void handlers.set(ch, fn) }
  const remembered: string[] = []
  const sent: Array<{ channel: string; payload: unknown }> = []
  const services = createServices({
    dataDir: fx.dataDir,
    pickFolder: async () => (pick === 'fixture' || pick === 'timeline' ? fx.root : pick),
    lastArchive: () => (reopen ? reopen.root : null),
    rememberArchive: (p) => void remembered.push(p),
    pickImport: async () => null,
    send: (channel, payload) => void sent.push({ channel, payload }),
    recentArchives: () => [...remembered].reverse()
  })
  opened.push(services as never)
  registerIpcHandlers(ipc, services, { app: { protocol: 'app:', host: 'bundle' } })
  const call = (ch: string, url: string | undefined, ...args: unknown[]) =>
    handlers.get(ch)!({ senderFrame: url === undefined ? null : ({ url } as never) }, ...args) as Promise<Result<unknown>>
  return { fx, handlers, call, remembered, sent }
}

describe('IPC handlers', () => {
  it('reopens the last archive at start-up without waiting for the folder check: searches work at once, a change event follows', async () => {
    const first = setup('fixture')
    await first.call(Channels.chooseArchive, APP_URL)
    const root = first.fx.root
    writeFileSync(path.join(root, 'late.txt'), articleText(707))

    const { call, sent } = setup(null, { root, dataDir: first.fx.dataDir })
    const status = (await call(Channels.status, APP_URL)) as Result<StatusView>
    // the index as it was: the new file is not in it yet, and the folder is being checked
    expect(status).toMatchObject({ ok: true, value: { archive: root, documents: 5, indexing: true } })
    const now = (await call(Channels.search, APP_URL, { query: '' })) as Result<SearchResponse>
    expect(now.ok && now.value.total).toBe(5)
    // asking again while it loads or checks does not open it twice
    expect(await call(Channels.status, APP_URL)).toMatchObject({ ok: true, value: { archive: root } })
    await expect.poll(() => sent.find((m) => m.channel === Events.archiveChanged)?.payload, { timeout: 20_000 }).toMatchObject({ changes: [{ kind: 'added', path: 'late.txt' }], documents: 6 })
    expect(((await call(Channels.status, APP_URL)) as Result<StatusView>).ok && ((await call(Channels.status, APP_URL)) as { value: StatusView }).value.indexing).toBe(false)
    const after = (await call(Channels.search, APP_URL, { query: uniqueName(707) })) as Result<SearchResponse>
    expect(after.ok && after.value.hits.map((h) => h.path)).toEqual(['late.txt'])
  })

  it('registers a handler for every contract channel', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.values(Channels).sort())
  })

  it.each([['https://evil.example/'], ['file:///tmp/x.html'], ['app://other/index.html'], [undefined]])('refuses calls from %s', (url) => {
    const { call } = setup()
    expect(() => call(Channels.status, url)).toThrow(/untrusted/)
  })

  it('rejects malformed search requests before they reach the core', async () => {
    const { call } = setup()
    for (const bad of [42, 'raqqa', null, { query: 5 }, { query: 'x', limit: -1 }, { query: 'x', extra: 1 }, { query: 'x'.repeat(1001) }]) {
      expect(await call(Channels.search, APP_URL, bad)).toMatchObject({ ok: false, error: { code: 'invalid' } })
    }
  })

  it('opens the chosen archive, indexes it and searches it through the contract', async () => {
    const { call, remembered, fx } = setup('fixture')
    expect(await call(Channels.search, APP_URL, { query: 'haddad' })).toMatchObject({ ok: false, error: { code: 'no-archive' } })
    const opened = (await call(Channels.chooseArchive, APP_URL)) as Result<StatusView>
    expect(opened).toEqual({ ok: true, value: { archive: fx.root, documents: 5, indexing: false, recent: [fx.root] } })
    expect(remembered).toEqual([fx.root])
    const found = (await call(Channels.search, APP_URL, { query: 'haddad', limit: 2 })) as Result<SearchResponse>
    expect(found.ok && found.value.total).toBe(3)
    expect(found.ok && found.value.hits).toHaveLength(2)
    const bad = await call(Channels.search, APP_URL, { query: 'title:' })
    expect(bad).toEqual({ ok: false, error: { code: 'query', message: expect.stringMatching(/needs a word after it/) } })
  })

  it('rejects malformed timeline requests, and answers well-formed ones from the real core', async () => {
    const { call } = setup('timeline')
    for (const bad of [null, 'x', { from: '2015-1-1' }, { to: 20150101 }, { entities: 'place:raqqa' }, { entities: [''] }, { limit: -2 }, { extra: true }]) {
      expect(await call(Channels.timeline, APP_URL, bad)).toMatchObject({ ok: false, error: { code: 'invalid' } })
    }
    expect(await call(Channels.timeline, APP_URL, {})).toMatchObject({ ok: false, error: { code: 'no-archive' } })
    await call(Channels.chooseArchive, APP_URL)
    const t = (await call(Channels.timeline, APP_URL, { from: '2019-01-01', to: '2019-12-31' })) as Result<TimelineResponse>
    if (!t.ok) throw new Error(t.error.message)
    const strike = t.value.events.find((e) => e.count === 23)!
    expect(strike).toMatchObject({ start: '2019-11-01', precision: 'day', independentSources: 2 })
    expect(Object.keys(strike.sources[0]!)).not.toContain('docId')
    expect(t.value.events.every((e) => e.start!.startsWith('2019'))).toBe(true)
    expect(await call(Channels.timeline, APP_URL, { from: '2019-02-30' })).toMatchObject({ ok: false, error: { code: 'usage', message: expect.stringMatching(/not a date/) } })
  })

  it('keeps the current state when the folder dialog is cancelled', async () => {
    const { call } = setup(null)
    expect(await call(Channels.chooseArchive, APP_URL)).toEqual({ ok: true, value: { archive: null, documents: 0, indexing: false, recent: [] } })
  })

  it('imports dropped paths into the open archive, streams progress, and validates the paths', async () => {
    const { call, sent } = setup('fixture')
    await expect(call(Channels.importPaths, APP_URL, ['/tmp/x.txt'])).resolves.toMatchObject({ ok: false, error: { code: 'no-archive' } })
    await call(Channels.chooseArchive, APP_URL)
    for (const bad of [[], ['relative/path.txt'], 'not-a-list', [42], ['/tmp/a\0b']]) {
      expect(await call(Channels.importPaths, APP_URL, bad)).toMatchObject({ ok: false, error: { code: 'invalid' } })
    }
    const dir = tempDir('ipc-import')
    writeFileSync(path.join(dir, 'dropped.txt'), articleText(400))
    writeFileSync(path.join(dir, 'blank.txt'), '')
    const r = (await call(Channels.importPaths, APP_URL, [path.join(dir, 'dropped.txt'), path.join(dir, 'blank.txt')])) as Result<ImportResponse>
    expect(r).toMatchObject({ ok: true, value: { imported: [{ from: path.join(dir, 'dropped.txt') }], rejected: [{ from: path.join(dir, 'blank.txt'), reason: 'empty file' }], documents: 6 } })
    const found = (await call(Channels.search, APP_URL, { query: uniqueName(400) })) as Result<SearchResponse>
    expect(found.ok && found.value.total).toBe(1)
    const progress = sent.filter((m) => m.channel === Events.importProgress).map((m) => m.payload as { phase: string })
    expect(progress.map((p) => p.phase)).toContain('copy')
    await expect(call(Channels.cancelImport, APP_URL)).resolves.toEqual({ ok: true, value: { cancelled: false } })
  })

  it('tells the window about files other programs add to the open archive', async () => {
    const { fx, call, sent } = setup('fixture')
    await call(Channels.chooseArchive, APP_URL)
    mkdirSync(path.join(fx.root, 'incoming'))
    writeFileSync(path.join(fx.root, 'incoming', 'wire.txt'), articleText(401))
    appendFileSync(path.join(fx.root, 'incoming', 'wire.txt'), '\n')
    const t0 = Date.now()
    const changes = () => sent.filter((m) => m.channel === Events.archiveChanged).flatMap((m) => (m.payload as ArchiveChangedEvent).changes)
    while (!changes().length && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50))
    expect(changes()).toEqual([{ kind: 'added', path: 'incoming/wire.txt' }])
    const found = (await call(Channels.search, APP_URL, { query: uniqueName(401) })) as Result<SearchResponse>
    expect(found.ok && found.value.hits.map((h) => h.path)).toEqual(['incoming/wire.txt'])
  })

  it('filters a search by entities, opens a document for the reader, and applies corrections', async () => {
    const { call } = setup('fixture')
    await call(Channels.chooseArchive, APP_URL)
    const all = (await call(Channels.search, APP_URL, { query: '' })) as Result<SearchResponse>
    if (!all.ok) throw new Error(all.error.message)
    expect(all.value.total).toBe(5)
    const haddad = all.value.facets.person.find((f) => /Haddad/.test(f.name))!
    expect(haddad.count).toBe(3)
    const only = (await call(Channels.search, APP_URL, { query: '', entities: [haddad.id] })) as Result<SearchResponse>
    const without = (await call(Channels.search, APP_URL, { query: '', excludeEntities: [haddad.id] })) as Result<SearchResponse>
    expect(only.ok && only.value.total).toBe(3)
    expect(without.ok && without.value.total).toBe(2)
    const byDate = (await call(Channels.search, APP_URL, { query: 'strike', sort: 'date' })) as Result<SearchResponse>
    expect(byDate.ok && byDate.value.hits.every((h) => h.published === null || /^\d{4}/.test(h.published))).toBe(true)
    expect(await call(Channels.search, APP_URL, { query: 'x', sort: 'newest' })).toMatchObject({ ok: false, error: { code: 'invalid' } })

    const doc = (await call(Channels.document, APP_URL, { path: 'wire/harbour-strike.txt', query: 'haddad' })) as Result<DocumentResponse>
    if (!doc.ok) throw new Error(doc.error.message)
    const d = doc.value
    expect(d.highlights.length).toBeGreaterThan(0)
    for (const [a, b] of d.highlights) expect(d.text.slice(a, b).toLowerCase()).toBe('haddad')
    expect(d.entities.map((e) => e.id)).toContain(haddad.id)
    expect(d.story?.members.map((m) => m.path)).toContain('scraped/harbour-strike-copy.txt')
    const copy = (await call(Channels.document, APP_URL, { path: 'scraped/harbour-strike-copy.txt' })) as Result<DocumentResponse>
    expect(copy.ok && copy.value.story?.role).toBe('copy')
    expect(copy.ok && copy.value.story!.reused.length).toBeGreaterThan(0)
    expect(await call(Channels.document, APP_URL, { path: 'nope.txt' })).toMatchObject({ ok: false, error: { code: 'not-found' } })

    const hidden = (await call(Channels.curate, APP_URL, { op: 'hide', id: haddad.id })) as Result<EntityView>
    expect(hidden.ok).toBe(true)
    const after = (await call(Channels.search, APP_URL, { query: '' })) as Result<SearchResponse>
    expect(after.ok && after.value.facets.person.map((f) => f.id)).not.toContain(haddad.id)
    expect(await call(Channels.curate, APP_URL, { op: 'rename', id: 'x', name: '' })).toMatchObject({ ok: false, error: { code: 'invalid' } })

    // the hidden list offers it back; unhiding restores it to the facets
    const hiddenList = (await call(Channels.entities, APP_URL, { hidden: true })) as Result<EntityView[]>
    expect(hiddenList.ok && hiddenList.value.map((e) => [e.id, e.hidden])).toEqual([[haddad.id, true]])
    expect(((await call(Channels.entities, APP_URL, { query: 'haddad' })) as Result<EntityView[]>).ok).toBe(true)
    await call(Channels.curate, APP_URL, { op: 'unhide', id: haddad.id })
    const back = (await call(Channels.search, APP_URL, { query: '' })) as Result<SearchResponse>
    expect(back.ok && back.value.facets.person.find((f) => f.id === haddad.id)?.count).toBe(3)
    expect(await call(Channels.entities, APP_URL, { hidden: true })).toEqual({ ok: true, value: [] })
  })

  it('finds any entity of the archive by a part of its name or alias, and changes its type', async () => {
    const { call } = setup('fixture')
    await call(Channels.chooseArchive, APP_URL)
    const all = (await call(Channels.search, APP_URL, { query: '' })) as Result<SearchResponse>
    if (!all.ok) throw new Error(all.error.message)
    const person = all.value.facets.person[0]!
    // a fragment of the name, typed in another case and without its accents, still finds it
    const fragment = person.name.split(' ').pop()!.slice(0, 4).toUpperCase()
    const found = (await call(Channels.entities, APP_URL, { query: fragment })) as Result<EntityView[]>
    if (!found.ok) throw new Error(found.error.message)
    expect(found.value.map((e) => e.id)).toContain(person.id)
    for (const e of found.value) expect([e.name, ...e.aliases].some((n) => n.toUpperCase().normalize('NFD').replace(/\p{M}/gu, '').includes(fragment))).toBe(true)
    const places = (await call(Channels.entities, APP_URL, { type: 'place', limit: 3 })) as Result<EntityView[]>
    expect(places.ok && places.value.length).toBeGreaterThan(0)
    expect(places.ok && places.value.length).toBeLessThanOrEqual(3)
    expect(places.ok && places.value.every((e) => e.type === 'place')).toBe(true)

    const retyped = (await call(Channels.curate, APP_URL, { op: 'retype', id: person.id, type: 'organization' })) as Result<EntityView>
    if (!retyped.ok) throw new Error(retyped.error.message)
    expect(retyped.value.type).toBe('organization')
    const after = (await call(Channels.search, APP_URL, { query: '' })) as Result<SearchResponse>
    expect(after.ok && after.value.facets.person.map((f) => f.name)).not.toContain(person.name)
    expect(after.ok && after.value.facets.organization.find((f) => f.name === person.name)?.count).toBe(person.count)
    expect(await call(Channels.entities, APP_URL, { query: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'invalid' } })
  })

  it('sets, declares unknown and forgets an article\'s publication date; search and timeline follow it', async () => {
    const { call } = setup('fixture')
    await call(Channels.chooseArchive, APP_URL)
    const target = 'wire/harbour-strike.txt'
    const before = (await call(Channels.document, APP_URL, { path: target })) as Result<DocumentResponse>
    if (!before.ok) throw new Error(before.error.message)
    const set = (await call(Channels.setPublished, APP_URL, { path: target, date: '2011-04-09' })) as Result<{ date: string | null; source: string }>
    expect(set).toMatchObject({ ok: true, value: { date: '2011-04-09', source: 'user' } })
    const hit = (await call(Channels.search, APP_URL, { query: '', sort: 'date' })) as Result<SearchResponse>
    expect(hit.ok && hit.value.hits.find((h) => h.path === target)?.published).toBe('2011-04-09')
    const reopened = (await call(Channels.document, APP_URL, { path: target })) as Result<DocumentResponse>
    expect(reopened.ok && reopened.value.published).toMatchObject({ date: '2011-04-09', source: 'user' })

    expect(await call(Channels.setPublished, APP_URL, { path: target, date: 'unknown' })).toMatchObject({ ok: true, value: { date: null, source: 'user' } })
    const forgotten = (await call(Channels.setPublished, APP_URL, { path: target, date: null })) as Result<{ date: string | null; source: string }>
    expect(forgotten).toEqual({ ok: true, value: before.value.published })
    expect(await call(Channels.setPublished, APP_URL, { path: 'nope.txt', date: '2011-04-09' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await call(Channels.setPublished, APP_URL, { path: target, date: '2011-02-29' })).toMatchObject({ ok: false, error: { code: 'invalid' } })
  })

  it('streams indexing progress with an estimate, lists recent archives, and cancels indexing before anything is written', async () => {
    const { fx, call, sent } = setup('fixture')
    const r = (await call(Channels.chooseArchive, APP_URL)) as Result<StatusView>
    expect(r.ok && r.value.recent).toEqual([fx.root])
    const progress = sent.filter((m) => m.channel === Events.indexProgress).map((m) => m.payload as { phase: string; done: number; total: number; etaSeconds: number | null })
    // the total counts the files to read: the five articles and the binary one (refused once read)
    expect(progress.some((p) => p.phase === 'index' && p.total === 6)).toBe(true)
    expect(progress.at(-1)).toMatchObject({ done: 6, total: 6 })
    expect(await call(Channels.openRecent, APP_URL, '/somewhere/else')).toMatchObject({ ok: false, error: { code: 'invalid' } })
    await expect(call(Channels.openRecent, APP_URL, fx.root)).resolves.toMatchObject({ ok: true, value: { archive: fx.root, documents: 5 } })

    // a second, unindexed archive: cancel as soon as indexing reports progress
    const other = tempDir('ipc-cancel')
    for (let i = 0; i < 60; i++) writeFileSync(path.join(other, `a${i}.txt`), articleText(800 + i))
    const c = setup(null)
    const services = opened[opened.length - 1] as unknown as { open(p: string): Promise<Result<StatusView>>; cancelIndexing(): Promise<unknown> }
    const opening = services.open(other)
    while (!c.sent.some((m) => m.channel === Events.indexProgress && (m.payload as { phase: string }).phase === 'index')) await new Promise((res) => setTimeout(res, 5))
    await services.cancelIndexing()
    expect(await opening).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    // nothing was written: the archive is open with no documents indexed
    expect(await c.call(Channels.status, APP_URL)).toMatchObject({ ok: true, value: { archive: other, documents: 0 } })
  })
})
