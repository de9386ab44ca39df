// The archive service end to end under Node: real files in a temp folder, real Lunr segments on disk.
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { QueryError } from '../../src-main/core/search/query'
import { writeFixtureArchive, type FixtureArchive } from '../fixtures/archive'

let fx: FixtureArchive
let svc: ArchiveService

const paths = (q: string) => svc.search(q, { limit: 100 }).hits.map((h) => h.path).sort()

beforeAll(async () => {
  fx = writeFixtureArchive()
  svc = await ArchiveService.open(fx.root, { dataDir: fx.dataDir })
  await svc.update()
})

describe('indexing an archive folder', () => {
  it('indexes the text articles and says why every other file was skipped', async () => {
    const fresh = await ArchiveService.open(fx.root, { dataDir: path.join(fx.dataDir, '..', 'data-2') })
    const r = await fresh.update()
    expect(r).toMatchObject({ documents: 5, added: 5, updated: 0, removed: 0 })
    expect(r.skipped).toEqual([
      { path: '.cache/', reason: 'hidden folder' },
      { path: 'legacy/empty.txt', reason: 'empty file' },
      { path: 'notes/garbage.txt', reason: expect.stringMatching(/binary/) },
      { path: 'notes/picture.jpg', reason: 'unsupported file type (.jpg)' }
    ])
  })

  it('decodes legacy encodings and picks real titles', () => {
    const byPath = Object.fromEntries(svc.documents().map((d) => [d.path, d]))
    expect(byPath['legacy/flood-utf16.txt']).toMatchObject({ encoding: 'utf-16le', title: 'Flood warning for the Tikrīt road' })
    expect(byPath['legacy/cafe-cp1252.txt']).toMatchObject({ encoding: 'windows-1252', title: 'Café owners in Léonville count the cost' })
    // not the reading time, not the photo caption
    expect(byPath['rewrites/selwyn-dispute.md']!.title).toBe('Selwyn’s dock dispute spreads to the ferries')
    expect(byPath['wire/harbour-strike.txt']!.title).toBe("Harbour strike leaves Port Selwyn's cranes idle")
  })

  it('keeps the index outside the archive folder', () => {
    expect(svc.indexDir.startsWith(fx.dataDir)).toBe(true)
    expect(readdirSync(fx.root).sort()).toEqual(['.cache', 'legacy', 'notes', 'rewrites', 'scraped', 'wire'])
  })
})

describe('searching messy text', () => {
  it('ANDs words and ranks with snippets that mark the words', () => {
    const r = svc.search('haddad fragile')
    expect(r.total).toBe(3)
    for (const h of r.hits) expect(h.snippet).toMatch(/<mark>[^<]*(?:Haddad|fragile)[^<]*<\/mark>/i)
  })

  it('finds a surname glued to its al- prefix in the scraped copy', () => {
    expect(paths('haddad')).toEqual(['rewrites/selwyn-dispute.md', 'scraped/harbour-strike-copy.txt', 'wire/harbour-strike.txt'])
    const scraped = svc.search('haddad').hits.find((h) => h.path.startsWith('scraped'))!
    expect(scraped.snippet).toContain('al<mark>Haddad</mark>')
  })

  it('matches numbers with or without thousands separators', () => {
    expect(paths('4200')).toEqual(paths('4,200'))
    expect(paths('4200')).toHaveLength(3)
  })

  it('matches possessives written with curly or straight apostrophes, or none', () => {
    expect(paths('selwyns')).toEqual(paths("Selwyn's"))
    expect(paths('Selwyn’s')).toEqual(paths("Selwyn's"))
    expect(paths('selwyns')).toHaveLength(3)
  })

  it('matches hyphenated words written either way', () => {
    const both = ['scraped/harbour-strike-copy.txt', 'wire/harbour-strike.txt']
    expect(paths('self-described')).toEqual(both)
    expect(paths('selfdescribed')).toEqual(both)
    expect(paths('"al-haddad"')).toEqual(paths('"al haddad"'))
  })

  it('folds diacritics', () => {
    expect(paths('tikrit')).toEqual(['legacy/flood-utf16.txt'])
    expect(paths('Qalat')).toEqual(['legacy/flood-utf16.txt'])
    expect(paths('leonville cafe')).toEqual(['legacy/cafe-cp1252.txt'])
  })

  it('verifies exact phrases, also across stripped punctuation and glued words', () => {
    expect(paths('"more fragile than it looks"')).toEqual(['rewrites/selwyn-dispute.md', 'scraped/harbour-strike-copy.txt', 'wire/harbour-strike.txt'])
    // "saidThe situation" in the scraped copy; punctuation between words never blocks a phrase
    expect(paths('"said the situation"')).toEqual(['scraped/harbour-strike-copy.txt', 'wire/harbour-strike.txt'])
    expect(paths('"looks fragile"')).toEqual([])
    const hit = svc.search('"ferry services"').hits[0]!
    expect(hit.snippet).toContain('<mark>ferry services</mark>')
  })

  it('supports OR, exclusion, fields, prefixes and fuzzy terms', () => {
    expect(paths('tikrit OR leonville')).toEqual(['legacy/cafe-cp1252.txt', 'legacy/flood-utf16.txt'])
    expect(paths('haddad -lantern')).toEqual(['scraped/harbour-strike-copy.txt', 'wire/harbour-strike.txt'])
    expect(paths('haddad NOT lantern')).toEqual(paths('haddad -lantern'))
    expect(paths('title:ferries')).toEqual(['rewrites/selwyn-dispute.md'])
    expect(paths('ferries')).toHaveLength(3)
    expect(paths('leonvil*')).toEqual(['legacy/cafe-cp1252.txt'])
    expect(paths('leonvile~1')).toEqual(['legacy/cafe-cp1252.txt'])
    // a prefix shorter than the word, and a real typo, not just the stemmed word itself
    expect(paths('leon*')).toEqual(['legacy/cafe-cp1252.txt'])
    expect(paths('tikr*')).toEqual(['legacy/flood-utf16.txt'])
    expect(paths('hadad~1')).toEqual(paths('haddad'))
    expect(paths('hadad~1')).toHaveLength(3)
    expect(paths('hadad')).toEqual([])
  })

  it('throws a readable QueryError for bad syntax', () => {
    expect(() => svc.search('title:')).toThrow(QueryError)
    expect(() => svc.search('"unclosed')).toThrow(/not closed/)
  })
})

