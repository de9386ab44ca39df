import { describe, expect, it } from 'vitest'
import type { FileEntry, Skipped } from '../../../../src-main/core/archive/scan'
import { emptyManifest, type IndexedDocument, type Manifest } from '../../../../src-main/core/search/index-store'
import { diffScan } from '../../../../src-main/core/update/diff'

const doc = (path: string, size: number, mtimeMs: number): IndexedDocument => ({ id: path, path, segment: 's1', size, mtimeMs, hash: 'h', encoding: 'utf-8', title: path, indexedAt: 0 })
const file = (path: string, size: number, mtimeMs: number): FileEntry => ({ path, abs: `/archive/${path}`, size, mtimeMs }) as FileEntry

function manifest(): Manifest {
  return {
    ...emptyManifest('/archive'),
    docs: { 'same.txt': doc('same.txt', 10, 1), 'touched.txt': doc('touched.txt', 10, 1), 'gone.txt': doc('gone.txt', 5, 1) },
    rejected: { 'photo.txt': { size: 99, mtimeMs: 1, reason: 'binary file' }, 'elsewhere/x.txt': { size: 1, mtimeMs: 1, reason: 'binary file' } }
  }
}

describe('update: diff of the scan against the manifest', () => {
  it('reads only new and changed files; refused files stay refused without being read', () => {
    const skipped: Skipped[] = []
    const { tally, changed } = diffScan(manifest(), [file('touched.txt', 10, 2), file('new.txt', 3, 1), file('same.txt', 10, 1), file('photo.txt', 99, 1)], skipped, () => true)
    expect(changed.map((f) => f.path)).toEqual(['new.txt', 'touched.txt'])
    expect(tally.unchanged).toBe(1)
    expect(skipped).toEqual([{ path: 'photo.txt', reason: 'binary file' }])
    expect(tally.manifest.rejected).toEqual({ 'photo.txt': { size: 99, mtimeMs: 1, reason: 'binary file' } })
    // gone.txt was not seen: removal is a later stage's decision
    expect(tally.seen.has('gone.txt')).toBe(false)
  })

  it('reads a refused file again once it changed, and keeps refusals outside the update\'s scope', () => {
    const { changed, tally } = diffScan(manifest(), [file('photo.txt', 120, 2)], [], (p) => !p.startsWith('elsewhere/'))
    expect(changed.map((f) => f.path)).toEqual(['photo.txt'])
    expect(Object.keys(tally.manifest.rejected)).toEqual(['elsewhere/x.txt'])
  })

  it('works on a copy: the manifest it was given is not changed', () => {
    const m = manifest()
    const before = JSON.stringify(m)
    const { tally } = diffScan(m, [file('photo.txt', 120, 2)], [], () => true)
    tally.manifest.docs['x'] = doc('x', 1, 1)
    expect(JSON.stringify(m)).toBe(before)
  })
})
