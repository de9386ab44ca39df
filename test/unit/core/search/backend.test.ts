import { describe, expect, it } from 'vitest'
import { ArchiveSnapshot } from '../../../../src-main/core/archive/snapshot'
import { segmentBackend } from '../../../../src-main/core/search/backend'
import { emptyManifest, type IndexedDocument } from '../../../../src-main/core/search/index-store'
import { lowerQuery } from '../../../../src-main/core/search/plan'
import { parseQuery } from '../../../../src-main/core/search/query'
import { Segment } from '../../../../src-main/core/search/segment'
import { segmentDoc } from '../../segment-docs'

const meta = (id: string, segment: string): IndexedDocument => ({ id, path: `${id}.txt`, segment, size: 1, mtimeMs: 1, hash: id, encoding: 'utf-8', title: id, indexedAt: 0 })

describe('segment search backend', () => {
  const s1 = Segment.build('s1', [segmentDoc('a', 'Port strike', 'The port strike went on.'), segmentDoc('b', 'Old', 'an old version about the port')])
  const s2 = Segment.build('s2', [segmentDoc('b', 'New', 'the new version, nothing to see')])
  const snap = new ArchiveSnapshot({ ...emptyManifest('/x'), segments: ['s1', 's2'], docs: { a: meta('a', 's1'), b: meta('b', 's2') } }, new Map([['s1', s1], ['s2', s2]]))
  const backend = segmentBackend(snap)
  const p = (q: string) => lowerQuery(parseQuery(q)).plan

  it('finds live documents only, with their text for snippets', () => {
    const r = backend.run(p('port'))
    expect(r.matches.map((m) => m.ref)).toEqual(['a'])
    expect(backend.textOf(r.matches[0]!)).toBe('The port strike went on.')
  })

  it('matches one document alone for the reader, and nothing for a document it does not match', () => {
    expect(backend.runOne(p('strike'), 'a')?.ref).toBe('a')
    expect(backend.runOne(p('strike'), 'b')).toBeUndefined()
    expect(backend.runOne(p('strike'), 'zz')).toBeUndefined()
  })
})
