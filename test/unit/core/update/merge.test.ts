import { describe, expect, it } from 'vitest'
import { emptyManifest, type IndexedDocument } from '../../../../src-main/core/search/index-store'
import { DEFAULT_MERGE_POLICY } from '../../../../src-main/core/search/merge-policy'
import { Segment } from '../../../../src-main/core/search/segment'
import { mergeSegments } from '../../../../src-main/core/update/merge'
import { segmentDoc } from '../../segment-docs'

const meta = (id: string, segment: string): IndexedDocument => ({ id, path: `${id}.txt`, segment, size: 1, mtimeMs: 1, hash: id, encoding: 'utf-8', title: id, indexedAt: 0 })

describe('update: merging segments', () => {
  it('merges a full tier into one segment that the manifest then points to, and drops dead segments', () => {
    const segments = new Map<string, Segment>()
    const manifest = { ...emptyManifest('/a'), nextSegment: 20 }
    for (let i = 0; i < 10; i++) {
      const id = `s${i}`
      segments.set(id, Segment.build(id, [segmentDoc(`d${i}`, `Doc ${i}`, `text number ${i}`)]))
      manifest.docs[`d${i}`] = meta(`d${i}`, id)
    }
    segments.set('dead', Segment.build('dead', [segmentDoc('old', 'Old', 'replaced long ago')]))
    const fresh: Segment[] = []
    const { obsolete, merged } = mergeSegments(segments, manifest, fresh, DEFAULT_MERGE_POLICY)
    expect(merged).toBe(10)
    expect(fresh.map((s) => s.id)).toEqual(['s20'])
    expect([...obsolete].sort()).toEqual(['dead', ...Array.from({ length: 10 }, (_, i) => `s${i}`)].sort())
    expect(manifest.segments).toEqual(['s20'])
    expect(Object.values(manifest.docs).every((d) => d.segment === 's20')).toBe(true)
    expect(segments.get('s20')!.docs.get('d7')!.text).toBe('text number 7')
    expect(manifest.nextSegment).toBe(21)
  })
})
