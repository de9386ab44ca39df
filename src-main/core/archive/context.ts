/**
 * What the services of one open archive share: where it lives, its options, the current snapshot,
 * the user's files (entity corrections, dates set by hand), the story links, and the caches
 * derived from them. Each service module (search, entities, stories, dates, timeline, import,
 * update) is a set of functions over this; the facade (core/api.ts) holds one per archive.
 */
import path from 'node:path'
import { DEFAULT_MAX_BYTES } from './scan'
import { ArchiveSnapshot } from './snapshot'
import { loadCuration, type CurationFile } from '../entities/curation'
import type { EntityRegistry } from '../entities/registry'
import { loadUserDates, type UserDatesFile } from '../dates/user-dates'
import { ANNOTATIONS_FILE, loadAnnotations, type AnnotationsFile } from '../annotations/file'
import type { Published } from '../dates/publication'
import type { Story } from '../stories/group'
import type { StoryLinks } from '../stories/links'
import { loadStoryLinks, type StoriesJournal } from '../stories/store'
import type { TimelineEvent } from '../timeline/build'
import { IndexStore } from '../search/index-store'
import { DEFAULT_MERGE_POLICY, type MergePolicyOptions } from '../search/merge-policy'
import { acquireLock } from '../store/lock'
import { archiveDataDir, defaultDataDir } from '../store/paths'
import type { AnalysisAhead } from '../update/analyse-pending'
import type { AnalyzePool } from '../workers/pool'
import type { ReaderThread } from '../workers/reader'
import type { ReadResult } from '../formats/types'

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
  /**
   * an update reading this many files or more makes them searchable first and analyses them after
   * (two-phase indexing; default 1,000); a smaller one analyses as it reads
   */
  analyseLaterFrom?: number
  /** updates stop after phase 1 (text searchable) and nothing runs phase 2: the analysis is left to another run (the CLI's --text-only) */
  textOnly?: boolean
  /** the time one article's analysis may take, in ms (default: 30 s plus 10 s per million characters); over it, the article is indexed by its text only */
  analysisBudgetMs?: number
}

export type ArchiveOptions = Required<Omit<OpenOptions, 'dataDir'>>

/** phrase candidates checked per search beyond the page asked for (~20 µs each: about 40 ms) */
const PHRASE_CHECK_BUDGET = 2000
/**
 * Below this many changed files an update analyses as it reads (a dropped file is searchable with
 * its entities in one step); from here on the text is made searchable first.
 */
const ANALYSE_LATER_FROM = 1000
/** the user's entity corrections, next to (not inside) the index files */
export const CURATION_FILE = 'curation.json'
/** publication dates the user set */
export const USER_DATES_FILE = 'dates.json'

/** Stories and publication dates, resolved together (a copy's date comes from its story). */
export interface StoryState {
  stories: Story[]
  byDoc: Map<string, { story: Story; index: number }>
  published: Map<string, Published>
}

export interface ArchiveContext {
  readonly archive: string
  readonly dataDir: string
  readonly store: IndexStore
  readonly opts: ArchiveOptions
  snapshot: ArchiveSnapshot
  /** damaged files found when the index was loaded; repaired by the next update */
  problems: string[]
  /** an index was found on disk or built in this session */
  indexed: boolean
  curation: CurationFile
  /** what could not be read of the user's files (their valid part is in use) */
  notices: string[]
  userDates: UserDatesFile
  /** the user's stars, tags and notes (annotations/) */
  annotations: AnnotationsFile
  links: StoryLinks
  storiesJournal: StoriesJournal
  /** derived from the snapshot and the user's files; dropped when either changes */
  cache: { registry?: EntityRegistry; stories?: StoryState; timeline?: { registry: EntityRegistry; stories: StoryState; events: TimelineEvent[] } }
  /** a full reconciliation with the folder has run in this session (imports can then look only at their target) */
  fullyReconciled: boolean
  pool: AnalyzePool | undefined
  poolFailed: boolean
  /** the thread that reads the heavy formats (PDF, Word, pages, mail), started on the first such file */
  reader: ReaderThread | undefined
  /** the next segment's analysis, started in the workers while the last one was written and linked (update/analyse-pending.ts) */
  analysisAhead?: AnalysisAhead
  /** how far the running update has read (files of this update), for searches made meanwhile */
  reading?: { done: number; total: number }
  /** what an import read to check its files, by format and content, for the update that indexes them (update/read.ts) */
  readMemo: Map<string, ReadResult>
}

