import { describe, expect, it } from 'vitest'
import type { Document } from '../../../../src-main/core/archive/document'
import { emptyManifest } from '../../../../src-main/core/search/index-store'
import { buildSegment } from '../../../../src-main/core/update/build'
import { segmentDoc } from '../../segment-docs'

const doc = (id: string, text: string): Document => ({ id, path: `${id}.txt`, size: text.length, mtimeMs: 1, hash: id, encoding: 'utf-8', title: id, text })

describe('update: build a segment', () => {
  it('builds the next segment, points the documents to it, keeps when each entered the index, and lets the text go', () => {
    const manifest = { ...emptyManifest('/x'), nextSegment: 7 }
    manifest.docs['a'] = { ...doc('a', 'old'), segment: 's1', indexedAt: 111 }
    const batch = [doc('a', 'alpha text'), doc('b', 'beta text')]
    const seg = buildSegment(manifest, batch, batch.map((d) => segmentDoc(d.id, d.title, d.text)), 999)
    expect(seg.id).toBe('s7')
    expect(manifest.nextSegment).toBe(8)
    expect(manifest.docs['a']).toMatchObject({ segment: 's7', indexedAt: 111 })
    expect(manifest.docs['b']).toMatchObject({ segment: 's7', indexedAt: 999 })
    expect('text' in manifest.docs['b']!).toBe(false)
    expect(batch.every((d) => d.text === '')).toBe(true)
    expect(seg.docs.get('b')!.text).toBe('beta text')
  })
})
