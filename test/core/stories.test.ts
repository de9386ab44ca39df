// Stories (copies and rewrites) on the story fixture archive, and the text-reuse building blocks.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { overlap, passages } from '../../src-main/core/stories/compare'
import { groupStories } from '../../src-main/core/stories/group'
import { SampleIndex } from '../../src-main/core/stories/sample-index'
import { decodeSample, encodeSample, letterStream, sampleOf, shingle } from '../../src-main/core/stories/shingles'
import { FILES, ORIGINAL, ORIGINAL_PARAGRAPHS, STORY, STRIPPED, writeStoriesArchive } from '../fixtures/stories'

const pairs = (groups: string[][]) => {
  const out = new Set<string>()
  for (const g of groups) for (const a of g) for (const b of g) if (a < b) out.add(`${a}|${b}`)
  return out
}

describe('stories on the fixture archive', () => {
  let svc: ArchiveService
  let root: string
  let dataDir: string
  beforeAll(async () => {
    ;({ root, dataDir } = writeStoriesArchive())
    svc = await ArchiveService.open(root, { dataDir })
    await svc.update()
  }, 60_000)

  it('groups the original, the stripped copy, the boilerplate copy and both rewrites, and nothing else', () => {
    const stories = svc.stories()
    const predicted = pairs(stories.map((s) => s.members.map((m) => m.path)))
    const gold = pairs([STORY])
    const tp = [...predicted].filter((p) => gold.has(p)).length
    const precision = predicted.size ? tp / predicted.size : 1
    const recall = tp / gold.size
    console.log(`stories: pair precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (${tp}/${gold.size} gold pairs, ${predicted.size} predicted)`)
    expect(precision).toBe(1)
    expect(recall).toBe(1)
    expect(stories).toHaveLength(1)
  })

  it('names the original and the role of every other member', () => {
    const story = svc.stories()[0]!
    expect(story.original).toBe('wire/levee-original.txt')
    const role = Object.fromEntries(story.members.map((m) => [m.path, { role: m.role, of: m.of }]))
    expect(role['wire/levee-original.txt']).toEqual({ role: 'original', of: undefined })
    expect(role['scraped/levee-stripped.txt']).toEqual({ role: 'copy', of: 'wire/levee-original.txt' })
    expect(role['syndication/levee-copy.txt']).toEqual({ role: 'copy', of: 'wire/levee-original.txt' })
    expect(role['blogs/levee-rewrite.txt']).toEqual({ role: 'rewrite', of: 'wire/levee-original.txt' })
    expect(role['paywall/levee-teaser.txt']).toEqual({ role: 'rewrite', of: 'wire/levee-original.txt' })
    const stripped = story.members.find((m) => m.path === 'scraped/levee-stripped.txt')!
    expect(stripped.similarity).toBeGreaterThan(0.9)
    const rewrite = story.members.find((m) => m.path === 'blogs/levee-rewrite.txt')!
    expect(rewrite.containment).toBeGreaterThan(0.3)
    expect(rewrite.containment).toBeLessThan(0.8)
  })

  it('keeps same-topic articles with the same names and places out of the story', () => {
    for (const p of ['local/levee-council.txt', 'local/levee-history.txt', 'local/market-fire.txt', 'opinion/river-essay.txt']) {
      expect(svc.documentStory(p), p).toBeNull()
      // they do share names, places and even a quoted sentence with the original
      expect(svc.reuse(p, 'wire/levee-original.txt').aInB).toBeLessThan(0.2)
    }
    expect(svc.document('local/levee-council.txt').entities.map((e) => e.name)).toContain('Omar Saleh')
  })

  it('shows the reused passages with offsets into both files', () => {
    const r = svc.reuse('blogs/levee-rewrite.txt', 'wire/levee-original.txt')
    const rewriteText = svc.document('blogs/levee-rewrite.txt').text
    const originalText = svc.document('wire/levee-original.txt').text
    expect(r.passages.length).toBeGreaterThanOrEqual(2)
    for (const p of r.passages) {
      expect(p.a.text).toBe(rewriteText.slice(p.a.start, p.a.end))
      expect(p.b.text).toBe(originalText.slice(p.b.start, p.b.end))
      expect(letterStream(p.a.text).letters).toBe(letterStream(p.b.text).letters)
    }
    // the quoted paragraph about the dam is found whole
    const dam = ORIGINAL_PARAGRAPHS[3]!
    expect(r.passages.some((p) => p.b.text.includes(dam.slice(0, 60)) && p.b.text.length >= dam.length - 5)).toBe(true)
    // from the stripped copy, offsets point at its own (unpunctuated) characters
    const s = svc.reuse('scraped/levee-stripped.txt', 'wire/levee-original.txt')
    const strippedText = svc.document('scraped/levee-stripped.txt').text
    expect(s.passages[0]!.a.text).toBe(strippedText.slice(s.passages[0]!.a.start, s.passages[0]!.a.end))
    expect(s.passages.reduce((n, p) => n + p.a.text.length, 0)).toBeGreaterThan(strippedText.length * 0.8)
  })

  it('does no work for unchanged documents and survives a restart without recomputing', async () => {
    const again = await svc.update()
    expect(again.stories).toEqual({ linked: 0, candidates: 0, compared: 0 })
    const reopened = await ArchiveService.open(root, { dataDir })
    expect((await reopened.update()).stories.compared).toBe(0)
    expect(reopened.stories()).toEqual(svc.stories())
  })

  it('rebuilds the links when stories.json is lost (they are derived data)', async () => {
    const copy = writeStoriesArchive()
    const a = await ArchiveService.open(copy.root, { dataDir: copy.dataDir })
    await a.update()
    rmSync(path.join(a.indexDir, 'stories.json'))
    const b = await ArchiveService.open(copy.root, { dataDir: copy.dataDir })
    const r = await b.update()
    expect(r.stories.linked).toBe(Object.keys(FILES).length)
    expect(b.stories().map((s) => s.members.map((m) => m.path).sort())).toEqual(a.stories().map((s) => s.members.map((m) => m.path).sort()))
  }, 60_000)
})

