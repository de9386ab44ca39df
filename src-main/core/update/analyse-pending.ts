/**
 * Phase 2 of two-phase indexing: the articles phase 1 made searchable by their text are analysed
 * (entities, dates, events, story fingerprints) one segment at a time, and each segment is
 * published as soon as it is done, so facets, the timeline and stories fill in while the user
 * searches. A segment is rewritten whole under its own id (same documents, terms and postings,
 * the analysis filled in: Segment.withAnalysis), atomically: a crash or a quit leaves it pending
 * or analysed, never half, and the next run goes on with the segments still pending. Each step
 * takes the write lock for one segment only, so a dropped file or an import waits seconds, not the
 * whole archive.
 */
import { reloadIfChanged, type ArchiveContext } from '../archive/context'
import type { Document } from '../archive/document'
import { ArchiveSnapshot } from '../archive/snapshot'
import { DatelineError } from '../errors'
import type { DocAnalysis, Segment } from '../search/segment'
import { acquireLock } from '../store/lock'
import { analysedDocs, storySources, syncStories } from '../stories/service'
import { analyseBatch } from './analyse'
import { commitIndex } from './commit'
import { mergeSegments } from './merge'
import type { IndexProgress } from './types'

/** How long a step waits for another process's update to finish. */
const LOCK_WAIT_MS = 120_000

export interface AnalysisStep {
  /** the segment analysed */
  segment: string
  /** articles analysed in this step */
  articles: number
  /** the archive's coverage after it */
  analysed: number
  documents: number
  /** worker threads that analysed (0: this thread) */
  workers: number
}

/** The first segment (in the order they were built) with live articles waiting for their analysis, after `after` when given. */
export function nextPending(snap: ArchiveSnapshot, after?: Segment): Segment | undefined {
  let past = after === undefined
  for (const id of snap.manifest.segments) {
    const seg = snap.segments.get(id)
    if (!seg) continue
    if (!past) {
      past = seg === after
      continue
    }
    if (seg.livePending(snap.manifest.docs).length) return seg
  }
  return undefined
}

/** The live pending articles of a segment, as documents to analyse (their texts decoded), with their ids and ordinals. */
function pendingOf(snap: ArchiveSnapshot, seg: Segment): { ids: string[]; docs: Document[]; ords: number[] } {
  const ids = seg.livePending(snap.manifest.docs)
  const docs: Document[] = []
  const ords: number[] = []
  for (const ref of ids) {
    const ord = seg.ordinalOf(ref)
    const { segment: _s, indexedAt: _i, ...doc } = snap.manifest.docs[ref]!
    docs.push({ ...doc, title: seg.data.docs[ord]!.title, text: seg.textAt(ord) })
    ords.push(ord)
  }
  return { ids, docs, ords }
}

/** A segment's analysis under way (in the workers). */
export interface AnalysisAhead {
  seg: Segment
  ids: string[]
  docs: Document[]
  ords: number[]
  /** the cancel signal it runs under: a later run (another signal) starts afresh */
  signal: AbortSignal | undefined
  result: Promise<{ analyzed: DocAnalysis[]; workers: number }>
}

function startAnalysis(ctx: ArchiveContext, seg: Segment, snap: ArchiveSnapshot, report: (done: number, current: string | undefined) => void, stopIfCancelled: () => void, signal: AbortSignal | undefined): AnalysisAhead {
  const { ids, docs, ords } = pendingOf(snap, seg)
  const result = analyseBatch(ctx, docs, report, stopIfCancelled, signal)
  result.catch(() => {}) // awaited by the next step, if any: a cancel meanwhile must not go unhandled
  return { seg, ids, docs, ords, signal, result }
}

/**
 * Analyse the pending articles of one segment and publish it; undefined when nothing is pending.
 * While this thread writes, publishes and links it, the workers already analyse the next pending
 * segment (kept in ctx.analysisAhead for the next step; dropped if that segment changed meanwhile).
 * Cancelled (`signal`): nothing of this step is written, the steps before are kept.
 */
