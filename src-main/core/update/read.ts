/**
 * Stage 3: read a batch of changed files. A file touched but not changed (same hash) only has its
 * metadata refreshed; an unreadable or refused file becomes a reason in the report; the rest
 * become Documents for analysis, in path order. A changed container (a mailbox, an export) gives
 * for analysis only the articles whose text or metadata changed; those it no longer holds are
 * dropped.
 */
import path from 'node:path'
import { readerFor } from '../formats/registry'
import { contentHash, readDocuments, type Document, type IsolatedRead } from '../archive/document'
import { realFolder } from '../archive/inside'
import { readArchiveFile } from '../archive/read-file'
import { sizeLimitFor, type FileEntry } from '../archive/scan'
import type { ArchiveContext } from '../archive/context'
import { ReaderThread } from '../workers/reader'
import type { UpdateTally } from './diff'

const READ_CONCURRENCY = 8

export async function readChanged(
  batch: readonly FileEntry[],
  tally: UpdateTally,
  stopIfCancelled: () => void,
  maxBytes = Number.MAX_SAFE_INTEGER,
  archive?: string,
  isolate?: IsolatedRead,
  /** told as a file of a heavy format starts being read (a 200-page PDF takes seconds): progress per file */
  onFile?: (path: string) => void
): Promise<Document[]> {
  const { manifest, byFile, skipped, seen, processed } = tally
  const docs: Document[] = []
  const within = archive === undefined ? undefined : await realFolder(archive)
  await forEachLimit(batch, READ_CONCURRENCY, async (f) => {
    stopIfCancelled()
    const olds = byFile.get(f.path) ?? []
    const read = await readArchiveFile(f.abs, sizeLimitFor(f.path, maxBytes), within)
    if (!read.ok) {
      // a file that cannot be read now (locked, permissions changed) keeps the version indexed before
      const keep = olds.length > 0 && read.reason.startsWith('unreadable') && !read.reason.includes('no longer exists')
      skipped.push({ path: f.path, reason: keep ? `${read.reason}; the version indexed before is kept` : read.reason })
      if (!keep) seen.delete(f.path)
      return
    }
    const bytes = read.bytes
    processed.push(f.path)
    const fileHash = contentHash(bytes)
    if (olds.length && olds.every((o) => (o.fileHash ?? o.hash) === fileHash)) {
      // touched but not changed: refresh the metadata, keep the indexed documents
      for (const old of olds) manifest.docs[old.id] = { ...old, size: f.size, mtimeMs: f.mtimeMs, ...times(f) }
      tally.refreshed += olds.length
      return
    }
    if (onFile && readerFor(path.extname(f.path))?.isolated) onFile(f.path)
    const built = await readDocuments(f, bytes, { isolate, hash: fileHash })
    if (!built.ok) {
      skipped.push({ path: f.path, reason: built.reason })
      manifest.rejected[f.path] = { size: f.size, mtimeMs: f.mtimeMs, reason: built.reason }
      seen.delete(f.path)
      return
    }
    const oldByPath = new Map(olds.map((o) => [o.path, o]))
    for (const d of built.docs) {
      const old = oldByPath.get(d.path)
      oldByPath.delete(d.path)
      if (old && old.hash === d.hash && built.container) {
        // the same article in a changed container: not analysed again
        manifest.docs[old.id] = { ...old, size: f.size, mtimeMs: f.mtimeMs, ...times(f), fileHash: d.fileHash }
        tally.unchanged++
        continue
      }
      docs.push(d)
      if (old) tally.updated++
      else tally.added++
    }
    // the articles it no longer holds (a plain file read as a container now, or the reverse, too)
    tally.dropped.push(...oldByPath.values())
  })
  return docs.sort((a, b) => (a.path < b.path ? -1 : 1))
}

/**
 * The heavy formats are read in the archive's reader thread (started on the first such file) when
 * worker threads are allowed; else on this thread (tests, an environment without workers).
 */
export function isolatedReader(ctx: ArchiveContext, signal?: AbortSignal, memo?: 'keep' | 'take'): IsolatedRead | undefined {
  if (!ctx.opts.workers) return undefined
  return async (ext, bytes, hash) => {
    // an import reads a file to check it before copying; the update that indexes the copy right
    // after takes that reading instead of parsing the same bytes again
    const key = `${ext}:${hash}`
    if (memo === 'take') {
      const kept = ctx.readMemo.get(key)
      if (kept) {
        ctx.readMemo.delete(key)
        return kept
      }
    }
    const r = await readerThread(ctx).read(ext, bytes, signal)
    if (memo === 'keep' && r.ok) {
      if (ctx.readMemo.size >= READ_MEMO_MAX) ctx.readMemo.delete(ctx.readMemo.keys().next().value!)
      ctx.readMemo.set(key, r)
    }
    return r
  }
}

/** Readings an import keeps for the update after it (a cancelled import's are let go oldest first). */
const READ_MEMO_MAX = 2000

/** The archive's reader thread, started on first use. */
export function readerThread(ctx: ArchiveContext): ReaderThread {
  return (ctx.reader ??= new ReaderThread(ctx.opts.workerScript || undefined))
}

async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!)
  })
  await Promise.all(workers)
}

/** The change time to keep with a document, when the scan gave one. */
function times(f: FileEntry): { ctimeMs?: number } {
  return f.ctimeMs !== undefined ? { ctimeMs: f.ctimeMs } : {}
}