describe('stories are updated incrementally', () => {
  it('a new copy joins its story after comparing only with documents that share its text', async () => {
    const { root, dataDir } = writeStoriesArchive()
    // padding: unrelated documents that a full recomputation would have to compare
    for (let i = 0; i < 40; i++) writeFileSync(path.join(root, `local/other-${i}.txt`), unrelatedArticle(i))
    const svc = await ArchiveService.open(root, { dataDir })
    const first = await svc.update()
    expect(first.stories.linked).toBe(Object.keys(FILES).length + 40)

    writeFileSync(path.join(root, 'syndication/levee-copy-2.txt'), `Updated 6 hours ago\n\n${ORIGINAL.replace(/\n\n/g, '\n')}`)
    const r = await svc.update()
    expect(r.stories.linked).toBe(1)
    // compared only with the story members and the four same-topic look-alikes, not the 40 others
    expect(r.stories.compared).toBeLessThanOrEqual(STORY.length + 4)
    const story = svc.documentStory('syndication/levee-copy-2.txt')!
    expect(story.role).toBe('copy')
    expect(story.members).toBe(STORY.length + 1)
    expect(svc.published('syndication/levee-copy-2.txt')).toMatchObject({ date: '2019-04-11' })
  }, 60_000)

  it('a removed or rewritten member leaves the story, and a removed original hands over to the next', async () => {
    const { root, dataDir } = writeStoriesArchive()
    const svc = await ArchiveService.open(root, { dataDir })
    await svc.update()
    rmSync(path.join(root, 'paywall/levee-teaser.txt'))
    writeFileSync(path.join(root, 'blogs/levee-rewrite.txt'), unrelatedArticle(99))
    await svc.update()
    expect(svc.stories()[0]!.members.map((m) => m.path).sort()).toEqual(['scraped/levee-stripped.txt', 'syndication/levee-copy.txt', 'wire/levee-original.txt'])
    expect(svc.documentStory('blogs/levee-rewrite.txt')).toBeNull()

    rmSync(path.join(root, 'wire/levee-original.txt'))
    await svc.update()
    const story = svc.stories()[0]!
    // the clean re-publication, not the punctuation-stripped scrape, becomes the original
    expect(story.original).toBe('syndication/levee-copy.txt')
    expect(story.members.find((m) => m.path === 'scraped/levee-stripped.txt')!.role).toBe('copy')
  }, 60_000)
})

