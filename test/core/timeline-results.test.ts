// #22 item 2: the timeline of a filtered result list shows the events those articles report —
// not the events whose actors or places happen to include the filtered entity.
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { writeTimelineArchive } from '../fixtures/timeline'

describe('the timeline of the results', () => {
  it('keeps exactly the events reported by the articles the entity filters keep', async () => {
    const { root, dataDir } = writeTimelineArchive()
    const svc = await ArchiveService.open(root, { dataDir, workers: false })
    await svc.update()
    const all = svc.timeline()
    const every = [...all.events, ...all.undatedEvents, ...all.unresolvedEvents]
    let checked = 0
    for (const e of svc.entities({ limit: 50 })) {
      const docs = new Set(svc.search('', { entities: [e.id], limit: 1000 }).hits.map((h) => h.path))
      const t = svc.timeline({ documentEntities: [e.id] })
      const got = [...t.events, ...t.undatedEvents, ...t.unresolvedEvents].map((x) => x.id).sort()
      const want = every.filter((x) => x.sources.some((s) => docs.has(s.path))).map((x) => x.id).sort()
      expect(got, e.name).toEqual(want)
      // the old meaning (events whose places or actors include it) is a different set for some entity
      const byActor = svc.timeline({ entities: [e.id] })
      if ([...byActor.events, ...byActor.undatedEvents, ...byActor.unresolvedEvents].length !== got.length) checked++
    }
    expect(checked).toBeGreaterThan(0)
    // excluded entities leave out the articles that mention them
    const [first] = svc.entities({ limit: 1 })
    const without = new Set(svc.search('', { excludeEntities: [first!.id], limit: 1000 }).hits.map((h) => h.path))
    const t = svc.timeline({ excludeDocumentEntities: [first!.id] })
    for (const x of [...t.events, ...t.undatedEvents, ...t.unresolvedEvents]) expect(x.sources.some((s) => without.has(s.path))).toBe(true)
  })
})
