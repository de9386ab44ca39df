/**
 * Stage 6: documents whose files are gone leave the manifest, and the update's changes are
 * described path by path, a removed and an added file of identical content as a rename.
 */
import { fileOf } from '../archive/document'
import type { IndexedDocument } from '../search/index-store'
import type { UpdateTally } from './diff'
import type { FileChange } from './types'

/**
 * Drop the documents of the covered files that the scan no longer found, and the articles a
 * container no longer holds (read.ts listed them in `tally.dropped`); returns them.
 */
export function removeGone(tally: UpdateTally, covered: (path: string) => boolean): IndexedDocument[] {
  const gone: IndexedDocument[] = []
  for (const d of tally.dropped) {
    delete tally.manifest.docs[d.id]
    gone.push(d)
    tally.removed++
  }
  const dropped = new Set(tally.dropped)
  for (const d of tally.byPath.values()) {
    const f = fileOf(d)
    if (!dropped.has(d) && !tally.seen.has(f) && covered(f)) {
      delete tally.manifest.docs[d.id]
      gone.push(d)
      tally.removed++
    }
  }
  return gone
}

export function describeChanges(indexed: ReadonlyArray<{ path: string; hash: string }>, gone: readonly IndexedDocument[], before: Map<string, IndexedDocument>): FileChange[] {
  const goneByHash = new Map<string, IndexedDocument[]>()
  for (const d of gone) goneByHash.set(d.hash, [...(goneByHash.get(d.hash) ?? []), d])
  const renamedFrom = new Set<string>()
  const changes: FileChange[] = []
  for (const d of indexed) {
    if (before.has(d.path)) {
      changes.push({ kind: 'changed', path: d.path })
      continue
    }
    const src = goneByHash.get(d.hash)?.shift()
    if (src) {
      renamedFrom.add(src.path)
      changes.push({ kind: 'renamed', path: d.path, from: src.path })
    } else changes.push({ kind: 'added', path: d.path })
  }
  for (const d of gone) if (!renamedFrom.has(d.path)) changes.push({ kind: 'removed', path: d.path })
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
