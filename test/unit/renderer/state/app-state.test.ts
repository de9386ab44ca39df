// The window's state without the window: the stores and their reactions, against a fake bridge.
import { describe, expect, it } from 'vitest'
import type { DatelineApi, HitView, SearchRequest, SearchResponse } from '../../../../src-main/contract/api'
import { AppState } from '../../../../src-renderer/state/app-state'

const hit = (path: string): HitView => ({ id: path, path, title: path, score: 1, snippets: [{ text: path, marks: [] }], published: null })

function fakeApi(answer: (req: SearchRequest) => string[]) {
  const searches: SearchRequest[] = []
  const api = {
    getStatus: async () => ({ ok: true, value: { archive: '/a', documents: 3, indexing: false, recent: [] } }),
    search: async (req: SearchRequest) => {
      searches.push(req)
      const hits = answer(req).map(hit)
      const value: SearchResponse = { query: req.query, total: hits.length, hits, ignored: [], facets: { person: [], organization: [], place: [] }, sources: [], tags: [], ms: 1 }
      return { ok: true, value }
    },
    timeline: async () => ({ ok: true, value: { events: [], undatedEvents: [], unresolvedEvents: [], density: { unit: 'day', buckets: [] }, entities: {}, ms: 0 } }),
    curate: async (r: { id?: string; ids?: string[] }) => ({ ok: true, value: { id: r.id ?? r.ids![0]!, type: 'person', name: 'X', aliases: [], documents: 1 } }),
    entities: async () => ({ ok: true, value: [] }),
    onIndexProgress: () => () => {},
    onArchiveChanged: () => () => {}
  } as unknown as DatelineApi
  return { api, searches }
}

const view = { searched: () => {}, rangeCleared: () => {}, opened: () => {}, showQuery: () => {} }

describe('window state', () => {
  it('keeps the selected hit selected when the same query is answered again, and starts at the top for a new one', async () => {
    let order = ['a.txt', 'b.txt', 'c.txt']
    const { api } = fakeApi(() => order)
    const s = new AppState(() => api, view)
    await s.archive.refreshStatus()
    await s.search.run()
    s.search.move(2)
    expect(s.search.state.selected).toBe(2)
    order = ['new.txt', 'a.txt', 'b.txt', 'c.txt'] // a file arrived: the same query again
    await s.search.run()
    expect(s.search.state.hits[s.search.state.selected]!.path).toBe('c.txt')
    s.search.setQuery('other')
    await s.search.run()
    expect(s.search.state.selected).toBe(0)
  })

  it('is busy from a keystroke until that query is answered', async () => {
    const { api } = fakeApi(() => ['a.txt'])
    const s = new AppState(() => api, view)
    await s.archive.refreshStatus()
    s.search.type('strike')
    expect(s.search.state.pending).toBe(true)
    await expect.poll(() => s.search.state.pending).toBe(false)
    expect(s.search.state.result?.query).toBe('strike')
  })

  it('searches with the entity filters and the date range, and clears them all on request', async () => {
    const { api, searches } = fakeApi(() => [])
    const s = new AppState(() => api, view)
    await s.archive.refreshStatus()
    s.addFilter({ id: 'person:ana', name: 'Ana', mode: 'include' })
    s.addFilter({ id: 'place:x', name: 'X', mode: 'exclude' })
    s.setRange({ from: '2015-01-01', to: '2015-02-01' })
    await expect.poll(() => searches.length).toBe(3)
    expect(searches[2]).toMatchObject({ entities: ['person:ana'], excludeEntities: ['place:x'], eventsFrom: '2015-01-01', eventsTo: '2015-02-01' })
    s.clearAll()
    await expect.poll(() => searches.length).toBe(4)
    expect(searches[3]).toMatchObject({ query: '', entities: [], excludeEntities: [] })
    expect(searches[3]!.eventsFrom).toBeUndefined()
  })

  it('drops filters on entities a merge replaced', async () => {
    const { api } = fakeApi(() => [])
    const s = new AppState(() => api, view)
    await s.archive.refreshStatus()
    s.addFilter({ id: 'person:a', name: 'A', mode: 'include' })
    s.addFilter({ id: 'person:c', name: 'C', mode: 'include' })
    await s.curate({ op: 'merge', ids: ['person:a', 'person:b'] })
    expect(s.filters.state.filters.map((f) => f.id)).toEqual(['person:c'])
  })

  it('goes back through earlier searches, query, filters and dates as they were; clearing is one of them', async () => {
    const { api, searches } = fakeApi(() => ['a.txt'])
    const shown: string[] = []
    const s = new AppState(() => api, { ...view, showQuery: (q) => shown.push(q) })
    await s.archive.refreshStatus()
    await s.search.run()
    s.search.setQuery('strike')
    await s.search.run()
    s.addFilter({ id: 'place:x', name: 'X', mode: 'include' })
    await expect.poll(() => searches.length).toBe(3)
    s.clearAll()
    await expect.poll(() => searches.length).toBe(4)
    expect(searches[3]).toMatchObject({ query: '', entities: [] })
    s.back()
    await expect.poll(() => searches.length).toBe(5)
    expect(searches[4]).toMatchObject({ query: 'strike', entities: ['place:x'] })
    expect(shown.at(-1)).toBe('strike')
    s.back()
    await expect.poll(() => searches.length).toBe(6)
    expect(searches[5]).toMatchObject({ query: 'strike', entities: [] })
    expect(s.canGoBack).toBe(true)
  })
})

describe('facets beyond the first', () => {
  it('asks main for more facets while a type is expanded, and for the first ones again when none is', async () => {
    const { api, searches } = fakeApi(() => [])
    const s = new AppState(() => api, view)
    await s.archive.refreshStatus()
    await s.search.run()
    expect(searches.at(-1)!.facetLimit).toBe(15)
    s.expandFacets('person', true)
    await expect.poll(() => searches.length).toBe(2)
    expect(searches.at(-1)!.facetLimit).toBe(200)
    s.expandFacets('place', true) // already asking for more: no new search
    s.expandFacets('person', false)
    s.expandFacets('place', false)
    await expect.poll(() => searches.length).toBe(3)
    expect(searches.at(-1)!.facetLimit).toBe(15)
  })
})
