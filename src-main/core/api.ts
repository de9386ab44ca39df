/**
 * The archive service: the one object the CLI and the Electron shell call.
 * Plain Node (no electron import). Opens an archive folder with its index from the data folder,
 * brings the index up to date with the files (only what changed is read), and searches it.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { buildDocument, contentHash, type Document } from './archive/document'
import { scanArchive, scanPaths, inScope, normalizeScope, errCode, type FileEntry, type Skipped, DEFAULT_MAX_BYTES } from './archive/scan'
import { loadCuration, parseCuration, saveCuration, type CurationFile, type CurationOp } from './entities/curation'
import { analyzeDocument, warmUpAnalysis } from './analyze'
import { AnalyzePool } from './workers/pool'
import { batchRanges, READ_CHUNK } from './workers/batches'
import { parseYmd } from './dates/calendar'
import { resolvePublication, statedDay, type Published } from './dates/publication'
import { loadUserDates, saveUserDates, userDateLookup, type UserDatesFile } from './dates/user-dates'
import { passages as findPassages, overlap } from './stories/compare'
import { groupStories, type Story, type StoryRole } from './stories/group'
import { StoryLinks, type LinkDoc, type LinksChange, type LinksFile, type SyncStats } from './stories/links'
import { shingle } from './stories/shingles'
import { countFacets, type Facets } from './entities/facets'
import { EntityRegistry, type EntityRecord, type EntitySegment } from './entities/registry'
import { isEntityType, type Entity, type EntityType, type Span } from './entities/types'
import { DatelineError } from './errors'
import { execute, type Match } from './search/execute'
import { IndexStore, type IndexedDocument, type Manifest } from './search/index-store'
import { planMerges, DEFAULT_MERGE_POLICY, type MergePolicyOptions } from './search/merge-policy'
import { lowerQuery } from './search/plan'
import { parseQuery } from './search/query'
import { Segment, type NewSegmentDoc, type SegmentDoc } from './search/segment'
import { topK } from './search/top'
import { highlightSpans, makeSnippet } from './search/snippet'
import { buildTimeline, density, filterTimeline, type Density, type DensityUnit, type TimelineDoc, type TimelineEvent } from './timeline/build'
import { Journal, type JournalEntry } from './store/journal'
import { runImport, type DuplicateFile, type ImportedFile, type ImportProgress } from './import/run'
import type { Rejection } from './import/collect'
import { removeOrphanedImports } from './import/temp'
import { access, constants as fsConstants, stat } from 'node:fs/promises'
import { acquireLock } from './store/lock'
import { foldWord } from './text/fold'
import { archiveDataDir, defaultDataDir } from './store/paths'

export interface OpenOptions {
  /** where Dateline keeps index data (default: the platform's app-data folder or DATELINE_DATA) */
  dataDir?: string
  maxFileBytes?: number
  /** documents per newly built segment */
  segmentBatch?: number
  /** analyse large batches in worker threads, one per core (default true) */
  workers?: boolean
  /** the built worker script (the app's bundle); from source, the TypeScript worker is used */
  workerScript?: string
  mergePolicy?: MergePolicyOptions
  /** phrase candidates checked per search beyond the page asked for (default 2,000) */
  phraseCheckBudget?: number
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
  /** what changed in the index, path by path (a removal and an addition with the same content is a rename) */
  changes: FileChange[]
  segments: { built: number; merged: number; total: number }
  /** problems found in the stored index and repaired */
  repaired: string[]
  /** story linking work: documents linked, candidate pairs from the sample index, pairs compared in full */
  stories: SyncStats
  /** worker threads that analysed documents (0: analysed on the calling thread) */
  workers: number
  ms: number
}

export type FileChange =
  | { kind: 'added' | 'changed' | 'removed'; path: string }
  | { kind: 'renamed'; path: string; from: string }

export interface IndexProgress {
  phase: 'scan' | 'read' | 'index' | 'save'
  done: number
  total: number
  current?: string
}

export interface SearchOptions {
  limit?: number
  offset?: number
  /** only documents mentioning every one of these entities (ids, older ids or merge keys) */
  entities?: string[]
  /** leave out documents mentioning any of these */
  excludeEntities?: string[]
  /** entries per type in the facets (default 10, 0 = no facets) */
  facetLimit?: number
  /** relevance (default) or publication date, newest first (unknown dates last) */
  sort?: 'relevance' | 'date'
  /** give each hit its publication date */
  dates?: boolean
  /** only documents reporting an event dated within this window (YYYY-MM-DD, inclusive): the timeline's brush */
  eventsFrom?: string
  eventsTo?: string
  /** phrase checks for this search (default: the archive's phraseCheckBudget); fewer answer sooner with a rougher "about N" */
  phraseCheckBudget?: number
}

export interface SearchHit {
  id: string
  path: string
  title: string
  score: number
  snippet: string
  /** publication date ("2015-10-30", "2015-10", "2015") when asked for with `dates`; null when unknown */
  published?: string | null
}

export interface SearchResult {
  query: string
  total: number
  hits: SearchHit[]
  /** very common words left out of the search */
  ignored: string[]
  /** entities mentioned by the matching documents, with document counts */
  facets: Facets
  ms: number
  /**
   * The total is an estimate: a phrase had more candidates than one search checks, so the
   * best-scoring ones were checked (every hit shown is a real match) and the rest estimated from
   * them; the facets count the checked matches.
   */
  approximate?: boolean
}

export interface EntityQuery {
  type?: EntityType
  /** part of a name or alias (case- and accent-insensitive) */
  query?: string
  limit?: number
  sort?: 'count' | 'name'
  includeHidden?: boolean
}

export interface EntityView extends Entity {
  hidden?: boolean
}

export interface DocumentView {
  id: string
  path: string
  title: string
  length: number
  text: string
  entities: Array<{ id: string; type: EntityType; name: string; mentions: Span[] }>
  published: Published
  /** the story this document belongs to, or null when no other document shares its text */
  story: DocumentStory | null
}

export interface StoryMemberView {
  id: string
  path: string
  title: string
  role: StoryRole
  /** path of the member this one was taken from (absent for the original) */
  of?: string
  similarity: number
  containment: number
  published: string | null
}

export interface StoryView {
  id: string
  original: string
  members: StoryMemberView[]
}

export interface DocumentStory {
  id: string
  role: StoryRole
  of?: string
  similarity: number
  containment: number
  members: number
}

export interface PassageView {
  a: { path: string; start: number; end: number; text: string }
  b: { path: string; start: number; end: number; text: string }
}