describe('keeping the index up to date', () => {
  it('reprocesses only a changed file, in a new segment, without rebuilding the others', async () => {
    const fx2 = writeFixtureArchive()
    const s = await ArchiveService.open(fx2.root, { dataDir: fx2.dataDir })
    await s.update()
    const segDir = path.join(s.indexDir, 'segments')
    const before = Object.fromEntries(readdirSync(segDir).map((f) => [f, statSync(path.join(segDir, f)).mtimeMs]))

    appendFileSync(path.join(fx2.root, 'wire/harbour-strike.txt'), '\nA late update mentions the lighthouse keeper.\n')
    const r = await s.update()
    expect(r).toMatchObject({ added: 0, updated: 1, removed: 0, unchanged: 4, processed: ['wire/harbour-strike.txt'] })
    expect(r.segments).toMatchObject({ built: 1, merged: 0, total: 2 })
    for (const [f, mtime] of Object.entries(before)) expect(statSync(path.join(segDir, f)).mtimeMs).toBe(mtime)
    expect(s.search('lighthouse').hits.map((h) => h.path)).toEqual(['wire/harbour-strike.txt'])
    // the old version of the changed file no longer answers
    expect(s.search('haddad').total).toBe(3)

    // touching without changing content re-reads one file and builds nothing
    const t = new Date(Date.now() + 5000)
    utimesSync(path.join(fx2.root, 'scraped/harbour-strike-copy.txt'), t, t)
    const touched = await s.update()
    expect(touched).toMatchObject({ updated: 0, processed: ['scraped/harbour-strike-copy.txt'], segments: { built: 0 } })

    rmSync(path.join(fx2.root, 'legacy/flood-utf16.txt'))
    writeFileSync(path.join(fx2.root, 'wire/new-story.txt'), 'Lighthouse keeper rescues fishermen\n\nThe keeper rowed out at dawn.')
    const r3 = await s.update()
    expect(r3).toMatchObject({ added: 1, removed: 1, documents: 5 })
    expect(s.search('tikrit').total).toBe(0)
    expect(s.search('lighthouse').total).toBe(2)

    // reopened from disk: same answers, nothing reprocessed
    const reopened = await ArchiveService.open(fx2.root, { dataDir: fx2.dataDir })
    expect(reopened.search('lighthouse').hits.map((h) => h.path).sort()).toEqual(['wire/harbour-strike.txt', 'wire/new-story.txt'])
    expect(await reopened.update()).toMatchObject({ added: 0, updated: 0, removed: 0, processed: [] })
  })

  it('rebuilds a damaged segment from the archive files', async () => {
    const fx3 = writeFixtureArchive()
    const s = await ArchiveService.open(fx3.root, { dataDir: fx3.dataDir })
    await s.update()
    const segDir = path.join(s.indexDir, 'segments')
    for (const f of readdirSync(segDir)) writeFileSync(path.join(segDir, f), '{"truncated": ')
    const reopened = await ArchiveService.open(fx3.root, { dataDir: fx3.dataDir })
    expect(reopened.hasIndex).toBe(false)
    const r = await reopened.update()
    expect(r.repaired[0]).toMatch(/damaged/)
    expect(r.added).toBe(5)
    expect(reopened.search('haddad').total).toBe(3)
  })

  it('merges small segments once a tier is full, keeping every document once', async () => {
    const fx4 = writeFixtureArchive()
    const s = await ArchiveService.open(fx4.root, { dataDir: fx4.dataDir, mergePolicy: { mergeFactor: 3, maxSegmentDocs: 1000, maxDeletedRatio: 0.5 } })
    await s.update()
    mkdirSync(path.join(fx4.root, 'more'))
    for (let i = 0; i < 3; i++) {
      writeFileSync(path.join(fx4.root, 'more', `note-${i}.txt`), `Ledger entry ${i}\n\nThe harbour ledger lists cargo number ${i}.`)
      const r = await s.update()
      expect(r.segments.total).toBeLessThanOrEqual(3)
    }
    expect(s.status().segments).toBeLessThan(4)
    expect(s.search('ledger').total).toBe(3)
    expect(s.documentCount).toBe(8)
  })
})

