/**
 * Bring an open archive's index up to date with its folder (or some paths of it), as named stages:
 * scan → diff → read → analyse → build segment (pipeline.ts) → link stories → merge → commit.
 * Only added, changed or removed files are read; a cancelled run writes nothing. The new snapshot
 * replaces the old one only once everything is on disk.
 */
import { reloadIfChanged, type ArchiveContext } from '../archive/context'
import { formatCounts } from '../archive/document'
import { scanArchive, scanPaths, inScope } from '../archive/scan'
import { ArchiveSnapshot } from '../archive/snapshot'
import { DatelineError } from '../errors'
import { removeOrphanedImports } from '../import/temp'
import type { Manifest } from '../search/index-store'
import type { Segment } from '../search/segment'
import { acquireLock } from '../store/lock'
import type { SyncStats } from '../stories/links'
import { analysedDocs, storySources, syncStories } from '../stories/service'
import { batchRanges } from '../workers/batches'
import { analysisPool, WORKER_MIN_BATCH } from './analyse'
import { buildSegment } from './build'
import { describeChanges, removeGone } from './changes'
import { commitIndex } from './commit'
import { diffScan } from './diff'
import { mergeSegments } from './merge'
import { readAnalyseBuild } from './pipeline'
import type { IndexProgress, IndexReport } from './types'

/**
 * Cancel keeps what is done: the segments built before the cancel are committed with the manifest
 * pointing to them (nothing removed, nothing merged; the rest is read at the next update), and the
 * cancellation says how many articles are searchable.
 */
async function keepWhatIsDone(ctx: ArchiveContext, before: ArchiveSnapshot, manifest: Manifest, newSegments: Segment[], kept: number, linking: Promise<void> | undefined): Promise<never> {
  await linking?.catch(() => {})
  const segments = new Map(before.segments)
  for (const s of newSegments) segments.set(s.id, s)
  manifest.segments = [...segments.keys()]
  await commitIndex(ctx.store, { manifest, segments }, before.manifest, newSegments, new Set())
  ctx.snapshot = new ArchiveSnapshot(manifest, segments)
  ctx.cache.registry = undefined
  ctx.cache.stories = undefined
  ctx.indexed = true
  throw new DatelineError('cancelled', `Indexing was cancelled; the ${kept} article${kept === 1 ? '' : 's'} indexed so far are kept and searchable, the rest is read at the next update.`)
}

/**
 * A new archive's first segment: searchable at once instead of at the end (text only: ~0.5 s for
 * 1,000 articles; analysed in the same pass: ~1-2 s for 500).
 */
const FIRST_BATCH = { textOnly: 1000, analysed: 500 }

/** How long an update waits for another process's update to finish. */
const LOCK_WAIT_MS = 120_000