describe('text reuse building blocks', () => {
  it('a punctuation-stripped, glued copy has the same letters as its original', () => {
    const a = shingle(ORIGINAL)
    const b = shingle(STRIPPED)
    const o = overlap(b.set, a.set)
    expect(o.aInB).toBeGreaterThan(0.9)
    expect(o.jaccard).toBeGreaterThan(0.9)
  })

  it('letters keep their original offsets, accents folded', () => {
    const s = letterStream('Qal‘at Nūr, 2019!')
    expect(s.letters).toBe('qalatnur')
    expect([...s.offsets].map((i) => 'Qal‘at Nūr, 2019!'[i]).join('')).toBe('QalatNūr')
  })

  it('boilerplate lines do not count as text', () => {
    const plain = shingle('The levee held through the night and the water fell by morning across the district.')
    const wrapped = shingle('Subscribe to our newsletter for more\nThe levee held through the night and the water fell by morning across the district.\nShare this article on Facebook')
    expect(overlap(plain.set, wrapped.set).jaccard).toBe(1)
  })

  it('containment is asymmetric: a short quote is mostly inside the long text, not the reverse', () => {
    const long = shingle(ORIGINAL)
    const quote = shingle(`As the agency put it: ${ORIGINAL_PARAGRAPHS[2]} That was all.`)
    const o = overlap(quote.set, long.set)
    expect(o.aInB).toBeGreaterThan(0.7)
    expect(o.bInA).toBeLessThan(0.25)
    expect(passages(quote, long)).toHaveLength(1)
  })

  it('samples survive encoding and keep roughly one shingle in sixteen', () => {
    const set = shingle(ORIGINAL).set
    const sample = sampleOf(set)
    expect(decodeSample(encodeSample(sample))).toEqual(sample)
    expect(sample.length).toBeGreaterThan(set.length / 32)
    expect(sample.length).toBeLessThan(set.length / 8)
  })

  it('the sample index finds documents sharing hashes and forgets removed ones', () => {
    const idx = new SampleIndex()
    idx.add(0, Uint32Array.from([16, 32, 48, 64]))
    idx.add(1, Uint32Array.from([16, 32, 80]))
    idx.add(2, Uint32Array.from([96]))
    idx.compact()
    idx.add(3, Uint32Array.from([32, 48]))
    const found = (q: number[], opts = { minShared: 2, maxDf: 10, keepRarest: 0 }) => idx.candidates(Uint32Array.from(q), opts).candidates.map((c) => `${c.handle}:${c.shared}`).sort()
    expect(found([16, 32, 48])).toEqual(['0:3', '1:2', '3:2'])
    // hashes posted for more documents than maxDf are stock phrases: ignored
    expect(found([16, 32, 48], { minShared: 1, maxDf: 2, keepRarest: 0 })).toEqual(['0:2', '1:1', '3:1'])
    // …unless they are among the rarest the query has
    expect(found([32], { minShared: 1, maxDf: 2, keepRarest: 1 })).toEqual(['0:1', '1:1', '3:1'])
    idx.remove(0)
    expect(found([16, 32, 48])).toEqual(['1:2', '3:2'])
    idx.compact()
    expect(found([16, 32, 48])).toEqual(['1:2', '3:2'])
  })

  it('the original is the most complete clean text; a stated earlier date overrides completeness', () => {
    const info = (stripped: boolean, statedDay?: number) => ({ stripped, boilerplate: 0, indexedAt: 0, shingles: 100, statedDay })
    const links = [
      { a: 'orig', b: 'scrape', aInB: 0.95, bInA: 0.99, jaccard: 0.95, shared: 500 },
      { a: 'rw', b: 'orig', aInB: 0.5, bInA: 0.3, jaccard: 0.2, shared: 300 },
      { a: 'rw', b: 'scrape', aInB: 0.5, bInA: 0.3, jaccard: 0.2, shared: 300 }
    ]
    const meta: Record<string, ReturnType<typeof info>> = { orig: info(false), scrape: info(true), rw: info(false) }
    const [story] = groupStories(links, (id) => (meta[id] ? { id, ...meta[id]! } : undefined))
    expect(story!.original).toBe('orig')
    expect(story!.members.find((m) => m.id === 'scrape')).toMatchObject({ role: 'copy', of: 'orig' })
    expect(story!.members.find((m) => m.id === 'rw')).toMatchObject({ role: 'rewrite', of: 'orig' })
    meta['orig'] = info(false, 100)
    meta['rw'] = info(false, 90)
    expect(groupStories(links, (id) => ({ id, ...meta[id]! }))[0]!.original).toBe('rw')
  })
})

function unrelatedArticle(i: number): string {
  const towns = ['Erbil', 'Kirkuk', 'Basra', 'Najaf', 'Karbala', 'Hilla', 'Ramadi', 'Samarra']
  const town = towns[i % towns.length]!
  return `${town} notes ${i}\n\nThe municipality of ${town} opened tender number ${i} for road works this season. Officials in ${town} said ${i * 3} kilometres of streets would be resurfaced, and that contractors had until the end of the quarter to submit bids. Residents complained that the last programme, number ${i + 100}, left many side streets untouched while the main avenues were paved twice.\n`
}

describe('the index folder, not the archive, holds story data', () => {
  it('writes nothing into the archive', async () => {
    const { root, dataDir } = writeStoriesArchive()
    const before = readdirSync(root, { recursive: true }).sort()
    const svc = await ArchiveService.open(root, { dataDir })
    await svc.update()
    await svc.setPublicationDate('wire/levee-original.txt', '2019-04-10')
    expect(readdirSync(root, { recursive: true }).sort()).toEqual(before)
    expect(existsSync(path.join(svc.indexDir, 'stories.json'))).toBe(true)
    expect(existsSync(path.join(svc.indexDir, 'dates.json'))).toBe(true)
  }, 60_000)
})