export interface ReuseView {
  a: string
  b: string
  /** share of a's text found in b, and of b's in a */
  aInB: number
  bInA: number
  similarity: number
  passages: PassageView[]
}

export type CurationRequest =
  | { op: 'merge'; ids: string[]; name?: string }
  | { op: 'rename'; id: string; name: string }
  | { op: 'retype'; id: string; type: EntityType }
  | { op: 'hide'; id: string }
  | { op: 'unhide'; id: string }

export interface TimelineOptions {
  /** only events reported by documents matching this search */
  query?: string
  /** only events whose places or actors include every one of these entities */
  entities?: string[]
  /** only dated events overlapping this window (YYYY-MM-DD, inclusive) */
  from?: string
  to?: string
  /** at most this many dated events (default all) */
  limit?: number
  density?: DensityUnit
}

export interface TimelineResult {
  /** dated events, in time order */
  events: TimelineEvent[]
  /** events with no date in their text (placed no later than their report) */
  undatedEvents: TimelineEvent[]
  /** events dated relative to a publication date that is unknown ("last week" in an undated article) */
  unresolvedEvents: TimelineEvent[]
  undated: number
  unresolved: number
  density: Density
  /** names of the places and actors the events refer to */
  entities: Record<string, { name: string; type: EntityType }>
  ms: number
}

export interface ImportOptions {
  /** destination folder inside the archive; "{date}" becomes today's date (default "Imported/{date}") */
  target?: string
  signal?: AbortSignal
  onProgress?: (p: ImportProgress) => void
  /** each file's outcome as soon as it is known */
  onFile?: Parameters<typeof runImport>[1]['onFile']
  /** how copies are written (injected by tests to simulate failures) */
  fs?: Parameters<typeof runImport>[1]['fs']
}

export interface ImportReport {
  imported: ImportedFile[]
  duplicates: DuplicateFile[]
  rejected: Rejection[]
  cancelled: boolean
  /** files not looked at because the import was cancelled */
  notStarted: number
  /** documents in the archive after the import */
  documents: number
  /** time from the first copy to the new files being searchable */
  ms: number
}

export const DEFAULT_IMPORT_TARGET = 'Imported/{date}'

export interface ArchiveStatus {
  archive: string
  dataDir: string
  documents: number
  segments: number
  indexed: boolean
}

const READ_CONCURRENCY = 8
/** phrase candidates checked per search beyond the page asked for (~20 µs each: about 40 ms) */
const PHRASE_CHECK_BUDGET = 2000
/**
 * Analysis moves to worker threads for batches this large: each worker first loads the tagger
 * model and gazetteer (~1.5 s), which only pays off for about a thousand files; once the workers
 * are running, smaller batches go to them too.
 */
const WORKER_MIN_BATCH = { cold: 1000, warm: 64 }
/** the user's entity corrections, next to (not inside) the index files */
const CURATION_FILE = 'curation.json'
/** publication dates the user set */
const USER_DATES_FILE = 'dates.json'
/** text-reuse links between documents, kept incrementally */
const STORIES_FILE = 'stories.json'
const STORIES_LOG = 'stories.log'

interface StoryCache {
  stories: Story[]
  byDoc: Map<string, { story: Story; index: number }>
  published: Map<string, Published>
}

export class ArchiveService {
  private manifest: Manifest
  private segments: Map<string, Segment>
  private liveMasks = new WeakMap<Segment, { manifest: Manifest; mask: Uint8Array }>()
  private problems: string[]
  private indexed: boolean
  private queue: Promise<unknown> = Promise.resolve()
  private registryCache: EntityRegistry | undefined
  private storyCache: StoryCache | undefined
  private timelineCache: { registry: EntityRegistry; stories: StoryCache; events: TimelineEvent[] } | undefined
  /** a full reconciliation with the folder has run in this session (imports can then look only at their target) */
  private fullyReconciled = false
  private pool: AnalyzePool | undefined
  private poolFailed = false

  private constructor(
    readonly archive: string,
    readonly dataDir: string,
    private readonly store: IndexStore,
    loaded: { manifest: Manifest; segments: Map<string, Segment>; problems: string[]; indexed: boolean },
    private curation: CurationFile,
    private userDates: UserDatesFile,
    private readonly links: StoryLinks,
    private readonly storiesJournal: Journal<LinksFile, StoriesChange>,
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
    const curation = await loadCuration(path.join(store.dir, CURATION_FILE))
    const userDates = await loadUserDates(path.join(store.dir, USER_DATES_FILE))
    const { links, journal: storiesJournal } = await loadStoryLinks(store.dir)
    return new ArchiveService(archive, dataDir, store, { ...loaded, indexed: loaded.found }, curation, userDates, links, storiesJournal, {
      maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_BYTES,
      segmentBatch: options.segmentBatch ?? 5000,
      workers: options.workers ?? true,
      workerScript: options.workerScript ?? '',
      mergePolicy: options.mergePolicy ?? DEFAULT_MERGE_POLICY,
      phraseCheckBudget: options.phraseCheckBudget ?? PHRASE_CHECK_BUDGET
    })
  }

