// #25 item 12: an edit that keeps the file's size and restores its mtime (a script fixing a typo,
// `touch -r`, an editor preserving times) was never read again: the old text stayed searchable.
import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { tempDir } from '../fixtures/imports'

describe('an edit that keeps size and mtime', () => {
  it('is read again (its change time moved), and a file only touched keeps its analysis', async () => {
    const base = tempDir('same-size-edit')
    const root = path.join(base, 'archive')
    mkdirSync(root, { recursive: true })
    const file = path.join(root, 'ferry.txt')
    const other = path.join(root, 'port.txt')
    writeFileSync(file, 'Ferry talks\n\nThe ferry to Valmora resumes on Monday, officials said.\n')
    writeFileSync(other, 'Port reopens\n\nThe port of Kessel reopened on Tuesday after the storm.\n')
    const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data'), workers: false })
    await svc.update()
    expect(svc.search('valmora').total).toBe(1)

    const { atime, mtime } = statSync(file)
    // the same number of bytes, another town; then the old times put back
    writeFileSync(file, 'Ferry talks\n\nThe ferry to Quarnby resumes on Monday, officials said.\n')
    utimesSync(file, atime, mtime)
    // a file whose bytes are the same, times put back: read, but not analysed again
    const o = statSync(other)
    writeFileSync(other, 'Port reopens\n\nThe port of Kessel reopened on Tuesday after the storm.\n')
    utimesSync(other, o.atime, o.mtime)

    const r = await svc.update()
    expect(svc.search('valmora').total).toBe(0)
    expect(svc.search('quarnby').hits.map((h) => h.path)).toEqual(['ferry.txt'])
    expect(r.processed.sort()).toEqual(['ferry.txt', 'port.txt'])
    expect(r.changes).toEqual([{ kind: 'changed', path: 'ferry.txt' }])
    // and nothing to do after
    const again = await svc.update()
    expect(again.processed).toEqual([])
    await svc.close()
  })
})
