/**
 * The archive service: the one object the CLI and the Electron shell call.
 * Plain Node (no electron import). Opens an archive folder with its index from the data folder,
 * brings the index up to date with the files (only what changed is read), and searches it.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { buildDocument, contentHash, type Document } from './archive/document'
import { scanArchive, errCode, type Skipped, DEFAULT_MAX_BYTES } from './archive/scan'
import { execute } from './search/execute'
import { IndexStore, type IndexedDocument, type Manifest } from './search/index-store'
import { planMerges, DEFAULT_MERGE_POLICY, type MergePolicyOptions } from './search/merge-policy'
import { lowerQuery } from './search/plan'
import { parseQuery } from './search/query'
import { Segment, type SegmentDoc } from './search/segment'
import { highlightSpans, makeSnippet } from './search/snippet'
import { acquireLock } from './store/lock'
import { archiveDataDir, defaultDataDir } from './store/paths'

export interface OpenOptions {
  /** where Dateline keeps index data (default: the platform's app-data folder or DATELINE_DATA) */
  dataDir?: string
  maxFileBytes?: number
  /** documents per newly built segment */
  segmentBatch?: number
  mergePolicy?: MergePolicyOptions
}

export interface IndexReport {
  documents: number
  added: number
  updated: number
  removed: number
  unchanged: number
  skipped: Skipped[]
  /** relative paths that were read and (re)processed in this run */
  processed: string[]
  segments: { built: number; merged: number; total: number }
  /** problems found in the stored index and repaired */
  repaired: string[]
  ms: number
}

export interface IndexProgress {
  phase: 'scan' | 'read' | 'index' | 'save'
  done: number
  total: number
  current?: string
}

export interface SearchOptions {
  limit?: number
  offset?: number
}

export interface SearchHit {
  id: string
  path: string
  title: string
  score: number
  snippet: string
}

export interface SearchResult {
  query: string
  total: number
  hits: SearchHit[]
  /** very common words left out of the search */
  ignored: string[]
  ms: number
}

export interface ArchiveStatus {
  archive: string
  dataDir: string
  documents: number
  segments: number
  indexed: boolean
}

const READ_CONCURRENCY = 8

