/**
 * Import a batch of dropped files into the archive folder. Every file is judged on its own: a bad
 * one gets a reason and the rest go on. Each accepted file is read once, checked by the same
 * reader the index uses (so nothing is copied that the index would refuse), compared by content
 * hash with what the archive already holds, and copied into place atomically (copy.ts).
 * Cancellation stops before the next file; files already copied stay and are indexed.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { contentHash, readDocuments, type IsolatedRead } from '../archive/document'
import { sizeLimitFor, tooLargeReason } from '../archive/scan'
import type { DocumentReader } from '../formats/registry'
import { syncDir } from '../store/atomic'
import { collectSources, reasonFor, type Rejection } from './collect'
import { copyIntoPlace, realCopyFs, type CopyFs } from './copy'
import { ImportFolders } from './folders'
import { realFolder } from '../archive/inside'
import { portableName } from './names'

export interface ImportedFile {
  from: string
  /** path of the copy, relative to the archive */
  to: string
  /** why the copy's name differs from the original's, besides a " (2)" suffix */
  renamed?: string
}

export interface DuplicateFile {
  from: string
  /** the archive file (relative path) that already has exactly this content */
  existing: string
}

export interface ImportProgress {
  phase: 'collect' | 'copy' | 'index'
  done: number
  total: number
  bytes: number
  totalBytes: number
  current?: string
}

export interface ImportOutcome {
  imported: ImportedFile[]
  duplicates: DuplicateFile[]
  rejected: Rejection[]
  /** true when stopped by the caller; `notStarted` files were left untouched */
  cancelled: boolean
  notStarted: number
}

export interface ImportRun {
  archive: string
  /** destination folder relative to the archive, forward slashes */
  target: string
  maxBytes: number
  /** content hash → relative path, for every file the archive already holds */
  known: Map<string, string>
  exclude?: string[]
  readers?: DocumentReader[]
  /** reads the heavy formats in the reader thread (update/read.ts isolatedReader) */
  isolate?: IsolatedRead
  signal?: AbortSignal
  onProgress?: (p: ImportProgress) => void
  /** called after each file lands, with its outcome (for streaming output) */
  onFile?: (outcome: { imported: ImportedFile } | { duplicate: DuplicateFile } | { rejected: Rejection }) => void
  concurrency?: number
  fs?: CopyFs
}

export async function runImport(sources: readonly string[], run: ImportRun): Promise<ImportOutcome> {
  run.onProgress?.({ phase: 'collect', done: 0, total: 0, bytes: 0, totalBytes: 0 })
  const { files, rejected } = await collectSources(sources, { maxBytes: run.maxBytes, readers: run.readers, exclude: run.exclude })
  const imported: ImportedFile[] = []
  const duplicates: DuplicateFile[] = []
  for (const r of rejected) run.onFile?.({ rejected: r })
  const totalBytes = files.reduce((n, f) => n + f.size, 0)
  const targetParts = run.target.split('/').filter(Boolean)
  const folders = new ImportFolders(await realFolder(run.archive))
  // content hash → the path holding it, or the copy in flight that will hold it
  const claims = new Map<string, Promise<string | null>>()
  for (const [hash, rel] of run.known) claims.set(hash, Promise.resolve(rel))
  const touchedDirs = new Set<string>()
  let done = 0
  let bytes = 0
  let next = 0
  let cancelled = false

  const reject = (from: string, reason: string) => {
    const r = { from, reason }
    rejected.push(r)
    run.onFile?.({ rejected: r })
  }

  // Claims on a content hash are taken in listing order (reads finish in any order), so which of
  // two identical files is copied and which is "the duplicate" does not depend on timing.
  let turn: Promise<void> = Promise.resolve()

  async function one(f: (typeof files)[number]): Promise<void> {
    const myTurn = turn
    let done_!: () => void // ends this file's turn (idempotent)
    turn = new Promise((r) => (done_ = r))
    try {
      await claimAndCopy(f, myTurn, done_)
    } finally {
      // never let a later file claim before an earlier one, even when this one stopped early
      void myTurn.then(done_)
    }
  }

  async function claimAndCopy(f: (typeof files)[number], myTurn: Promise<void>, endTurn: () => void): Promise<void> {
    run.onProgress?.({ phase: 'copy', done, total: files.length, bytes, totalBytes, current: f.from })
    let data: Uint8Array
    try {
      data = await readFile(f.from)
    } catch (err) {
      return reject(f.from, reasonFor(err))
    }
    // the file may have grown since it was listed
    const limit = sizeLimitFor(f.from, run.maxBytes)
    if (data.length > limit) return reject(f.from, tooLargeReason(data.length, limit))
    const parts = f.rel.split('/').map((p) => portableName(p))
    const rel = parts.map((p) => p.name).join('/')
    const hash = contentHash(data)
    const checked = await readDocuments({ path: rel, size: data.length, mtimeMs: f.mtimeMs }, data, { readers: run.readers, isolate: run.isolate, hash })
    if (!checked.ok) return reject(f.from, checked.reason)
    await myTurn
    const claim = claims.get(hash)
    if (claim) {
      const existing = await claim
      if (existing !== null) {
        const d = { from: f.from, existing }
        duplicates.push(d)
        run.onFile?.({ duplicate: d })
        return
      }
    }
    let settle!: (p: string | null) => void
    claims.set(hash, new Promise((r) => (settle = r)))
    endTurn()
    try {
      const folder = await folders.ensure([...targetParts, ...parts.slice(0, -1).map((p) => p.name)])
      if (!folder.ok) {
        settle(null)
        return reject(f.from, folder.reason)
      }
      const dir = folder.dir
      const dest = await copyIntoPlace({ dir, name: parts[parts.length - 1]!.name, bytes: data, mtimeMs: f.mtimeMs }, run.fs ?? realCopyFs)
      const to = path.relative(folders.root, dest).split(path.sep).join('/')
      settle(to)
      touchedDirs.add(dir)
      const renamed = parts.find((p) => p.changed)?.changed
      const item: ImportedFile = renamed ? { from: f.from, to, renamed } : { from: f.from, to }
      imported.push(item)
      run.onFile?.({ imported: item })
    } catch (err) {
      settle(null)
      reject(f.from, reasonFor(err))
    } finally {
      bytes += f.size
    }
  }

  async function worker(): Promise<void> {
    while (next < files.length) {
      if (run.signal?.aborted) {
        cancelled = true
        return
      }
      const f = files[next++]!
      await one(f)
      done++
      run.onProgress?.({ phase: 'copy', done, total: files.length, bytes, totalBytes })
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, run.concurrency ?? 4) }, worker))
  // make the new names durable before they are reported as imported
  for (const dir of touchedDirs) await syncDir(dir)
  const byFrom = (a: { from: string }, b: { from: string }) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)
  return { imported: imported.sort(byFrom), duplicates: duplicates.sort(byFrom), rejected: rejected.sort(byFrom), cancelled, notStarted: files.length - next }
}
