// #25 items 7 and 8: one file with a very long "word" (a hex dump, an inline base64 image) must not
// stop or stall the archive's indexing. Before: wink's tokenizer took time quadratic in the run's
// length (96 KB: 28 s; 1.5 MB: minutes) and an 11 MB run overflowed the stack.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { tempDir } from '../fixtures/imports'

describe('hostile files', () => {
  it('indexes an article next to a 1.5 MB run without spaces, and both are searchable', async () => {
    const base = tempDir('hostile-long-run')
    const root = path.join(base, 'archive')
    mkdirSync(root, { recursive: true })
    writeFileSync(path.join(root, 'article.txt'), 'Ferry talks resume\n\nOfficials in Valmora Bay said on Monday that ferry services would resume.\n')
    writeFileSync(path.join(root, 'dump.txt'), `Memory dump\n\n${'a0b1c2d3e4f5'.repeat(125_000)}\n`)
    const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data'), workers: false })
    const report = await svc.update()
    expect(report.documents).toBe(2)
    expect(svc.search('ferry').hits.map((h) => h.path)).toEqual(['article.txt'])
    expect(svc.search('memory dump').hits.map((h) => h.path)).toEqual(['dump.txt'])
  }, 120_000)
})