/** `cleanImports`: remove this machine's temporary copies left by dead imports (only an import writes to the archive). */
export async function runUpdate(ctx: ArchiveContext, onProgressOut?: (p: IndexProgress) => void, scope?: string[], signal?: AbortSignal, opts: { cleanImports?: boolean } = {}): Promise<IndexReport> {
  // searches made meanwhile say how far the reading has got (search/service.ts)
  const onProgress = (p: IndexProgress) => {
    if (p.phase === 'index' || p.phase === 'read') ctx.reading = { done: p.done, total: p.total }
    onProgressOut?.(p)
  }
  const stopIfCancelled = () => {
    if (signal?.aborted) throw new DatelineError('cancelled', 'Indexing was cancelled; the index is as it was before.')
  }
  const t0 = performance.now()
  let linking: Promise<void> | undefined
  // searches see each segment as it is built; if the update then fails, they go back to what is on disk
  let onDisk: ArchiveSnapshot | undefined
  let settled = false
  await ctx.store.ensureDir()
  // another writer (an import in another process) is waited for, not failed on halfway
  const lock = await acquireLock(ctx.store.dir, LOCK_WAIT_MS)
  try {
    // build on what is on disk: another process (a CLI import beside the app) may have written since
    await reloadIfChanged(ctx)
    const before = (onDisk = ctx.snapshot)
    await ctx.store.removeStrayFiles(new Set(before.manifest.segments))

    // scan, diff
    onProgress?.({ phase: 'scan', done: 0, total: 0 })
    const scanOpts = { exclude: [ctx.dataDir], maxBytes: ctx.opts.maxFileBytes }
    const { files, skipped } = scope ? await scanPaths(ctx.archive, scope, scanOpts) : await scanArchive(ctx.archive, scanOpts)
    const covered = (p: string) => !scope || inScope(p, scope)
    if (!scope) ctx.fullyReconciled = true
    // only an import cleans up (in what it scanned: the archive, or its target folder)
    if (opts.cleanImports) await removeOrphanedImports(ctx.archive, skipped)
    const { tally, changed } = diffScan(before.manifest, files, skipped, covered)
    const manifest = tally.manifest
    const now = Date.now()
    // two-phase indexing: a large change is made searchable first and analysed after (analyse-pending.ts)
    const textOnly = changed.length >= ctx.opts.analyseLaterFrom

    // read, analyse, build a segment per batch, and link each batch's stories while the next is analysed
    const indexed: Array<{ path: string; hash: string }> = []
    const newSegments: Segment[] = []
    const segs = new Map(before.segments)
    const { linkDoc, shingled } = storySources(segs, manifest)
    const early: SyncStats = { linked: 0, candidates: 0, compared: 0 }
    const linkBatch = (docs: readonly { id: string; hash: string }[]) => {
      // the documents already linked enter the story index first (once per session; a changed
      // one is forgotten and linked again when its batch comes)
      linking ??= Promise.resolve().then(() => {
        // (a pass over every document: skipped once they are all in, as after the warm-up)
        if (!ctx.links.allEntered) ctx.links.enterLinked(before.documents().map(linkDoc))
      })
      linking = linking
        .then(() => ctx.links.link(docs.map(linkDoc), shingled))
        .then((st) => {
          early.linked += st.linked
          early.candidates += st.candidates
          early.compared += st.compared
        })
    }
    const first = textOnly ? FIRST_BATCH.textOnly : FIRST_BATCH.analysed
    const ranges = batchRanges(changed.length, ctx.opts.segmentBatch, WORKER_MIN_BATCH.cold, undefined, before.documentCount === 0 ? first : undefined)
    const publish = () => {
      // a snapshot of what is built so far (segments are immutable; the manifest is copied)
      ctx.snapshot = new ArchiveSnapshot({ ...manifest, docs: { ...manifest.docs }, segments: [...segs.keys()] }, new Map(segs))
      ctx.cache.registry = undefined
      ctx.cache.stories = undefined
    }
    onProgress?.({ phase: 'read', done: 0, total: changed.length, current: changed[0]?.path })
    // the workers load their models (~1.5 s) while the first files are read
    if (!textOnly && changed.length >= WORKER_MIN_BATCH.cold && ctx.opts.workers && !ctx.poolFailed) analysisPool(ctx).start()
    let cancelled: DatelineError | undefined
    const workersUsed = await readAnalyseBuild(ctx, changed, ranges, tally, {
      report: (done, current) => onProgress?.({ phase: 'index', done, total: changed.length, current }),
      stopIfCancelled,
      signal,
      textOnly,
      built: (batch, analyzed) => {
        const seg = buildSegment(manifest, batch, analyzed, now)
        newSegments.push(seg)
        segs.set(seg.id, seg)
        for (const d of batch) indexed.push({ path: d.path, hash: d.hash })
        // a text-only batch is linked when it is analysed
        if (!textOnly) linkBatch(batch)
        // more batches to come: what is built is searchable now
        if (indexed.length < changed.length) {
          publish()
          onProgress({ phase: 'index', done: indexed.length, total: changed.length, published: true })
        }
        return seg
      }
    }).catch((err: unknown) => {
      // cancelled after some batches were built: those are kept (below); before any, nothing is written
      if (err instanceof DatelineError && err.code === 'cancelled' && newSegments.length) {
        cancelled = err
        return 0
      }
      throw err
    })
    if (cancelled) {
      settled = true
      return await keepWhatIsDone(ctx, before, manifest, newSegments, indexed.length, linking)
    }
    onProgress?.({ phase: 'index', done: changed.length, total: changed.length, current: linking ? 'stories' : undefined })
    await linking

    // removals, merges
    // what is under a folder that could not be read is not gone: its documents stay
    const unreadable = tally.skipped.filter((x) => x.reason.startsWith('unreadable folder')).map((x) => x.path)
    const gone = removeGone(tally, (p) => covered(p) && !unreadable.some((dir) => p.startsWith(dir)))
    const changes = describeChanges(indexed, gone, tally.byPath)
    const segments = new Map(before.segments)
    for (const s of newSegments) segments.set(s.id, s)
    const { obsolete, merged } = mergeSegments(segments, manifest, newSegments, ctx.opts.mergePolicy)
    const next = new ArchiveSnapshot(manifest, segments)
    const { documents, analysed } = next.coverage()
    const report = {
      documents: Object.keys(manifest.docs).length,
      formats: formatCounts(Object.values(manifest.docs)),
      added: tally.added,
      updated: tally.updated,
      removed: tally.removed,
      // a file read again with the same bytes is unchanged for the user: only its times were kept
      unchanged: tally.unchanged + tally.refreshed,
      skipped: tally.skipped.sort((a, b) => (a.path < b.path ? -1 : 1)),
      notes: tally.notes.sort((a, b) => (a.path < b.path ? -1 : 1)),
      processed: tally.processed.sort(),
      pending: documents - analysed
    }

    // Nothing to write when nothing changed (a watcher event for a file already indexed, a poll).
    const dirty =
      indexed.length > 0 || tally.removed > 0 || tally.updated > 0 || tally.refreshed > 0 || newSegments.length > 0 || obsolete.size > 0 || ctx.problems.length > 0 || !ctx.indexed ||
      JSON.stringify(manifest.rejected) !== JSON.stringify(before.manifest.rejected) ||
      ctx.links.lags(analysedDocs(next))
    if (!dirty) {
      return {
        ...report,
        changes: [],
        segments: { built: 0, merged: 0, total: segments.size },
        workers: 0,
        repaired: [],
        stories: { linked: 0, candidates: 0, compared: 0 },
        ms: Math.round(performance.now() - t0)
      }
    }

    // commit, then the stories of what changed: only new and changed documents are compared, and only with candidates sharing text
    onProgress?.({ phase: 'save', done: 0, total: newSegments.length })
    const built = await commitIndex(ctx.store, { manifest, segments }, before.manifest, newSegments, obsolete)
    onProgress?.({ phase: 'index', done: changed.length, total: changed.length, current: 'stories' })
    const rest = await syncStories(ctx, manifest, segments, tally.removed > 0 || early.linked > 0, scope ? gone.map((d) => d.id) : undefined)
    const linkStats: SyncStats = { linked: early.linked + rest.linked, candidates: early.candidates + rest.candidates, compared: early.compared + rest.compared }

    ctx.snapshot = next
    ctx.cache.registry = undefined
    ctx.cache.stories = undefined
    const repaired = ctx.problems
    ctx.problems = []
    ctx.indexed = true
    settled = true
    return { ...report, changes, segments: { built, merged, total: segments.size }, workers: workersUsed, repaired, stories: linkStats, ms: Math.round(performance.now() - t0) }
  } finally {
    ctx.reading = undefined
    if (!settled && onDisk && ctx.snapshot !== onDisk) {
      ctx.snapshot = onDisk
      ctx.cache.registry = undefined
      ctx.cache.stories = undefined
    }
    // a failed or cancelled update still lets its story linking finish before the next one starts
    await linking?.catch(() => {})
    await lock.release()
  }
}