  /** Stop the analysis workers (the archive stays usable; they restart when needed). */
  async close(): Promise<void> {
    const pool = this.pool
    this.pool = undefined
    await pool?.close()
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
  /** `signal` cancels before anything is written: the index stays as it was. */
  update(onProgress?: (p: IndexProgress) => void, signal?: AbortSignal): Promise<IndexReport> {
    return this.enqueue(() => this.doUpdate(onProgress, undefined, signal))
  }

  /**
   * Bring only these archive paths (relative; files or folders) up to date: what the live watcher
   * and imports use, so one new file costs one file's work and not a listing of the whole archive.
   */
  updatePaths(paths: readonly string[], onProgress?: (p: IndexProgress) => void): Promise<IndexReport> {
    return this.enqueue(() => this.doUpdate(onProgress, normalizeScope(paths)))
  }

  private analysisPool(): AnalyzePool {
    return (this.pool ??= new AnalyzePool(undefined, this.opts.workerScript || undefined))
  }

  /**
   * Analyse one batch of documents: in the worker pool when the batch is large enough for it
   * (falling back to this thread if the workers cannot run), else here, yielding to the event
   * loop every 10 files so the window's calls are answered and cancellation is noticed.
   */
  private async analyzeBatch(
    batch: readonly Document[],
    report: (done: number, current: string | undefined) => void,
    stopIfCancelled: () => void,
    signal: AbortSignal | undefined,
    /** the whole batch this is part of (read in chunks): it decides whether the workers are worth it */
    of = batch.length
  ): Promise<{ analyzed: ReturnType<typeof analyzeDocument>[]; workers: number }> {
    if (of >= (this.pool?.started ? WORKER_MIN_BATCH.warm : WORKER_MIN_BATCH.cold) && this.opts.workers && !this.poolFailed) {
      try {
        const analyzed = await this.analysisPool().analyze(batch, (n) => n % 10 === 0 && report(n, batch[n - 1]?.path), signal)
        return { analyzed, workers: this.analysisPool().size }
      } catch (err) {
        if (err instanceof DatelineError && err.code === 'cancelled') throw err
        this.poolFailed = true // analyse on this thread instead (slower, same result)
      }
    }
    const analyzed: ReturnType<typeof analyzeDocument>[] = []
    for (let k = 0; k < batch.length; k++) {
      if (k % 10 === 0) {
        if (k) await new Promise((r) => setImmediate(r))
        stopIfCancelled()
        report(k, batch[k]!.path)
      }
      analyzed.push(analyzeDocument(batch[k]!))
    }
    return { analyzed, workers: 0 }
  }

  /**
   * Bring the story links in line with the manifest. A scoped update (a drop, the watcher) names
   * the documents it removed; the new and changed ones were linked as their batches were indexed.
   * When the links then know exactly as many documents as the index, that is all there is to do,
   * and the pass over every document (0.25 s at 100,000) is skipped.
   */
  private async syncStories(manifest: Manifest, segments: Map<string, Segment>, removed: boolean, scopedGone?: readonly string[]): Promise<SyncStats> {
    let linkStats: SyncStats = { linked: 0, candidates: 0, compared: 0 }
    if (scopedGone) this.links.forgetMany(scopedGone)
    if (!scopedGone || this.links.size !== Object.keys(manifest.docs).length) {
      const { linkDoc, shingled } = storySources(segments, manifest)
      linkStats = this.links.sync(Object.values(manifest.docs).map(linkDoc), shingled)
    }
    if (linkStats.linked || removed) {
      // the documents linked or forgotten since the last save go to stories.log; the 10 MB
      // stories.json (at 100,000 documents) is rewritten only when the log has grown
      const change = this.links.takeChanges()
      if (change.length) await this.storiesJournal.save({ docs: change }, () => this.links.toFile(), { full: change.length > this.links.size / 2 })
    }
    return linkStats
  }

  /**
   * Do the once-per-session loading now (tagger model, gazetteer, the story sample index: about
   * 1-2 s at 10,000 documents), so the first file dropped or changed afterwards is searchable
   * within a second. The app and `dateline watch` call it right after opening an archive.
   */
  warmUp(): Promise<void> {
    return this.enqueue(async () => {
      warmUpAnalysis()
      if (this.indexed) await this.syncStories(this.manifest, this.segments, false)
    })
  }

  /**
   * Copy dropped files and folders into the archive (never overwriting; duplicates by content are
   * not copied) and index them at once. Rejects only when the archive itself is unusable; every
   * per-file problem is a reason in the report.
   */
  importFiles(sources: readonly string[], opts: ImportOptions = {}): Promise<ImportReport> {
    return this.enqueue(() => this.doImport(sources, opts))
  }

  private async doImport(sources: readonly string[], opts: ImportOptions): Promise<ImportReport> {
    const target = importTarget(opts.target ?? DEFAULT_IMPORT_TARGET)
    await access(this.archive, fsConstants.W_OK).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'ENOENT'
        ? new DatelineError('not-found', `Archive folder not found: ${this.archive}`)
        : new DatelineError('io', `Cannot import into ${this.archive}: the folder cannot be written (${errCode(err)}).`)
    })
    if (!(await stat(this.archive)).isDirectory()) throw new DatelineError('not-found', `Archive folder not found: ${this.archive}`)
    // Know everything the archive holds before judging duplicates: after a crash, copies may
    // exist that the index has not seen yet. The first import of a session reconciles fully.
    if (!this.fullyReconciled) await this.doUpdate()
    else await this.doUpdate(undefined, [target])
    const known = new Map<string, string>()
    for (const d of Object.values(this.manifest.docs)) if (!known.has(d.hash)) known.set(d.hash, d.path)
    const t0 = performance.now()
    const outcome = await runImport(sources, {
      archive: this.archive,
      target,
      maxBytes: this.opts.maxFileBytes,
      known,
      exclude: [this.dataDir],
      signal: opts.signal,
      onProgress: opts.onProgress,
      onFile: opts.onFile,
      fs: opts.fs
    })
    if (outcome.imported.length) {
      await this.doUpdate((p) => opts.onProgress?.({ phase: 'index', done: p.done, total: p.total, bytes: 0, totalBytes: 0, current: p.current }), outcome.imported.map((f) => f.to))
    }
    return { ...outcome, documents: this.documentCount, ms: Math.round(performance.now() - t0) }
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job)
    this.queue = run.catch(() => {})
    return run
  }

  private async doUpdate(onProgress?: (p: IndexProgress) => void, scope?: string[], signal?: AbortSignal): Promise<IndexReport> {
    const stopIfCancelled = () => {
      if (signal?.aborted) throw new DatelineError('cancelled', 'Indexing was cancelled; the index is as it was before.')
    }
    const t0 = performance.now()
    let linking: Promise<void> | undefined
    await this.store.ensureDir()
    const lock = await acquireLock(this.store.dir)
    try {
      await this.store.removeStrayFiles(new Set(this.manifest.segments))
      onProgress?.({ phase: 'scan', done: 0, total: 0 })
      const scanOpts = { exclude: [this.dataDir], maxBytes: this.opts.maxFileBytes }
      const { files, skipped } = scope ? await scanPaths(this.archive, scope, scanOpts) : await scanArchive(this.archive, scanOpts)
      const covered = (p: string) => !scope || inScope(p, scope)
      if (!scope) {
        this.fullyReconciled = true
        await removeOrphanedImports(this.archive, skipped)
      }

      // a working copy: entries are replaced, never changed in place, so copying the maps is enough
      // (a deep clone of 100,000 entries cost half a second per update)
      const manifest: Manifest = { ...this.manifest, segments: [...this.manifest.segments], docs: { ...this.manifest.docs }, rejected: { ...this.manifest.rejected } }
      const byPath = new Map(Object.values(manifest.docs).map((d) => [d.path, d]))
      const seen = new Set<string>()
      const processed: string[] = []
      let added = 0
      let updated = 0
      let unchanged = 0
      let removed = 0
      const now = Date.now()

      const rejected = manifest.rejected
      manifest.rejected = {}
      for (const [p, r] of Object.entries(rejected)) if (!covered(p)) manifest.rejected[p] = r
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

      // Read, analyse and index in batches of one segment, reading the next batch while the workers
      // analyse this one; a batch's texts are let go once its segment holds them, so memory does not
      // grow with the archive (at 100,000 files the texts alone are over 1 GB as strings).
      changed.sort((a, b) => (a.path < b.path ? -1 : 1))
      const indexed: Array<{ path: string; hash: string }> = []
      const readBatch = async (batch: readonly FileEntry[]): Promise<Document[]> => {
        const docs: Document[] = []
        await forEachLimit(batch, READ_CONCURRENCY, async (f) => {
          stopIfCancelled()
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
          docs.push(built.doc)
          if (old) updated++
          else added++
        })
        return docs.sort((a, b) => (a.path < b.path ? -1 : 1))
      }

      let workersUsed = 0
      // New segments for new and changed documents (older versions become tombstones).
      const newSegments: Segment[] = []
      // Story linking of each batch runs on this thread while the workers analyse the next one.
      const segs = new Map(this.segments)
      const { linkDoc, shingled } = storySources(segs, manifest)
      const early: SyncStats = { linked: 0, candidates: 0, compared: 0 }
      const linkBatch = (docs: readonly { id: string; hash: string }[]) => {
        // the documents already linked enter the story index first (once per session; a changed
        // one is forgotten and linked again when its batch comes)
        linking ??= Promise.resolve().then(() => {
          // (a pass over every document: skipped once they are all in, as after the warm-up)
          if (!this.links.allEntered) this.links.enterLinked(Object.values(this.manifest.docs).map(linkDoc))
        })
        linking = linking
          .then(() => this.links.link(docs.map(linkDoc), shingled))
          .then((st) => {
            early.linked += st.linked
            early.candidates += st.candidates
            early.compared += st.compared
          })
      }
      const ranges = batchRanges(changed.length, this.opts.segmentBatch, WORKER_MIN_BATCH.cold)
      onProgress?.({ phase: 'read', done: 0, total: changed.length, current: changed[0]?.path })
      // the workers load their models (~1.5 s) while the first files are read
      if (changed.length >= WORKER_MIN_BATCH.cold && this.opts.workers && !this.poolFailed) {
        this.analysisPool().start()
      }
      let shown = 0 // two batches report at once: the count never goes back
      const report = (at: number) => (k: number, current: string | undefined) =>
        onProgress?.({ phase: 'index', done: (shown = Math.max(shown, at + k)), total: changed.length, current })
      let reads: Promise<unknown> = Promise.resolve()
      /** Read batch r in chunks, one chunk after another, each handed to the analysis as soon as it is read. */
      const analyseBatch = (r: number) => {
        const range = ranges[r]
        if (!range) return undefined
        const [from, to] = range
        const parts: Array<Promise<{ docs: Document[]; analyzed: NewSegmentDoc[]; workers: number }>> = []
        for (let at = from; at < to; at += READ_CHUNK) {
          const reading = reads.then(() => readBatch(changed.slice(at, Math.min(to, at + READ_CHUNK))))
          reads = reading.catch(() => {})
          parts.push(
            reading.then(async (docs) => ({
              docs,
              ...(docs.length ? await this.analyzeBatch(docs, report(at), stopIfCancelled, signal, to - from) : { analyzed: [], workers: 0 })
            }))
          )
        }
        const p = Promise.all(parts).then((rs) => ({
          batch: rs.flatMap((x) => x.docs),
          analyzed: rs.flatMap((x) => x.analyzed),
          workers: Math.max(0, ...rs.map((x) => x.workers))
        }))
        p.catch(() => {}) // awaited later; a cancellation meanwhile must not go unhandled
        return p
      }
      // A pipeline: files go to the workers as soon as they are read, so the workers go on from
      // batch r to batch r+1 without a pause while this thread builds batch r's segment and links
      // its stories; batch r+2 is read meanwhile.
      const pipeline = [analyseBatch(0), analyseBatch(1)]
      for (let r = 0; pipeline[0]; r++) {
        const { batch, analyzed, workers } = await pipeline.shift()!
        pipeline.push(analyseBatch(r + 2))
        if (!batch.length) continue
        if (workers) workersUsed = workers
        stopIfCancelled()
        // let the next batch reach the workers before this thread is taken by the build
        if (pipeline[0] !== undefined) await new Promise((r) => setImmediate(r))
        const seg = Segment.build(`s${manifest.nextSegment++}`, analyzed)
        newSegments.push(seg)
        segs.set(seg.id, seg)
        for (const d of batch) {
          const { text: _text, ...meta } = d
          manifest.docs[d.id] = { ...meta, segment: seg.id, indexedAt: manifest.docs[d.id]?.indexedAt ?? now }
          indexed.push({ path: d.path, hash: d.hash })
          d.text = '' // the segment keeps the text (as UTF-8) from here on: let the string go
        }
        linkBatch(batch)
      }
      onProgress?.({ phase: 'index', done: changed.length, total: changed.length, current: linking ? 'stories' : undefined })
      await linking

      const gone: IndexedDocument[] = []
      for (const [p, d] of byPath) {
        if (!seen.has(p) && covered(p)) {
          delete manifest.docs[d.id]
          gone.push(d)
          removed++
        }
      }
      const changes = describeChanges(indexed, gone, byPath)

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
        // postings are merged as they are: no text is read or tokenised again
        const seg = Segment.merge(
          `s${manifest.nextSegment++}`,
          group.map((id) => ({ segment: segments.get(id)!, keep: (ref: string) => manifest.docs[ref]?.segment === id }))
        )
        for (const id of group) obsolete.add(id)
        newSegments.push(seg)
        segments.set(seg.id, seg)
        for (const ref of seg.docs.keys()) manifest.docs[ref] = { ...manifest.docs[ref]!, segment: seg.id }
        merged += group.length
      }
      for (const id of obsolete) segments.delete(id)
      manifest.segments = [...segments.keys()]

      // Nothing to write when nothing changed (a watcher event for a file already indexed, a poll).
      const dirty =
        indexed.length > 0 || removed > 0 || updated > 0 || newSegments.length > 0 || obsolete.size > 0 || this.problems.length > 0 || !this.indexed ||
        JSON.stringify(manifest.rejected) !== JSON.stringify(this.manifest.rejected) ||
        this.links.lags(Object.values(manifest.docs))
      if (!dirty) {
        return {
          documents: Object.keys(manifest.docs).length,
          added, updated, removed, unchanged,
          skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)),
          processed: processed.sort(),
          changes: [],
          segments: { built: 0, merged: 0, total: segments.size },
          workers: 0,
          repaired: [],
          stories: { linked: 0, candidates: 0, compared: 0 },
          ms: Math.round(performance.now() - t0)
        }
      }

      onProgress?.({ phase: 'save', done: 0, total: newSegments.length })
      const written = newSegments.filter((s) => segments.has(s.id))
      for (const s of written) await this.store.writeSegment(s)
      await this.store.writeManifest(manifest, this.manifest)
      await this.store.deleteSegments([...obsolete].filter((id) => this.manifest.segments.includes(id)))

      // stories: only new and changed documents are compared, and only with candidates sharing text
      onProgress?.({ phase: 'index', done: changed.length, total: changed.length, current: 'stories' })
      const rest = await this.syncStories(manifest, segments, removed > 0 || early.linked > 0, scope ? gone.map((d) => d.id) : undefined)
      const linkStats: SyncStats = { linked: early.linked + rest.linked, candidates: early.candidates + rest.candidates, compared: early.compared + rest.compared }

      this.manifest = manifest
      this.segments = segments
      this.registryCache = undefined
      this.storyCache = undefined
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
        changes,
        segments: { built: written.length, merged, total: segments.size },
        workers: workersUsed,
        repaired,
        stories: linkStats,
        ms: Math.round(performance.now() - t0)
      }
    } finally {
      // a failed or cancelled update still lets its story linking finish before the next one starts
      await linking?.catch(() => {})
      await lock.release()
    }
  }

  /** Search with the Dateline syntax (see query.ts). Throws QueryError for bad syntax, DatelineError for an unknown entity. */
  search(query: string, opts: SearchOptions = {}): SearchResult {
    const t0 = performance.now()
    const registry = this.entityRegistry()
    // An empty query lists every document (useful with an entity filter).
    const { plan, ignored } = query.trim() ? lowerQuery(parseQuery(query)) : { plan: { k: 'all' as const }, ignored: [] }
    const limit = Math.max(0, Math.min(opts.limit ?? 20, 1000))
    const offset = Math.max(0, opts.offset ?? 0)
    const docs = this.manifest.docs
    const { matches, estimated } = this.match(plan, registry, { ...opts, verify: { need: offset + limit, budget: opts.phraseCheckBudget ?? this.opts.phraseCheckBudget } })
    const byPath = (a: { ref: string }, b: { ref: string }) => (docs[a.ref]!.path < docs[b.ref]!.path ? -1 : 1)
    const published = opts.sort === 'date' || opts.dates ? this.storyState().published : undefined
    let order: (a: Match, b: Match) => number
    if (opts.sort === 'date') {
      const day = (ref: string) => published!.get(ref)?.date ?? ''
      order = (a, b) => (day(a.ref) < day(b.ref) ? 1 : day(a.ref) > day(b.ref) ? -1 : b.score - a.score || byPath(a, b))
    } else order = (a, b) => b.score - a.score || byPath(a, b)
    const hits = topK(matches, offset + limit, order).slice(offset).map((m): SearchHit => {
      const meta = docs[m.ref]!
      const doc = m.segment.docs.get(m.ref)!
      const hit: SearchHit = {
        id: m.ref,
        path: meta.path,
        title: meta.title,
        score: Math.round(m.score * 1e4) / 1e4,
        snippet: makeSnippet(doc.text, highlightSpans(doc.text, m.terms, m.spans))
      }
      if (published) hit.published = published.get(m.ref)?.date ?? null
      return hit
    })
    const facetLimit = Math.max(0, Math.min(opts.facetLimit ?? 10, 1000))
    const facets = countFacets(registry, facetLimit ? matches.map((m) => m.ref) : [], facetLimit)
    const result: SearchResult = { query, total: matches.length + estimated, hits, ignored, facets, ms: Math.round((performance.now() - t0) * 100) / 100 }
    if (estimated) result.approximate = true
    return result
  }

  /** Where a search's words and phrases occur in one document (for the reader); [] when it does not match. */
  highlights(pathOrId: string, query: string): Span[] {
    const meta = this.meta(pathOrId)
    if (!query.trim()) return []
    const { plan } = lowerQuery(parseQuery(query))
    // only the document's own segment: which words match in it does not depend on the others
    const seg = this.segments.get(meta.segment)
    const ord = seg ? seg.ordinalOf(meta.id) : -1
    const only = (s: Segment) => {
      const mask = new Uint8Array(s.size)
      if (ord >= 0) mask[ord] = 1
      return mask
    }
    const m = seg && execute(plan, [seg], { live: only }).matches.find((x) => x.ref === meta.id)
    return m ? highlightSpans(m.segment.docs.get(m.ref)!.text, m.terms, m.spans) : []
  }

  private match(
    plan: ReturnType<typeof lowerQuery>['plan'],
    registry: EntityRegistry,
    opts: Pick<SearchOptions, 'entities' | 'excludeEntities' | 'eventsFrom' | 'eventsTo'> & { verify?: { need: number; budget: number } }
  ): { matches: Match[]; estimated: number } {
    const run = execute(plan, [...this.segments.values()], { live: (seg) => this.liveMask(seg), ...(opts.verify ? { verify: opts.verify } : {}) })
    let matches = run.matches
    if (opts.eventsFrom !== undefined || opts.eventsTo !== undefined) {
      const day = (v: string | undefined) => {
        if (v === undefined) return undefined
        const d = parseYmd(v)
        if (d === undefined) throw new DatelineError('usage', `"${v}" is not a date: use YYYY-MM-DD.`)
        return d
      }
      const inWindow = new Set<string>()
      for (const e of filterTimeline(this.allEvents(), { from: day(opts.eventsFrom), to: day(opts.eventsTo) })) for (const src of e.sources) inWindow.add(src.docId)
      matches = matches.filter((m) => inWindow.has(m.ref))
    }
    const required = (opts.entities ?? []).map((id) => this.requireEntity(registry, id))
    const excluded = (opts.excludeEntities ?? []).map((id) => this.requireEntity(registry, id))
    if (required.length || excluded.length) {
      const need = required.map((r) => registry.documentsOf(r))
      const avoid = excluded.map((r) => registry.documentsOf(r))
      matches = matches.filter((m) => need.every((set) => set.has(m.ref)) && !avoid.some((set) => set.has(m.ref)))
    }
    // filters keep as large a share of the estimated matches as of the checked ones
    const estimated = run.matches.length ? Math.round((run.estimated * matches.length) / run.matches.length) : 0
    return { matches, estimated }
  }

  /** Which documents of a segment are current (not replaced by a newer version elsewhere), cached per manifest. */
  private liveMask(seg: Segment): Uint8Array {
    const cached = this.liveMasks.get(seg)
    if (cached?.manifest === this.manifest) return cached.mask
    const docs = this.manifest.docs
    const mask = new Uint8Array(seg.size)
    seg.refs.forEach((ref, i) => (mask[i] = docs[ref]?.segment === seg.id ? 1 : 0))
    this.liveMasks.set(seg, { manifest: this.manifest, mask })
    return mask
  }

  // ---- timeline ----

  /** Every reported event of the archive, merged across sources (computed once per index or date change). */
  private allEvents(): TimelineEvent[] {
    const registry = this.entityRegistry()
    const stories = this.storyState()
    const c = this.timelineCache
    if (c && c.registry === registry && c.stories === stories) return c.events
    const docs = this.manifest.docs
    const input: TimelineDoc[] = []
    for (const d of Object.values(docs)) {
      const sd = this.segments.get(d.segment)?.docs.get(d.id)
      if (!sd?.events?.length) continue
      const ents = registry.entitiesOf(d.id).filter((x) => !x.record.hidden)
      const hit = stories.byDoc.get(d.id)
      const member = hit?.story.members[hit.index]
      const t: TimelineDoc = {
        id: d.id,
        path: d.path,
        text: sd.text,
        events: sd.events,
        published: stories.published.get(d.id)!,
        archived: new Date(d.indexedAt).toISOString().slice(0, 10),
        copyRoot: copyRootOf(d.id, hit?.story),
        entitiesIn: (start, end) => {
          const places: string[] = []
          const actors: string[] = []
          for (const x of ents) {
            // "a London-based monitoring group" says where the group sits, not where the event happened
            if (!x.mentions.some(([s, e]) => s < end && e > start && !/^[-‐‑]based\b/.test(sd.text.slice(e, e + 7)))) continue
            ;(x.record.type === 'place' ? places : actors).push(x.record.id)
          }
          return { places, actors }
        }
      }
      if (hit) t.story = hit.story.id
      if (member) t.role = member.role
      input.push(t)
    }
    const events = buildTimeline(input)
    this.timelineCache = { registry, stories, events }
    return events
  }

  /** The timeline of reported events, for the whole archive or a search, entity filter and date window. */
  timeline(opts: TimelineOptions = {}): TimelineResult {
    const t0 = performance.now()
    const registry = this.entityRegistry()
    const window = (s: string | undefined, name: string): number | undefined => {
      if (s === undefined) return undefined
      const d = parseYmd(s)
      if (d === undefined) throw new DatelineError('usage', `--${name} "${s}" is not a date: use YYYY-MM-DD (for example 2015-03-01).`)
      return d
    }
    const from = window(opts.from, 'from')
    const to = window(opts.to, 'to')
    if (from !== undefined && to !== undefined && from > to) throw new DatelineError('usage', `The window ends (${opts.to}) before it starts (${opts.from}).`)
    const entities = (opts.entities ?? []).map((id) => this.requireEntity(registry, id).id)
    let docSet: Set<string> | undefined
    if (opts.query?.trim()) docSet = new Set(this.match(lowerQuery(parseQuery(opts.query)).plan, registry, {}).matches.map((m) => m.ref))
    const all = this.allEvents()
    const kept = filterTimeline(all, { docs: docSet, entities, from, to })
    const dated = kept.filter((e) => e.status === 'dated')
    // undated and unresolved events follow the search and entity filters, not the date window
    const rest = from === undefined && to === undefined ? kept : filterTimeline(all, { docs: docSet, entities })
    const undatedEvents = rest.filter((e) => e.status === 'undated')
    const unresolvedEvents = rest.filter((e) => e.status === 'unresolved')
    const shown = opts.limit === undefined ? dated : dated.slice(0, Math.max(0, opts.limit))
    const names: TimelineResult['entities'] = {}
    for (const e of [...shown, ...undatedEvents, ...unresolvedEvents]) {
      for (const id of [...e.places, ...e.actors]) {
        if (names[id]) continue
        const r = registry.resolve(id)
        if (r) names[id] = { name: r.name, type: r.type }
      }
    }
    return {
      events: shown,
      undatedEvents,
      unresolvedEvents,
      undated: undatedEvents.length,
      unresolved: unresolvedEvents.length,
      density: density(dated, opts.density),
      entities: names,
      ms: Math.round((performance.now() - t0) * 100) / 100
    }
  }

  /** The events one document reports (each with all its sources across the archive). */
  documentEvents(pathOrId: string): TimelineEvent[] {
    const meta = this.meta(pathOrId)
    return this.allEvents().filter((e) => e.sources.some((s) => s.docId === meta.id))
  }

  // ---- entities ----

  private get curationPath(): string {
    return path.join(this.store.dir, CURATION_FILE)
  }


  /** The archive's merged entity list (built on first use after each update or correction). */
  entityRegistry(): EntityRegistry {
    if (this.registryCache) return this.registryCache
    // names and counts read in place from the segments' entity tables (live documents only);
    // mentions are decoded per document when shown
    const segments = [...this.segments.values()].map((seg): EntitySegment => {
      const { entityTable, docEnt, docEntOff } = seg.data
      return { table: entityTable, docEnt, docEntOff, refs: seg.refs, live: this.liveMask(seg) }
    })
    return (this.registryCache = new EntityRegistry({ segments }, this.curation.ops, (id) => this.segmentDocOf(this.meta(id)).entities))
  }

  private requireEntity(registry: EntityRegistry, id: string): EntityRecord {
    const r = registry.resolve(id)
    if (!r) throw new DatelineError('not-found', `No entity "${id}" in this archive. List them with: dateline entities <archive>`)
    return r
  }

  entities(q: EntityQuery = {}): EntityView[] {
    const registry = this.entityRegistry()
    const needle = q.query ? foldWord(q.query.trim()) : ''
    let list = registry.list(q.includeHidden).filter((r) => (!q.type || r.type === q.type) && (!needle || [r.name, ...r.aliases].some((n) => foldWord(n).includes(needle))))
    list = list.sort(q.sort === 'name' ? (a, b) => a.name.localeCompare(b.name) : (a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name))
    return list.slice(0, Math.max(0, q.limit ?? 100)).map(entityView)
  }

  entity(id: string): EntityView {
    return entityView(this.requireEntity(this.entityRegistry(), id))
  }

  /** Documents that mention an entity, most mentions first. */
  documentsForEntity(id: string, opts: { limit?: number; offset?: number } = {}): { entity: EntityView; total: number; documents: Array<{ id: string; path: string; title: string; mentions: number }> } {
    const registry = this.entityRegistry()
    const r = this.requireEntity(registry, id)
    const rows = [...registry.documentsOf(r)]
      .filter((d) => this.manifest.docs[d])
      .map((d) => ({ id: d, path: this.manifest.docs[d]!.path, title: this.manifest.docs[d]!.title, mentions: registry.entitiesOf(d).find((x) => x.record === r)?.mentions.length ?? 0 }))
      .sort((a, b) => b.mentions - a.mentions || (a.path < b.path ? -1 : 1))
    const offset = Math.max(0, opts.offset ?? 0)
    return { entity: entityView(r), total: rows.length, documents: rows.slice(offset, offset + Math.max(0, opts.limit ?? 50)) }
  }

  /** Entities that appear in the same documents as this one, by number of shared documents. */
  cooccurring(id: string, limit = 10): Facets {
    const registry = this.entityRegistry()
    const r = this.requireEntity(registry, id)
    return countFacets(registry, registry.documentsOf(r), limit, new Set([r]))
  }

  /** One document with its entities (by relative path or document id). */
  document(pathOrId: string): DocumentView {
    const meta = this.meta(pathOrId)
    const sd = this.segmentDocOf(meta)
    const registry = this.entityRegistry()
    return {
      id: meta.id,
      path: meta.path,
      title: meta.title,
      length: sd.text.length,
      text: sd.text,
      entities: registry
        .entitiesOf(meta.id)
        .filter((x) => !x.record.hidden)
        .map((x) => ({ id: x.record.id, type: x.record.type, name: x.record.name, mentions: x.mentions })),
      published: this.published(meta.id),
      story: this.documentStory(meta.id)
    }
  }

  private meta(pathOrId: string): IndexedDocument {
    const norm = pathOrId.replace(/\\/g, '/').replace(/^\.\//, '')
    const meta = this.manifest.docs[norm] ?? Object.values(this.manifest.docs).find((d) => d.path === norm)
    if (!meta) throw new DatelineError('not-found', `"${pathOrId}" is not an indexed document of this archive.`)
    return meta
  }

  private segmentDocOf(meta: IndexedDocument): SegmentDoc {
    const sd = this.segments.get(meta.segment)?.docs.get(meta.id)
    if (!sd) throw new DatelineError('corrupt', `The index entry for "${meta.path}" is missing; run dateline index again.`)
    return sd
  }

  // ---- stories and publication dates ----

  private storyState(): StoryCache {
    if (this.storyCache) return this.storyCache
    const docs = this.manifest.docs
    const userDate = userDateLookup(this.userDates)
    const dated = Object.values(docs).map((d) => {
      const sd = this.segments.get(d.segment)?.docs.get(d.id)
      const u = userDate(d.path, d.hash)
      return { id: d.id, evidence: sd?.dates ?? { mentions: [], weekdays: [] }, user: u === undefined ? undefined : u.date === null ? null : parseYmd(u.date), mtimeMs: d.mtimeMs }
    })
    const datedById = new Map(dated.map((d) => [d.id, d]))
    const stories = groupStories(this.links.allLinks(), (id) => {
      const d = docs[id]
      const sd = d && this.segments.get(d.segment)?.docs.get(id)
      if (!d || !sd) return undefined
      return { id, stripped: sd.story.stripped, boilerplate: sd.story.boilerplate, statedDay: statedDay(datedById.get(id)!), indexedAt: d.indexedAt, shingles: sd.story.shingles }
    })
    const byDoc = new Map<string, { story: Story; index: number }>()
    for (const story of stories) story.members.forEach((m, index) => byDoc.set(m.id, { story, index }))
    const published = resolvePublication(dated, stories, (id) => docs[id]?.path ?? id)
    return (this.storyCache = { stories, byDoc, published })
  }

  /** Groups of documents that share text (documents in no story are left out). */
  stories(): StoryView[] {
    const st = this.storyState()
    return st.stories.map((s) => this.storyView(s, st))
  }

  story(id: string): StoryView {
    const st = this.storyState()
    const s = st.stories.find((x) => x.id === id)
    if (!s) throw new DatelineError('not-found', `No story "${id}" in this archive. List them with: dateline stories <archive>`)
    return this.storyView(s, st)
  }

  private storyView(s: Story, st: StoryCache): StoryView {
    const docs = this.manifest.docs
    return {
      id: s.id,
      original: docs[s.original]!.path,
      members: s.members.map((m) => {
        const v: StoryMemberView = {
          id: m.id,
          path: docs[m.id]!.path,
          title: docs[m.id]!.title,
          role: m.role,
          similarity: round3(m.similarity),
          containment: round3(m.containment),
          published: st.published.get(m.id)?.date ?? null
        }
        if (m.of) v.of = docs[m.of]!.path
        return v
      })
    }
  }

  documentStory(pathOrId: string): DocumentStory | null {
    const meta = this.meta(pathOrId)
    const hit = this.storyState().byDoc.get(meta.id)
    if (!hit) return null
    const m = hit.story.members[hit.index]!
    const v: DocumentStory = { id: hit.story.id, role: m.role, similarity: round3(m.similarity), containment: round3(m.containment), members: hit.story.members.length }
    if (m.of) v.of = this.manifest.docs[m.of]!.path
    return v
  }

  /** When the document was published, with the evidence (see dates/publication.ts). */
  published(pathOrId: string): Published {
    const meta = this.meta(pathOrId)
    return this.storyState().published.get(meta.id)!
  }

  /**
   * Set the publication date (YYYY-MM-DD), declare it unknown ('unknown'), or clear the user's
   * entry (null) so it is inferred again. Stored in the data folder, never in the archive.
   */
  async setPublicationDate(pathOrId: string, date: string | null): Promise<Published> {
    const meta = this.meta(pathOrId)
    const dates = { ...this.userDates.dates }
    if (date === null) delete dates[meta.path]
    else if (date === 'unknown') dates[meta.path] = { date: null, hash: meta.hash, at: new Date().toISOString() }
    else {
      const day = parseYmd(date)
      if (day === undefined) throw new DatelineError('usage', `"${date}" is not a date: use YYYY-MM-DD (for example 2015-10-30) or "unknown".`)
      dates[meta.path] = { date: date.trim(), hash: meta.hash, at: new Date().toISOString() }
    }
    const next: UserDatesFile = { ...this.userDates, dates }
    await this.store.ensureDir()
    await saveUserDates(path.join(this.store.dir, USER_DATES_FILE), next)
    this.userDates = next
    this.storyCache = undefined // everything resolved from dates is resolved again
    return this.published(meta.id)
  }

  /** How much text two documents share, and where (offsets in each document's text). */
  reuse(aPathOrId: string, bPathOrId: string): ReuseView {
    const [ma, mb] = [this.meta(aPathOrId), this.meta(bPathOrId)]
    const [ta, tb] = [this.segmentDocOf(ma).text, this.segmentDocOf(mb).text]
    const [sa, sb] = [shingle(ta), shingle(tb)]
    const o = overlap(sa.set, sb.set)
    return {
      a: ma.path,
      b: mb.path,
      aInB: round3(o.aInB),
      bInA: round3(o.bInA),
      similarity: round3(o.jaccard),
      passages: findPassages(sa, sb).map((p) => ({
        a: { path: ma.path, ...p.a, text: ta.slice(p.a.start, p.a.end) },
        b: { path: mb.path, ...p.b, text: tb.slice(p.b.start, p.b.end) }
      }))
    }
  }

  /** Apply one correction, persist it, and return the entity it produced. */
  async curate(req: CurationRequest): Promise<EntityView> {
    const registry = this.entityRegistry()
    const at = new Date().toISOString()
    let op: CurationOp
    switch (req.op) {
      case 'merge': {
        if (!Array.isArray(req.ids) || req.ids.length < 2) throw new DatelineError('usage', 'merge needs at least two entity ids.')
        const records = req.ids.map((id) => this.requireEntity(registry, id))
        op = { op: 'merge', keys: [...new Set(records.map((r) => r.keys[0]!))], at }
        break
      }
      case 'rename':
        if (typeof req.name !== 'string' || !req.name.trim()) throw new DatelineError('usage', 'rename needs a new name.')
        op = { op: 'rename', keys: this.requireEntity(registry, req.id).keys.slice(0, 1), name: req.name.trim(), at }
        break
      case 'retype':
        if (!isEntityType(req.type)) throw new DatelineError('usage', 'type must be person, organization or place.')
        op = { op: 'retype', keys: this.requireEntity(registry, req.id).keys.slice(0, 1), type: req.type, at }
        break
      case 'hide':
      case 'unhide':
        op = { op: req.op, keys: this.requireEntity(registry, req.id).keys.slice(0, 1), at }
        break
      default:
        throw new DatelineError('usage', 'Unknown correction.')
    }
    const added: CurationOp[] = [op]
    if (req.op === 'merge' && req.name) added.push({ op: 'rename', keys: op.keys.slice(0, 1), name: req.name, at })
    await this.writeCuration([...this.curation.ops, ...added])
    // the first key names the entity the correction produced (for a merge: the first id's)
    return entityView(this.requireEntity(this.entityRegistry(), op.keys[0]!))
  }

  private async writeCuration(ops: CurationOp[]): Promise<void> {
    const next: CurationFile = { ...this.curation, ops }
    await this.store.ensureDir()
    await saveCuration(this.curationPath, next)
    this.curation = next
    this.registryCache = undefined
  }

  /** The corrections as JSON (for backup or another machine). */
  exportCuration(): CurationFile {
    return structuredClone(this.curation)
  }

  /** Replace or extend the corrections with an exported file. */
  async importCuration(json: string, mode: 'replace' | 'append' = 'append'): Promise<number> {
    const incoming = parseCuration(json, 'The imported file')
    await this.writeCuration(mode === 'replace' ? incoming.ops : [...this.curation.ops, ...incoming.ops])
    return incoming.ops.length
  }
}

