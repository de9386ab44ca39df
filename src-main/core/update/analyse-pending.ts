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

/** The first segment (in the order they were built) with live articles waiting for their analysis. */
export function nextPending(snap: ArchiveSnapshot): Segment | undefined {
  for (const id of snap.manifest.segments) {
    const seg = snap.segments.get(id)
    if (seg && [...seg.pendingIds].some((ref) => snap.manifest.docs[ref]?.segment === seg.id)) return seg
  }
  return undefined
}

/**
 * Analyse the pending articles of one segment and publish it; undefined when nothing is pending.
 * Cancelled (`signal`): nothing of this step is written, the steps before are kept.
 */
export async function analyseNextSegment(ctx: ArchiveContext, onProgress?: (p: IndexProgress) => void, signal?: AbortSignal): Promise<AnalysisStep | undefined> {
  const stopIfCancelled = () => {
    if (signal?.aborted) {
      const { documents, analysed } = ctx.snapshot.coverage()
      throw new DatelineError('cancelled', `Analysis was stopped; ${analysed} of ${documents} articles are analysed (all are searchable), the rest is analysed at the next update.`)
    }
  }
  stopIfCancelled()
  await ctx.store.ensureDir()
  const lock = await acquireLock(ctx.store.dir, LOCK_WAIT_MS)
  try {
    // another process may have analysed (or replaced) segments since
    await reloadIfChanged(ctx)
    const before = ctx.snapshot
    const seg = nextPending(before)
    if (!seg) return undefined
    const { manifest } = before
    const docs: Document[] = []
    const ords: number[] = []
    for (const ref of seg.pendingIds) {
      const meta = manifest.docs[ref]
      if (meta?.segment !== seg.id) continue // replaced since: its old copy stays a tombstone
      const ord = seg.ordinalOf(ref)
      const { segment: _s, indexedAt: _i, ...doc } = meta
      docs.push({ ...doc, title: seg.data.docs[ord]!.title, text: seg.textAt(ord) })
      ords.push(ord)
    }
    // links lost to a crash after the last step's segment was written are made first: stories are linked in path order
    if (ctx.links.lags(analysedDocs(before))) await syncStories(ctx, manifest, before.segments, true, [])
    const cov = before.coverage()
    const progress = (done: number, current?: string) => onProgress?.({ phase: 'analyse', done: cov.analysed + done, total: cov.documents, ...(current ? { current } : {}) })
    progress(0, docs[0]?.path)
    const { analyzed, workers } = await analyseBatch(ctx, docs, progress, stopIfCancelled, signal)
    stopIfCancelled()
    const byOrd = new Map<number, DocAnalysis>()
    analyzed.forEach((a, k) => byOrd.set(ords[k]!, a))
    const done = seg.withAnalysis((ord) => byOrd.get(ord))

    // the segment file is replaced atomically; a line in the manifest's log tells other processes to reload
    await ctx.store.writeSegment(done)
    await ctx.store.writeManifest(manifest, manifest)
    const segments = new Map(before.segments)
    segments.set(done.id, done)
    const next = new ArchiveSnapshot(manifest, segments)
    ctx.snapshot = next
    ctx.cache.registry = undefined
    ctx.cache.stories = undefined

    // the analysed articles join their stories (the linked ones enter the story index first, once per session)
    const { linkDoc, shingled } = storySources(segments, manifest)
    if (!ctx.links.allEntered) ctx.links.enterLinked(analysedDocs(before).map(linkDoc))
    await ctx.links.link(docs.map(linkDoc), shingled)
    await syncStories(ctx, manifest, segments, true, [])
    ctx.cache.stories = undefined

    const after = next.coverage()
    onProgress?.({ phase: 'analyse', done: after.analysed, total: after.documents, published: true })
    return { segment: done.id, articles: docs.length, ...after, workers }
  } finally {
    await lock.release()
  }
}
