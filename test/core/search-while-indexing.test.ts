// A new archive answers searches from the segments built so far while the rest is analysed
// (#23 "search while indexing", #22 item 9): its first 500 articles are one segment, published
// to searches as soon as it is built.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { tempDir, uniqueName, writeArticles } from '../fixtures/imports'

describe('searching a new archive while it is indexed', () => {
  it('finds the articles of the first segment before the update ends, and all of them after', async () => {
    const base = tempDir('while-indexing')
    const root = path.join(base, 'archive')
    writeArticles(root, 1100)
    const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data'), workers: false })
    const seen: Array<{ docs: number; found: number }> = []
    const report = await svc.update((p) => {
      if (p.phase === 'index') seen.push({ docs: svc.documentCount, found: svc.search(uniqueName(3)).total })
    })
    expect(report.documents).toBe(1100)
    // during the update: the first segment's 500 articles, among them the third, searchable
    const during = seen.filter((s) => s.docs > 0 && s.docs < 1100)
    expect(during.length).toBeGreaterThan(0)
    expect(during.every((s) => s.docs === 500 && s.found === 1)).toBe(true)
    expect(svc.documentCount).toBe(1100)
    expect(svc.search(uniqueName(1050)).total).toBe(1)
    await svc.close()
  }, 120_000)
})
