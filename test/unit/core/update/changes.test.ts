import { describe, expect, it } from 'vitest'
import type { IndexedDocument } from '../../../../src-main/core/search/index-store'
import { describeChanges } from '../../../../src-main/core/update/changes'

const doc = (path: string, hash: string): IndexedDocument => ({ id: path, path, segment: 's1', size: 1, mtimeMs: 1, hash, encoding: 'utf-8', title: path, indexedAt: 0 })

describe('update: what changed, path by path', () => {
  it('reports a removed file and an added one with the same content as a rename', () => {
    const before = new Map([['old/name.txt', doc('old/name.txt', 'h1')], ['kept.txt', doc('kept.txt', 'h2')], ['gone.txt', doc('gone.txt', 'h3')]])
    const changes = describeChanges(
      [{ path: 'new/name.txt', hash: 'h1' }, { path: 'kept.txt', hash: 'h9' }, { path: 'fresh.txt', hash: 'h4' }],
      [before.get('old/name.txt')!, before.get('gone.txt')!],
      before
    )
    expect(changes).toEqual([
      { kind: 'added', path: 'fresh.txt' },
      { kind: 'removed', path: 'gone.txt' },
      { kind: 'changed', path: 'kept.txt' },
      { kind: 'renamed', path: 'new/name.txt', from: 'old/name.txt' }
    ])
  })

  it('pairs each removed copy with at most one addition', () => {
    const gone = [doc('a.txt', 'h'), doc('b.txt', 'h')]
    const changes = describeChanges([{ path: 'c.txt', hash: 'h' }], gone, new Map(gone.map((d) => [d.path, d])))
    expect(changes).toEqual([{ kind: 'removed', path: 'b.txt' }, { kind: 'renamed', path: 'c.txt', from: 'a.txt' }])
  })
})
