import { describe, expect, it } from 'vitest'
import { ArchiveSnapshot } from '../../../../src-main/core/archive/snapshot'
import { emptyManifest, type IndexedDocument } from '../../../../src-main/core/search/index-store'
import { Segment } from '../../../../src-main/core/search/segment'
import { segmentDoc } from '../../segment-docs'

const meta = (id: string, path: string, segment: string): IndexedDocument => ({ id, path, segment, size: 1, mtimeMs: 1, hash: id, encoding: 'utf-8', title: id, indexedAt: 0 })

function snapshot() {
  const s1 = Segment.build('s1', [segmentDoc('a', 'A', 'first text'), segmentDoc('b', 'B', 'old version of b')])
  const s2 = Segment.build('s2', [segmentDoc('b', 'B', 'new version of b')])
  const manifest = { ...emptyManifest('/archive'), segments: ['s1', 's2'], docs: { a: meta('a', 'wire/a.txt', 's1'), b: meta('b', 'wire/b.txt', 's2') } }
  return { snap: new ArchiveSnapshot(manifest, new Map([['s1', s1], ['s2', s2]])), s1, s2 }
}

describe('archive snapshot', () => {
  it('finds a document by id or by path, whichever slash the caller uses', () => {
    const { snap } = snapshot()
    expect(snap.meta('a').path).toBe('wire/a.txt')
    expect(snap.meta('wire/b.txt').id).toBe('b')
    expect(snap.meta('wire\\b.txt').id).toBe('b')
    expect(snap.meta('./wire/a.txt').id).toBe('a')
    expect(() => snap.meta('wire/c.txt')).toThrow(/not an indexed document/)
    // names of Object.prototype's members are no documents either (#25 item 12)
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(() => snap.meta(name), name).toThrow(/not an indexed document/)
    expect(snap.documentCount).toBe(2)
  })

  it('opens a file whose name holds a backslash (a plain character on Linux and macOS; #25 item 12)', () => {
    const s1 = Segment.build('s1', [segmentDoc('c', 'C', 'text'), segmentDoc('d', 'D', 'text')])
    const manifest = { ...emptyManifest('/archive'), segments: ['s1'], docs: { c: meta('c', 'back\\slash.txt', 's1'), d: meta('d', 'wire/d.txt', 's1') } }
    const snap = new ArchiveSnapshot(manifest, new Map([['s1', s1]]))
    expect(snap.meta('back\\slash.txt').id).toBe('c')
    expect(snap.meta('wire\\d.txt').id).toBe('d')
  })

  it('reads a document\'s current version, not the copy a replaced segment still holds', () => {
    const { snap, s1, s2 } = snapshot()
    expect(snap.segmentDocOf(snap.meta('b')).text).toBe('new version of b')
    expect([...snap.liveMask(s1)]).toEqual([1, 0])
    expect([...snap.liveMask(s2)]).toEqual([1])
  })

  it('says the index is damaged when a document\'s segment is missing', () => {
    const { snap } = snapshot()
    const lost = new ArchiveSnapshot({ ...snap.manifest, docs: { a: meta('a', 'wire/a.txt', 's9') } }, snap.segments)
    expect(() => lost.segmentDocOf(lost.meta('a'))).toThrow(/run dateline index again/)
    expect(lost.findSegmentDoc(lost.meta('a'))).toBeUndefined()
  })
})