describe('scores across segments', () => {
  it('ranks the same whether documents were indexed together or one segment at a time', async () => {
    const a = writeFixtureArchive()
    const together = await ArchiveService.open(a.root, { dataDir: a.dataDir })
    await together.update()
    const b = writeFixtureArchive()
    const apart = await ArchiveService.open(b.root, { dataDir: b.dataDir, segmentBatch: 1 })
    await apart.update()
    expect(apart.status().segments).toBe(5)
    for (const q of ['haddad', 'port strike', 'ferries containers', '4200', 'fragile OR flood']) {
      const x = together.search(q).hits
      const y = apart.search(q).hits
      expect(y.map((h) => h.path)).toEqual(x.map((h) => h.path))
      // raw term frequencies scored with archive-wide idf and lengths: no trace of the segments
      y.forEach((h, i) => expect(h.score).toBeCloseTo(x[i]!.score, 6))
    }
  })
})

describe('common phrases in a large archive', () => {
  it('checks the best-scoring candidates, shows only real matches and estimates the rest', async () => {
    const fx = writeFixtureArchive()
    mkdirSync(path.join(fx.root, 'gate'))
    // 40 articles with the phrase, 40 with both words apart: all 80 are candidates
    for (let i = 0; i < 80; i++) {
      const body = i < 40 ? `Crowds gathered at the harbour gate on day ${i}.` : `The gate of the old mill stood open; the harbour was quiet on day ${i}.`
      writeFileSync(path.join(fx.root, 'gate', `note-${String(i).padStart(2, '0')}.txt`), `Note ${i}\n\n${body}\n`)
    }
    const capped = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, phraseCheckBudget: 10 })
    await capped.update()
    const r = capped.search('"harbour gate"', { limit: 5 })
    expect(r.approximate).toBe(true)
    expect(r.hits).toHaveLength(5)
    for (const h of r.hits) expect(h.snippet).toMatch(/<mark>harbour gate<\/mark>/i)
    // the estimate comes from the share confirmed among those checked: roughly half of 80
    expect(r.total).toBeGreaterThanOrEqual(20)
    expect(r.total).toBeLessThanOrEqual(60)
    // paging on checks further: page 3 is still made of real matches
    for (const h of capped.search('"harbour gate"', { limit: 5, offset: 10 }).hits) expect(h.snippet).toMatch(/<mark>harbour gate<\/mark>/i)
    // excluding a phrase is never estimated: every candidate is checked
    expect(capped.search('gate -"harbour gate"', { limit: 100 }).total).toBe(40)

    const exact = await ArchiveService.open(fx.root, { dataDir: fx.dataDir })
    const all = exact.search('"harbour gate"', { limit: 100 })
    expect(all.approximate).toBeUndefined()
    expect(all.total).toBe(40)
  })
})