export async function analyseNextSegment(ctx: ArchiveContext, onProgress?: (p: IndexProgress) => void, signal?: AbortSignal): Promise<AnalysisStep | undefined> {
  const stopIfCancelled = () => {
    if (signal?.aborted) {
      const { documents, analysed } = ctx.snapshot.coverage()
      throw new DatelineError('cancelled', `Analysis was stopped; ${analysed} of ${documents} articles are analysed (all are searchable), the rest is analysed at the next update.`)
    }
  }
  const ahead = ctx.analysisAhead
  ctx.analysisAhead = undefined
  stopIfCancelled()
  await ctx.store.ensureDir()
  const lock = await acquireLock(ctx.store.dir, LOCK_WAIT_MS)
  try {
    // another process may have analysed (or replaced) segments since
    await reloadIfChanged(ctx)
    const before = ctx.snapshot
    const seg = nextPending(before)
    if (!seg) {
      // all analysed: the segments phase 1 left unmerged are merged now, in the background, not by the next dropped file
      await mergeAnalysed(ctx)
      return undefined
    }
    const { manifest } = before
    // links lost to a crash after the last step's segment was written are made first: stories are linked in path order
    if (ctx.links.lags(analysedDocs(before))) await syncStories(ctx, manifest, before.segments, true, [])
    const cov = before.coverage()
    const progress = (base: number) => (done: number, current?: string) => onProgress?.({ phase: 'analyse', done: base + done, total: cov.documents, ...(current ? { current } : {}) })
    // the analysis started during the last step, when it is of this very segment (and its live articles did not change)
    const work = ahead && ahead.seg === seg && ahead.signal === signal && sameIds(ahead.ids, seg.livePending(manifest.docs)) ? ahead : startAnalysis(ctx, seg, before, progress(cov.analysed), stopIfCancelled, signal)
    progress(cov.analysed)(0, work.docs[0]?.path)
    const { analyzed, workers } = await work.result
    stopIfCancelled()
    const next = workers ? nextPending(before, seg) : undefined
    if (next) ctx.analysisAhead = startAnalysis(ctx, next, before, progress(cov.analysed + work.docs.length), stopIfCancelled, signal)
    const byOrd = new Map<number, DocAnalysis>()
    analyzed.forEach((a, k) => byOrd.set(work.ords[k]!, a))
    const done = seg.withAnalysis((ord) => byOrd.get(ord))

    // the segment file is replaced atomically; a line in the manifest's log tells other processes to reload
    await ctx.store.writeSegment(done)
    await ctx.store.writeManifest(manifest, manifest)
    const segments = new Map(before.segments)
    segments.set(done.id, done)
    const snapshot = new ArchiveSnapshot(manifest, segments)
    ctx.snapshot = snapshot
    ctx.cache.registry = undefined
    ctx.cache.stories = undefined

    // the analysed articles join their stories (the linked ones enter the story index first, once per session)
    const { linkDoc, shingled } = storySources(segments, manifest)
    if (!ctx.links.allEntered) ctx.links.enterLinked(analysedDocs(before).map(linkDoc))
    await ctx.links.link(work.docs.map(linkDoc), shingled)
    await syncStories(ctx, manifest, segments, true, [])
    ctx.cache.stories = undefined

    const after = snapshot.coverage()
    onProgress?.({ phase: 'analyse', done: after.analysed, total: after.documents, published: true })
    return { segment: done.id, articles: work.docs.length, ...after, workers }
  } finally {
    await lock.release()
  }
}

/** Merge segments as the merge policy plans (phase 1 never merges a segment waiting for its analysis). */
async function mergeAnalysed(ctx: ArchiveContext): Promise<void> {
  const before = ctx.snapshot
  const manifest = { ...before.manifest, docs: { ...before.manifest.docs }, segments: [...before.manifest.segments] }
  const segments = new Map(before.segments)
  const built: Segment[] = []
  const { obsolete } = mergeSegments(segments, manifest, built, ctx.opts.mergePolicy)
  if (!obsolete.size) return
  await commitIndex(ctx.store, { manifest, segments }, before.manifest, built, obsolete)
  ctx.snapshot = new ArchiveSnapshot(manifest, segments)
  ctx.cache.registry = undefined
  ctx.cache.stories = undefined
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
