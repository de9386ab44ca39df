import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyManifest, IndexStore } from '../../../../src-main/core/search/index-store'
import { Segment } from '../../../../src-main/core/search/segment'
import { commitIndex } from '../../../../src-main/core/update/commit'
import { segmentDoc } from '../../segment-docs'

describe('update: commit', () => {
  it('writes the new segments and the manifest, then deletes what the manifest no longer uses; a segment built and merged away is never written', async () => {
    const store = new IndexStore(mkdtempSync(path.join(tmpdir(), 'dateline-commit-')))
    await store.ensureDir()
    const old = Segment.build('s1', [segmentDoc('a', 'A', 'alpha text')])
    await store.writeSegment(old)
    const previous = { ...emptyManifest('/x'), segments: ['s1'], nextSegment: 2 }
    await store.writeManifest(previous, emptyManifest('/x'))
    const transient = Segment.build('s2', [segmentDoc('b', 'B', 'beta text')])
    const merged = Segment.build('s3', [segmentDoc('a', 'A', 'alpha text'), segmentDoc('b', 'B', 'beta text')])
    const next = { ...previous, segments: ['s3'], nextSegment: 4 }
    const written = await commitIndex(store, { manifest: next, segments: new Map([['s3', merged]]) }, previous, [transient, merged], new Set(['s1', 's2']))
    expect(written).toBe(1)
    expect(existsSync(store.segmentPath('s3'))).toBe(true)
    expect(existsSync(store.segmentPath('s2'))).toBe(false)
    expect(existsSync(store.segmentPath('s1'))).toBe(false)
    const loaded = await store.load('/x')
    expect(loaded.manifest.segments).toEqual(['s3'])
    expect([...loaded.segments.keys()]).toEqual(['s3'])
  })
})
