/**
 * Stage 2 of an update, after the scan: which files need reading. A file whose size and mtime
 * match the manifest is unchanged and not opened; one refused before with the same size and
 * mtime is refused again without reading. The result is the update's working state, which the
 * later stages fill in.
 */
import { fileOf } from '../archive/document'
import type { FileEntry, Skipped } from '../archive/scan'
import type { IndexedDocument, Manifest } from '../search/index-store'

/** One update's working state: a copy of the manifest being changed, and the tallies of the report. */
export interface UpdateTally {
  manifest: Manifest
  /** the documents before this update, by path */
  byPath: Map<string, IndexedDocument>
  /** the same, by the file they were read from (a container's articles under its path) */
  byFile: Map<string, IndexedDocument[]>
  /** paths found in the folder that stay in the index */
  seen: Set<string>
  /** articles a re-read container no longer holds */
  dropped: IndexedDocument[]
  skipped: Skipped[]
  /** articles indexed with a limit on their analysis (report.notes) */
  notes: Skipped[]
  processed: string[]
  added: number
  updated: number
  unchanged: number
  /** documents of files read again whose bytes had not changed (touched, restored, a link added or removed): only their times were refreshed */
  refreshed: number
  removed: number
}

export function diffScan(
  current: Manifest,
  files: readonly FileEntry[],
  skipped: Skipped[],
  covered: (path: string) => boolean
): { tally: UpdateTally; changed: FileEntry[] } {
  // a working copy: entries are replaced, never changed in place, so copying the maps is enough
  // (a deep clone of 100,000 entries cost half a second per update)
  const manifest: Manifest = { ...current, segments: [...current.segments], docs: { ...current.docs }, rejected: { ...current.rejected } }
  const tally: UpdateTally = {
    manifest,
    byPath: new Map(Object.values(manifest.docs).map((d) => [d.path, d])),
    byFile: new Map(),
    seen: new Set(),
    dropped: [],
    skipped,
    notes: [],
    processed: [],
    added: 0,
    updated: 0,
    unchanged: 0,
    refreshed: 0,
    removed: 0
  }
  for (const d of tally.byPath.values()) {
    const f = fileOf(d)
    const list = tally.byFile.get(f)
    if (list) list.push(d)
    else tally.byFile.set(f, [d])
  }
  const rejected = manifest.rejected
  manifest.rejected = {}
  for (const [p, r] of Object.entries(rejected)) if (!covered(p)) manifest.rejected[p] = r
  const changed = files.filter((f) => {
    tally.seen.add(f.path)
    const old = tally.byFile.get(f.path)?.[0]
    // same size and mtime, and the change time too where the index knows it: an editor or a script
    // that restores the mtime after an edit of the same length still moves the change time (the
    // file is then read again; unchanged bytes keep the indexed documents, only the times refresh)
    if (old && old.size === f.size && old.mtimeMs === f.mtimeMs && (old.ctimeMs === undefined || f.ctimeMs === undefined || old.ctimeMs === f.ctimeMs)) {
      tally.unchanged += tally.byFile.get(f.path)!.length
      return false
    }
    const rej = rejected[f.path]
    if (rej && rej.size === f.size && rej.mtimeMs === f.mtimeMs) {
      skipped.push({ path: f.path, reason: rej.reason })
      manifest.rejected[f.path] = rej
      tally.seen.delete(f.path)
      return false
    }
    return true
  })
  changed.sort((a, b) => (a.path < b.path ? -1 : 1))
  return { tally, changed }
}