/** A copy counts as the document it copies: follow copy links up to the first original or rewrite. */
function copyRootOf(id: string, story: Story | undefined): string {
  if (!story) return id
  const byId = new Map(story.members.map((m) => [m.id, m]))
  let cur = byId.get(id)
  const seen = new Set<string>()
  while (cur && cur.role === 'copy' && cur.of && !seen.has(cur.id)) {
    seen.add(cur.id)
    cur = byId.get(cur.of)
  }
  return cur?.id ?? id
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000
}

interface StoriesChange extends JournalEntry {
  docs: LinksChange
}

/** stories.json and the changes logged since; damaged or missing, they are rebuilt (derived data). */
async function loadStoryLinks(dir: string): Promise<{ links: StoryLinks; journal: Journal<LinksFile, StoriesChange> }> {
  const journal = new Journal<LinksFile, StoriesChange>(path.join(dir, STORIES_FILE), path.join(dir, STORIES_LOG))
  try {
    const { snapshot, entries } = await journal.load((json) => JSON.parse(json) as LinksFile)
    const links = StoryLinks.fromFile(snapshot)
    if (snapshot) for (const e of entries) links.applyChange(e.docs)
    return { links, journal }
  } catch {
    return { links: new StoryLinks(), journal }
  }
}

function entityView(r: EntityRecord): EntityView {
  const v: EntityView = { id: r.id, type: r.type, name: r.name, aliases: r.aliases, documents: r.documents, mentions: r.mentions }
  if (r.hidden) v.hidden = true
  return v
}

