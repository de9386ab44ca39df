/**
 * Stage 3: read a batch of changed files. A file touched but not changed (same hash) only has its
 * metadata refreshed; an unreadable or refused file becomes a reason in the report; the rest
 * become Documents for analysis, in path order.
 */
import { buildDocument, contentHash, type Document } from '../archive/document'
import { realFolder } from '../archive/inside'
import { readArchiveFile } from '../archive/read-file'
import type { FileEntry } from '../archive/scan'
import type { UpdateTally } from './diff'

const READ_CONCURRENCY = 8

export async function readChanged(batch: readonly FileEntry[], tally: UpdateTally, stopIfCancelled: () => void, maxBytes = Number.MAX_SAFE_INTEGER, archive?: string): Promise<Document[]> {
  const { manifest, byPath, skipped, seen, processed } = tally
  const docs: Document[] = []
  const within = archive === undefined ? undefined : await realFolder(archive)
  await forEachLimit(batch, READ_CONCURRENCY, async (f) => {
    stopIfCancelled()
    const old = byPath.get(f.path)
    const read = await readArchiveFile(f.abs, maxBytes, within)
    if (!read.ok) {
      // a file that cannot be read now (locked, permissions changed) keeps the version indexed before
      const keep = old !== undefined && read.reason.startsWith('unreadable') && !read.reason.includes('no longer exists')
      skipped.push({ path: f.path, reason: keep ? `${read.reason}; the version indexed before is kept` : read.reason })
      if (!keep) seen.delete(f.path)
      return
    }
    const bytes = read.bytes
    processed.push(f.path)
    if (old && old.hash === contentHash(bytes)) {
      // touched but not changed: refresh the metadata, keep the indexed document
      manifest.docs[old.id] = { ...old, size: f.size, mtimeMs: f.mtimeMs }
      tally.updated++
      return
    }
    const built = buildDocument(f, bytes)
    if (!built.ok) {
      skipped.push({ path: f.path, reason: built.reason })
      manifest.rejected[f.path] = { size: f.size, mtimeMs: f.mtimeMs, reason: built.reason }
      seen.delete(f.path)
      return
    }
    docs.push(built.doc)
    if (old) tally.updated++
    else tally.added++
  })
  return docs.sort((a, b) => (a.path < b.path ? -1 : 1))
}

async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!)
  })
  await Promise.all(workers)
}
