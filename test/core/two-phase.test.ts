// Two-phase indexing (#23): a large change is made searchable by its text first (phase 1), then
// analysed a segment at a time in the background (phase 2). What the user must be able to trust:
// after both phases the index answers exactly as a one-phase build does; in between, every answer
// says how much of it is analysed, and the numbers are right; a quit, a crash or a cancel between
// or during the phases resumes where it stopped.
import { cpSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { DatelineError } from '../../src-main/core/errors'
import { writeFixtureArchive } from '../fixtures/archive'
import { tempDir, uniqueName, writeArticles } from '../fixtures/imports'

/** The fixture archive (copies, rewrites, encodings) and 40 generated articles: enough for several segments. */
function archive(): { root: string; base: string } {
  const fx = writeFixtureArchive()
  writeArticles(path.join(fx.root, 'generated'), 40)
  return { root: fx.root, base: tempDir('two-phase') }
}

const TWO_PHASE = { workers: false, analyseLaterFrom: 0, segmentBatch: 12 }
const ONE_PHASE = { workers: false, analyseLaterFrom: Number.POSITIVE_INFINITY, segmentBatch: 12 }

/** Everything an analyst sees of the index, in a comparable form. */
function answers(svc: ArchiveService) {
  const paths = svc.documentPaths()
  const docs = paths.map((p) => {
    const { annotations: _a, ...view } = svc.document(p)
    return { ...view, events: svc.documentEvents(p).map((e) => ({ ...e, sources: e.sources.map((s) => s.path) })) }
  })
  const entities = svc.entities({ limit: 1000 })
  const person = entities.find((e) => e.type === 'person')
  const searches = ['strike', 'river market', '"port selwyn"', 'council OR ferry'].map((q) => {
    const { ms: _ms, ...r } = svc.search(q, { limit: 50 })
    return r
  })
  const filtered = person ? svc.search('', { entities: [person.id], limit: 50 }).hits.map((h) => h.path) : []
  const { ms: _tms, ...timeline } = svc.timeline({})
  return { paths, docs, entities, searches, filtered, stories: svc.stories(), timeline }
}

describe('two-phase indexing', () => {
  it('after both phases, answers exactly as a one-phase build of the same archive (documents, entities, events, stories, dates, searches)', async () => {
    const { root, base } = archive()
    const one = await ArchiveService.open(root, { dataDir: path.join(base, 'one'), ...ONE_PHASE })
    const r1 = await one.update()
    expect(r1.analysis).toBeUndefined() // analysed as it read
    const two = await ArchiveService.open(root, { dataDir: path.join(base, 'two'), ...TWO_PHASE })
    const r2 = await two.update()
    expect(r2.analysis?.articles).toBe(r2.documents)
    expect(r2.pending).toBe(0)
    expect(two.status().analysed).toBe(two.status().documents)

    const a = answers(one)
    const b = answers(two)
    expect(a.entities.length).toBeGreaterThan(3)
    expect(a.stories.length).toBeGreaterThan(0)
    expect(b).toEqual(a)
    // and so does the index read back from disk
    const reopened = await ArchiveService.open(root, { dataDir: path.join(base, 'two'), ...TWO_PHASE })
    expect(answers(reopened)).toEqual(a)
  }, 120_000)

  it('phase 1 alone: every article is searchable, none analysed, and search, facets and timeline say how much they cover', async () => {
    const { root, base } = archive()
    const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data'), ...TWO_PHASE })
    const r = await svc.update(undefined, undefined, { textOnly: true })
    const n = r.documents
    expect(r.pending).toBe(n)
    expect(svc.status()).toMatchObject({ documents: n, analysed: 0 })
    // the text answers at once
    const seventh = svc.search(uniqueName(7)).hits
    expect(seventh.map((h) => h.path)).toEqual(['generated/article-0007.txt'])
    expect(seventh[0]!.pending).toBe(true) // its date and entities are still to come
    const all = svc.search('river market', { limit: 0 })
    expect(all.total).toBe(40)
    expect(all.analysis).toEqual({ analysed: 0, of: 40 })
    expect(all.facets.person.length + all.facets.place.length + all.facets.organization.length).toBe(0)
    expect(svc.timeline({}).analysis).toEqual({ analysed: 0, of: n })
    expect(svc.entities()).toEqual([])

    // phase 2 step by step: the coverage follows each published segment, and matches what is analysed
    const seen: number[] = []
    await svc.analysePending((p) => {
      if (p.phase !== 'analyse' || !p.published) return
      seen.push(p.done)
      const res = svc.search('river market', { limit: 0, facetLimit: 1000 })
      const analysedMatches = svc.documents().filter((d) => /^generated\//.test(d.path)).length - (res.analysis ? res.analysis.of - res.analysis.analysed : 0)
      expect(res.total).toBe(40)
      if (p.done < n) {
        expect(res.analysis!.of).toBe(40)
        expect(svc.status().analysed).toBe(p.done)
        // every place facet counts only analysed articles: one place per generated article
        const places = res.facets.place.filter((f) => /ia$/.test(f.name)).reduce((s, f) => s + f.count, 0)
        expect(places).toBe(analysedMatches)
      } else expect(res.analysis).toBeUndefined()
    })
    expect(seen.length).toBeGreaterThan(2)
    expect(seen.at(-1)).toBe(n)
    expect(seen).toEqual([...seen].sort((x, y) => x - y))
    expect(svc.search('river market', { limit: 0 }).facets.place.length).toBeGreaterThan(0)
    expect(svc.search(uniqueName(7)).hits[0]!.pending).toBeUndefined()
  }, 120_000)

  it('a quit between the phases: the next update finds nothing to read and analyses what is pending', async () => {
    const { root, base } = archive()
    const dataDir = path.join(base, 'data')
    const first = await ArchiveService.open(root, { dataDir, ...TWO_PHASE })
    await first.update(undefined, undefined, { textOnly: true })
    await first.close()

    const again = await ArchiveService.open(root, { dataDir, ...TWO_PHASE })
    expect(again.status().analysed).toBe(0)
    const r = await again.update()
    expect({ added: r.added, updated: r.updated, pending: r.pending }).toEqual({ added: 0, updated: 0, pending: 0 })
    expect(r.analysis?.articles).toBe(r.documents)

    const ref = await ArchiveService.open(root, { dataDir: path.join(base, 'ref'), ...ONE_PHASE })
    await ref.update()
    expect(answers(again)).toEqual(answers(ref))
  }, 120_000)

  it('cancel during phase 2 keeps the segments analysed so far, on disk; the next update goes on', async () => {
    const { root, base } = archive()
    const dataDir = path.join(base, 'data')
    const svc = await ArchiveService.open(root, { dataDir, ...TWO_PHASE })
    const stop = new AbortController()
    let firstStep = 0
    const err = await svc
      .update((p) => {
        if (p.phase === 'analyse' && p.published && !firstStep) {
          firstStep = p.done
          stop.abort()
        }
      }, stop.signal)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatelineError)
    expect((err as DatelineError).code).toBe('cancelled')
    expect((err as Error).message).toMatch(new RegExp(`${firstStep} of ${svc.documentCount} articles are analysed`))
    expect(firstStep).toBeGreaterThan(0)
    expect(svc.status().analysed).toBe(firstStep)

    const reopened = await ArchiveService.open(root, { dataDir, ...TWO_PHASE })
    expect(reopened.status()).toMatchObject({ documents: svc.documentCount, analysed: firstStep })
    const r = await reopened.update()
    expect(r.pending).toBe(0)
    expect(r.analysis?.articles).toBe(svc.documentCount - firstStep)
  }, 120_000)

  it('a small change is analysed as it is read, and a changed article waiting for analysis is analysed in its new version', async () => {
    const { root, base } = archive()
    const dataDir = path.join(base, 'data')
    const svc = await ArchiveService.open(root, { dataDir, workers: false, analyseLaterFrom: 10, segmentBatch: 12 })
    await svc.update(undefined, undefined, { textOnly: true })
    // one new file (below the threshold): analysed in the same step, the rest still pending
    cpSync(path.join(root, 'wire', 'harbour-strike.txt'), path.join(root, 'copy-of-strike.txt'))
    const r = await svc.updatePaths(['copy-of-strike.txt'], undefined)
    expect(r.added).toBe(1)
    // (updatePaths goes on with the pending analysis: everything is analysed now)
    expect(svc.status().analysed).toBe(svc.documentCount)
    expect(svc.document('copy-of-strike.txt').entities.map((e) => e.name)).toContain('Port Selwyn')
    const story = svc.stories().find((s) => s.members.some((m) => m.path === 'copy-of-strike.txt'))
    expect(story?.members.map((m) => m.path)).toContain('wire/harbour-strike.txt')

    // a pending article edited before its analysis: the new text is what is analysed
    const svc2 = await ArchiveService.open(root, { dataDir: path.join(base, 'data2'), workers: false, analyseLaterFrom: 10, segmentBatch: 12 })
    await svc2.update(undefined, undefined, { textOnly: true })
    writeFileSync(path.join(root, 'generated', 'article-0005.txt'), 'Ferry to Quillon resumes\n\nThe ferry to Quillon sailed again on Monday, the harbour master Tove Lindqvist said.\n')
    await svc2.update()
    expect(svc2.status().analysed).toBe(svc2.documentCount)
    expect(svc2.document('generated/article-0005.txt').entities.map((e) => e.name)).toContain('Tove Lindqvist')
    expect(svc2.search(uniqueName(5)).total).toBe(0)
  }, 120_000)

  it('segments phase 1 left unmerged (they waited for their analysis) are merged once all is analysed, not by the next dropped file', async () => {
    const { root, base } = archive()
    const mergePolicy = { mergeFactor: 3, maxSegmentDocs: 1000, maxDeletedRatio: 0.5 }
    const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data'), ...TWO_PHASE, mergePolicy })
    const phase1 = await svc.update(undefined, undefined, { textOnly: true })
    expect(phase1.segments).toMatchObject({ merged: 0, total: 4 }) // 45 articles in 12s: none merged while pending
    await svc.analysePending()
    expect(svc.status().segments).toBeLessThan(4)
    // the next update has no merge left to do
    writeFileSync(path.join(root, 'late.txt'), 'Late ferry\n\nThe late ferry to Quillon left at nine.\n')
    const late = await svc.updatePaths(['late.txt'])
    expect(late.segments.merged).toBe(0)
    const ref = await ArchiveService.open(root, { dataDir: path.join(base, 'ref'), ...ONE_PHASE, mergePolicy })
    await ref.update()
    expect(answers(svc)).toEqual(answers(ref))
  }, 120_000)
})
