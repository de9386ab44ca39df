import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentHash } from '../../../../src-main/core/archive/document'
import type { FileEntry } from '../../../../src-main/core/archive/scan'
import { emptyManifest, type IndexedDocument } from '../../../../src-main/core/search/index-store'
import { diffScan } from '../../../../src-main/core/update/diff'
import { readChanged } from '../../../../src-main/core/update/read'

describe('update: read the changed files', () => {
  it('reads new files into documents, refreshes a touched file\'s metadata only, and refuses binary or missing files with a reason', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-read-'))
    const put = (name: string, data: string | Uint8Array) => {
      writeFileSync(path.join(dir, name), data)
      return { path: name, abs: path.join(dir, name), size: typeof data === 'string' ? data.length : data.length, mtimeMs: 2 } as FileEntry
    }
    const touched = put('touched.txt', 'Same words\n\nas before.')
    const old: IndexedDocument = { id: 't', path: 'touched.txt', segment: 's1', size: 1, mtimeMs: 1, hash: contentHash(new TextEncoder().encode('Same words\n\nas before.')), encoding: 'utf-8', title: 'Same words', indexedAt: 5 }
    const files = [put('new.txt', 'Ferry talks resume\n\nOfficials said so.'), touched, put('photo.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])), { path: 'gone.txt', abs: path.join(dir, 'gone.txt'), size: 3, mtimeMs: 2 } as FileEntry]
    const { tally, changed } = diffScan({ ...emptyManifest(dir), docs: { t: old } }, files, [], () => true)
    const docs = await readChanged(changed, tally, () => {})
    expect(docs.map((d) => [d.path, d.title])).toEqual([['new.txt', 'Ferry talks resume']])
    expect(tally.manifest.docs['t']).toMatchObject({ size: touched.size, mtimeMs: 2, segment: 's1' })
    expect(tally.added).toBe(1)
    // read again, same bytes: unchanged for the user, its new times kept
    expect(tally.updated).toBe(0)
    expect(tally.refreshed).toBe(1)
    const reasons = Object.fromEntries(tally.skipped.map((s) => [s.path, s.reason]))
    expect(reasons['gone.txt']).toMatch(/unreadable/)
    expect(reasons['photo.txt']).toBeTruthy()
    expect(tally.manifest.rejected['photo.txt']).toBeTruthy()
    expect(tally.seen.has('photo.txt')).toBe(false)
  })

  it('stops when the update is cancelled', async () => {
    const { tally } = diffScan(emptyManifest('/x'), [], [], () => true)
    const f = { path: 'a.txt', abs: '/nonexistent/a.txt', size: 1, mtimeMs: 1 } as FileEntry
    await expect(readChanged([f], tally, () => { throw new Error('cancelled') })).rejects.toThrow('cancelled')
  })
})