/**
 * Another process changed the index on disk (the app and a CLI import on one archive): take its
 * state — manifest, segments, story links — before building on it. Call under the write lock.
 */
export async function reloadIfChanged(ctx: ArchiveContext): Promise<boolean> {
  if (!(await ctx.store.changedOnDisk())) return false
  const loaded = await ctx.store.load(ctx.archive)
  ctx.snapshot = new ArchiveSnapshot(loaded.manifest, loaded.segments)
  ctx.problems = loaded.problems
  ctx.indexed = ctx.indexed || loaded.found
  const { links, journal } = await loadStoryLinks(ctx.store.dir)
  ctx.links = links
  ctx.storiesJournal = journal
  ctx.cache = {}
  return true
}

/** How long a change to the user's files waits for another process's change to them. */
const USER_LOCK_WAIT_MS = 30_000

/**
 * Change one of the user's files (corrections, dates) as read from disk now, under the user-files
 * lock: another process (the app beside the CLI) may have changed it since this one read it, and
 * a whole-file rewrite from a stale copy would lose that work (#25 item 2).
 */
export async function withUserFilesLock<T>(ctx: ArchiveContext, change: () => Promise<T>): Promise<T> {
  await ctx.store.ensureDir()
  const lock = await acquireLock(ctx.store.dir, USER_LOCK_WAIT_MS, 'user.lock')
  try {
    return await change()
  } finally {
    await lock.release()
  }
}

/** Where an archive's data lives, its index and the user's files loaded, its options filled in. */
export async function openContext(archiveDir: string, options: OpenOptions): Promise<ArchiveContext> {
  const archive = path.resolve(archiveDir)
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir())
  const store = new IndexStore(archiveDataDir(dataDir, archive))
  const loaded = await store.load(archive)
  const { curation, problems: notices } = await loadCuration(path.join(store.dir, CURATION_FILE))
  const userDates = await loadUserDates(path.join(store.dir, USER_DATES_FILE))
  const annotations = await loadAnnotations(path.join(store.dir, ANNOTATIONS_FILE))
  if (annotations.problem) notices.push(annotations.problem)
  const { links, journal: storiesJournal } = await loadStoryLinks(store.dir)
  return {
    archive,
    dataDir,
    store,
    opts: {
      maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_BYTES,
      segmentBatch: options.segmentBatch ?? 5000,
      workers: options.workers ?? true,
      workerScript: options.workerScript ?? '',
      mergePolicy: options.mergePolicy ?? DEFAULT_MERGE_POLICY,
      phraseCheckBudget: options.phraseCheckBudget ?? PHRASE_CHECK_BUDGET,
      analyseLaterFrom: options.analyseLaterFrom ?? ANALYSE_LATER_FROM,
      textOnly: options.textOnly ?? false,
      analysisBudgetMs: options.analysisBudgetMs ?? 0
    },
    snapshot: new ArchiveSnapshot(loaded.manifest, loaded.segments),
    problems: loaded.problems,
    indexed: loaded.found,
    curation,
    notices,
    userDates,
    annotations: annotations.data,
    links,
    storiesJournal,
    cache: {},
    fullyReconciled: false,
    pool: undefined,
    poolFailed: false,
    reader: undefined,
    readMemo: new Map()
  }
}
