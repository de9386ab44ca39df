// A new archive answers searches from the segments built so far while the rest is read (#23
// "search while indexing", #22 item 9): its text is indexed first (phase 1), its first 1,000
// articles are one segment published to searches as soon as it is built, and a search made then
// says that it sees only part of the archive.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService, type SearchResult } from '../../src-main/core/api'
import { tempDir, uniqueName, writeArticles } from '../fixtures/imports'

describe('searching a new archive while it is indexed', () => {
  it('finds the articles of the first segment before the update ends, says how far indexing is, and finds all of them after', async () => {
    const base = tempDir('while-indexing')
    const root = path.join(base, 'archive')
    writeArticles(root, 1100)
    const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data'), workers: false })
    const seen: Array<{ docs: number; found: SearchResult; late: SearchResult }> = []
    const report = await svc.update((p) => {
      if (p.phase === 'index' && svc.documentCount > 0 && svc.documentCount < 1100) seen.push({ docs: svc.documentCount, found: svc.search(uniqueName(3)), late: svc.search(uniqueName(1050)) })
    })
    expect(report.documents).toBe(1100)
    // during the update: the first segment's 1,000 articles, among them the third, searchable; the 1,050th not yet
    expect(seen.length).toBeGreaterThan(0)
    for (const s of seen) {
      expect(s.docs).toBe(1000)
      expect(s.found.hits.map((h) => h.path)).toEqual(['article-0003.txt'])
      expect(s.late.total).toBe(0)
      // the answer says it comes from part of the archive, and that its analysis is still to come
      expect(s.late.indexing).toMatchObject({ searchable: 1000, total: 1100 })
      expect(s.found.indexing!.done).toBeGreaterThanOrEqual(1000)
      expect(s.found.analysis).toEqual({ analysed: 0, of: 1 })
    }
    expect(svc.documentCount).toBe(1100)
    const after = svc.search(uniqueName(1050))
    expect(after.total).toBe(1)
    expect(after.indexing).toBeUndefined()
    expect(after.analysis).toBeUndefined()
    await svc.close()
  }, 120_000)
})
