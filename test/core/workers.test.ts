// Indexing with worker threads gives exactly the index a single thread gives, faster on several cores.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { DatelineError } from '../../src-main/core/errors'
import { batchRanges } from '../../src-main/core/workers/batches'
import { articleText, tempDir, uniqueName, writeArticles } from '../fixtures/imports'
import { TIMELINE_FILES } from '../fixtures/timeline'

function archiveOf(n: number): string {
  const root = path.join(tempDir('workers'), 'archive')
  writeArticles(root, n)
  // a few articles with events and named people, so entities and the timeline are compared too
  for (const [rel, text] of Object.entries(TIMELINE_FILES)) writeFileSync(path.join(root, rel.replace('/', '-')), text)
  return root
}

describe('analysis in worker threads', () => {
  it('builds the same index as one thread: documents, search hits, entity facets and timeline', async () => {
    const root = archiveOf(1000)
    const a = await ArchiveService.open(root, { dataDir: tempDir('w-data-a') })
    const b = await ArchiveService.open(root, { dataDir: tempDir('w-data-b'), workers: false })
    const ra = await a.update()
    const rb = await b.update()
    expect(ra.workers).toBeGreaterThanOrEqual(1)
    expect(rb.workers).toBe(0)
    expect(ra.documents).toBe(rb.documents)
    for (const q of ['market', uniqueName(17), 'kirkuk OR mosul', '"river market"', 'council']) {
      const [x, y] = [a.search(q, { limit: 100 }), b.search(q, { limit: 100 })]
      expect(x.hits.map((h) => [h.path, h.score])).toEqual(y.hits.map((h) => [h.path, h.score]))
      expect(x.facets).toEqual(y.facets)
    }
    expect(a.timeline().events.map((e) => [e.start, e.end, e.label])).toEqual(b.timeline().events.map((e) => [e.start, e.end, e.label]))
    await a.close()
  }, 120_000)

  it('stops when cancelled and leaves the index as it was', async () => {
    const root = archiveOf(1100)
    const svc = await ArchiveService.open(root, { dataDir: tempDir('w-data-c') })
    const stop = new AbortController()
    const run = svc.update((p) => p.phase === 'index' && p.done >= 20 && stop.abort(), stop.signal)
    await expect(run).rejects.toThrow(DatelineError)
    await expect(run).rejects.toMatchObject({ code: 'cancelled' })
    expect(svc.documentCount).toBe(0)
    const again = await svc.update()
    expect(again.documents).toBe(1108)
    // the workers' answers for the cancelled run are not taken for this run's documents
    const single = await ArchiveService.open(root, { dataDir: tempDir('w-data-c1'), workers: false })
    await single.update()
    const list = (s: ArchiveService) => s.entities({ limit: 10_000 }).map((e) => [e.id, e.documents, e.mentions])
    expect(list(svc).length).toBeGreaterThan(5)
    expect(list(svc)).toEqual(list(single))
    for (const k of [3, 640, 1099]) expect(svc.search(uniqueName(k)).hits.map((h) => h.path)).toEqual([`article-${String(k).padStart(4, '0')}.txt`])
    await svc.close()
  }, 120_000)

  it('falls back to one thread when the worker cannot start', async () => {
    const root = archiveOf(1000)
    writeFileSync(path.join(root, 'extra.txt'), articleText(5000))
    const svc = await ArchiveService.open(root, { dataDir: tempDir('w-data-d'), workerScript: path.join(root, 'no-such-worker.js') })
    const r = await svc.update()
    expect(r.workers).toBe(0)
    expect(r.documents).toBe(1009)
    expect(svc.search(uniqueName(5000)).total).toBe(1)
  }, 120_000)
})

describe('segment batches of an update', () => {
  const sizes = (n: number) => batchRanges(n, 5000, 1000).map(([a, b]) => b - a)
  it('covers every changed file once, in order', () => {
    for (const n of [1, 999, 1000, 2000, 3001, 10_000, 12_345, 100_000]) {
      const r = batchRanges(n, 5000, 1000)
      expect(r[0]![0]).toBe(0)
      expect(r[r.length - 1]![1]).toBe(n)
      for (let i = 1; i < r.length; i++) expect(r[i]![0]).toBe(r[i - 1]![1])
      expect(Math.max(...r.map(([a, b]) => b - a))).toBeLessThanOrEqual(5000)
    }
    expect(batchRanges(0, 5000, 1000)).toEqual([])
  })
  it('gives the workers a second batch to analyse while the first is built, and ends with a short batch', () => {
    expect(sizes(500)).toEqual([500])
    expect(sizes(2000)).toEqual([1000, 1000])
    expect(sizes(3000)).toEqual([1500, 1500])
    expect(sizes(10_000)).toEqual([5000, 4000, 1000])
    expect(sizes(12_000)).toEqual([5000, 5000, 2000])
    expect(sizes(13_000)).toEqual([5000, 5000, 2000, 1000])
  })
})