export class ArchiveService {
  private manifest: Manifest
  private segments: Map<string, Segment>
  private problems: string[]
  private indexed: boolean
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    readonly archive: string,
    readonly dataDir: string,
    private readonly store: IndexStore,
    loaded: { manifest: Manifest; segments: Map<string, Segment>; problems: string[]; indexed: boolean },
    private readonly opts: Required<Omit<OpenOptions, 'dataDir'>>
  ) {
    this.manifest = loaded.manifest
    this.segments = loaded.segments
    this.problems = loaded.problems
    this.indexed = loaded.indexed
  }

  static async open(archiveDir: string, options: OpenOptions = {}): Promise<ArchiveService> {
    const archive = path.resolve(archiveDir)
    const dataDir = path.resolve(options.dataDir ?? defaultDataDir())
    const store = new IndexStore(archiveDataDir(dataDir, archive))
    const loaded = await store.load(archive)
    return new ArchiveService(archive, dataDir, store, { ...loaded, indexed: loaded.found }, {
      maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_BYTES,
      segmentBatch: options.segmentBatch ?? 5000,
      mergePolicy: options.mergePolicy ?? DEFAULT_MERGE_POLICY
    })
  }

  /** Where this archive's index lives. */
  get indexDir(): string {
    return this.store.dir
  }

  get documentCount(): number {
    return Object.keys(this.manifest.docs).length
  }

  /** True when an index was found on disk (and not damaged beyond repair) or built in this session. */
  get hasIndex(): boolean {
    return this.indexed && this.problems.length === 0
  }

  status(): ArchiveStatus {
    return { archive: this.archive, dataDir: this.dataDir, documents: this.documentCount, segments: this.segments.size, indexed: this.indexed }
  }

  documents(): IndexedDocument[] {
    return Object.values(this.manifest.docs)
  }

  /** Bring the index up to date with the archive folder. Only added/changed/removed files are read. */
  update(onProgress?: (p: IndexProgress) => void): Promise<IndexReport> {
    const run = this.queue.then(() => this.doUpdate(onProgress))
    this.queue = run.catch(() => {})
    return run
  }

  private async doUpdate(onProgress?: (p: IndexProgress) => void): Promise<IndexReport> {
    const t0 = performance.now()
    await this.store.ensureDir()
    const lock = await acquireLock(this.store.dir)
    try {
      await this.store.removeStrayFiles(new Set(this.manifest.segments))
      onProgress?.({ phase: 'scan', done: 0, total: 0 })
      const { files, skipped } = await scanArchive(this.archive, { exclude: [this.dataDir], maxBytes: this.opts.maxFileBytes })

      const manifest: Manifest = structuredClone(this.manifest)
      const byPath = new Map(Object.values(manifest.docs).map((d) => [d.path, d]))
      const seen = new Set<string>()
      const toIndex: Document[] = []
      const processed: string[] = []
      let added = 0
      let updated = 0
      let unchanged = 0
      let removed = 0
      const now = Date.now()

      const rejected = manifest.rejected
      manifest.rejected = {}
      const changed = files.filter((f) => {
        seen.add(f.path)
        const old = byPath.get(f.path)
        if (old && old.size === f.size && old.mtimeMs === f.mtimeMs) {
          unchanged++
          return false
        }
        const rej = rejected[f.path]
        if (rej && rej.size === f.size && rej.mtimeMs === f.mtimeMs) {
          skipped.push({ path: f.path, reason: rej.reason })
          manifest.rejected[f.path] = rej
          seen.delete(f.path)
          return false
        }
        return true
      })

      let done = 0
      await forEachLimit(changed, READ_CONCURRENCY, async (f) => {
        onProgress?.({ phase: 'read', done: done++, total: changed.length, current: f.path })
        const old = byPath.get(f.path)
        let bytes: Uint8Array
        try {
          bytes = await readFile(f.abs)
        } catch (err) {
          skipped.push({ path: f.path, reason: `unreadable (${errCode(err)})` })
          seen.delete(f.path)
          return
        }
        processed.push(f.path)
        if (old && old.hash === contentHash(bytes)) {
          // touched but not changed: refresh the metadata, keep the indexed document
          manifest.docs[old.id] = { ...old, size: f.size, mtimeMs: f.mtimeMs }
          updated++
          return
        }
        const built = buildDocument(f, bytes)
        if (!built.ok) {
          skipped.push({ path: f.path, reason: built.reason })
          manifest.rejected[f.path] = { size: f.size, mtimeMs: f.mtimeMs, reason: built.reason }
          seen.delete(f.path)
          return
        }
        toIndex.push(built.doc)
        if (old) updated++
        else added++
      })

      for (const [p, d] of byPath) {
        if (!seen.has(p)) {
          delete manifest.docs[d.id]
          removed++
        }
      }

      // New segments for new and changed documents (older versions become tombstones).
      toIndex.sort((a, b) => (a.path < b.path ? -1 : 1))
      const newSegments: Segment[] = []
      for (let i = 0; i < toIndex.length; i += this.opts.segmentBatch) {
        const batch = toIndex.slice(i, i + this.opts.segmentBatch)
        onProgress?.({ phase: 'index', done: i, total: toIndex.length })
        const seg = Segment.build(`s${manifest.nextSegment++}`, batch.map(segmentDoc))
        newSegments.push(seg)
        for (const d of batch) {
          const { text: _text, ...meta } = d
          manifest.docs[d.id] = { ...meta, segment: seg.id, indexedAt: manifest.docs[d.id]?.indexedAt ?? now }
        }
      }

      const segments = new Map(this.segments)
      for (const s of newSegments) segments.set(s.id, s)
      const liveCount = new Map<string, number>()
      for (const d of Object.values(manifest.docs)) liveCount.set(d.segment, (liveCount.get(d.segment) ?? 0) + 1)

      const plan = planMerges(
        [...segments.values()].map((s) => ({ id: s.id, size: s.size, live: liveCount.get(s.id) ?? 0 })),
        this.opts.mergePolicy
      )
      const obsolete = new Set(plan.drop)
      let merged = 0
      for (const group of plan.merges) {
        const docs: SegmentDoc[] = []
        for (const id of group) {
          const seg = segments.get(id)!
          for (const d of seg.docs.values()) if (manifest.docs[d.id]?.segment === id) docs.push(d)
          obsolete.add(id)
        }
        const seg = Segment.build(`s${manifest.nextSegment++}`, docs)
        newSegments.push(seg)
        segments.set(seg.id, seg)
        for (const d of docs) manifest.docs[d.id]!.segment = seg.id
        merged += group.length
      }
      for (const id of obsolete) segments.delete(id)
      manifest.segments = [...segments.keys()]

      onProgress?.({ phase: 'save', done: 0, total: newSegments.length })
      const written = newSegments.filter((s) => segments.has(s.id))
      for (const s of written) await this.store.writeSegment(s)
      await this.store.writeManifest(manifest)
      await this.store.deleteSegments([...obsolete].filter((id) => this.manifest.segments.includes(id)))

      this.manifest = manifest
      this.segments = segments
      const repaired = this.problems
      this.problems = []
      this.indexed = true
      return {
        documents: Object.keys(manifest.docs).length,
        added,
        updated,
        removed,
        unchanged,
        skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)),
        processed: processed.sort(),
        segments: { built: written.length, merged, total: segments.size },
        repaired,
        ms: Math.round(performance.now() - t0)
      }
    } finally {
      await lock.release()
    }
  }

  /** Search with the Dateline syntax (see query.ts). Throws QueryError for bad syntax. */
  search(query: string, opts: SearchOptions = {}): SearchResult {
    const t0 = performance.now()
    const { plan, ignored } = lowerQuery(parseQuery(query))
    const limit = Math.max(0, Math.min(opts.limit ?? 20, 1000))
    const offset = Math.max(0, opts.offset ?? 0)
    const docs = this.manifest.docs
    const matches = execute(plan, [...this.segments.values()], { isLive: (ref, seg) => docs[ref]?.segment === seg.id })
    matches.sort((a, b) => b.score - a.score || (docs[a.ref]!.path < docs[b.ref]!.path ? -1 : 1))
    const hits = matches.slice(offset, offset + limit).map((m): SearchHit => {
      const meta = docs[m.ref]!
      const doc = m.segment.docs.get(m.ref)!
      return {
        id: m.ref,
        path: meta.path,
        title: meta.title,
        score: Math.round(m.score * 1e4) / 1e4,
        snippet: makeSnippet(doc.text, highlightSpans(doc.text, m.terms, m.spans))
      }
    })
    return { query, total: matches.length, hits, ignored, ms: Math.round((performance.now() - t0) * 100) / 100 }
  }
}

function segmentDoc(d: Document): Omit<SegmentDoc, 'len'> {
  return { id: d.id, title: d.title, text: d.text }
}

async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!)
  })
  await Promise.all(workers)
}