async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!)
  })
  await Promise.all(workers)
}

/** "Imported/{date}" → "Imported/2026-11-22"; refuses paths that leave the archive or hide the files. */
export function importTarget(template: string, now = new Date()): string {
  const ymd = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
  const parts = template.replaceAll('{date}', ymd).split(/[\\/]+/).filter((p) => p && p !== '.')
  if (path.isAbsolute(template) || parts.some((p) => p === '..' || p.startsWith('.'))) {
    throw new DatelineError('usage', `The import folder must be a visible folder inside the archive (got "${template}").`)
  }
  return parts.join('/')
}

/** Per-path changes of one update, with a removed and an added file of identical content reported as a rename. */
/** What story linking reads of a document, found through the manifest: its sample (straight from the segment's bytes) and its shingles. */
function storySources(segments: ReadonlyMap<string, Segment>, manifest: Manifest) {
  const segOf = (id: string) => segments.get(manifest.docs[id]!.segment)!
  return {
    linkDoc: (d: { id: string; hash: string }): LinkDoc => ({
      id: d.id,
      hash: d.hash,
      sample: () => {
        const seg = segOf(d.id)
        return seg.sampleAt(seg.ordinalOf(d.id))
      }
    }),
    shingled: (id: string) => shingle(segOf(id).docs.get(id)!.text)
  }
}

function describeChanges(indexed: ReadonlyArray<{ path: string; hash: string }>, gone: readonly IndexedDocument[], before: Map<string, IndexedDocument>): FileChange[] {
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
