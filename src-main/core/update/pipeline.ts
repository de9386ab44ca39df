/**
 * Stages 3–5 as a pipeline: changed files are read in chunks, each chunk handed to the analysis as
 * soon as it is read, and each batch of one segment built when its analysis is done. The workers
 * go on from batch r to batch r+1 without a pause while this thread builds batch r's segment and
 * links its stories; batch r+2 is read meanwhile. A batch's texts are let go once its segment
 * holds them, so memory does not grow with the archive.
 */
import type { ArchiveContext } from '../archive/context'
import type { Document } from '../archive/document'
import type { FileEntry } from '../archive/scan'
import type { NewSegmentDoc, Segment } from '../search/segment'
import { READ_CHUNK } from '../workers/batches'
import { analyseBatch, textOnlyBatch } from './analyse'
import type { UpdateTally } from './diff'
import { isolatedReader, readChanged } from './read'

export interface PipelineHooks {
  /** progress of the analysis: documents done of the changed files, and the current one */
  report: (done: number, current: string | undefined) => void
  stopIfCancelled: () => void
  signal: AbortSignal | undefined
  /** phase 1 of two-phase indexing: index terms only, the analysis left for later */
  textOnly: boolean
  /** a batch is analysed: build its segment (this thread; cannot yield) */
  built: (batch: Document[], analyzed: NewSegmentDoc[]) => Segment
}

/** Runs the batches (`ranges`, from workers/batches.ts) through; returns the worker count used. */
export async function readAnalyseBuild(ctx: ArchiveContext, changed: readonly FileEntry[], ranges: ReadonlyArray<readonly [number, number]>, tally: UpdateTally, hooks: PipelineHooks): Promise<number> {
  let shown = 0 // two batches report at once: the count never goes back
  const report = (at: number) => (k: number, current: string | undefined) => hooks.report((shown = Math.max(shown, at + k)), current)
  let reads: Promise<unknown> = Promise.resolve()
  /** Read batch r in chunks, one chunk after another, each handed to the analysis as soon as it is read. */
  const start = (r: number) => {
    const range = ranges[r]
    if (!range) return undefined
    const [from, to] = range
    const parts: Array<Promise<{ docs: Document[]; analyzed: NewSegmentDoc[]; workers: number }>> = []
    for (let at = from; at < to; at += READ_CHUNK) {
      const reading = reads.then(() => readChanged(changed.slice(at, Math.min(to, at + READ_CHUNK)), tally, hooks.stopIfCancelled, ctx.opts.maxFileBytes, ctx.archive, isolatedReader(ctx, hooks.signal, 'take'), (p) => hooks.report(shown, p)))
      reads = reading.catch(() => {})
      parts.push(
        reading.then(async (docs) => ({
          docs,
          ...(!docs.length
            ? { analyzed: [], workers: 0 }
            : hooks.textOnly
              ? await textOnlyBatch(docs, report(at), hooks.stopIfCancelled)
              : await analyseBatch(ctx, docs, report(at), hooks.stopIfCancelled, hooks.signal, changed.length, (n) => tally.notes.push(n)))
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
  let workersUsed = 0
  const pipeline = [start(0), start(1)]
  for (let r = 0; pipeline[0]; r++) {
    const { batch, analyzed, workers } = await pipeline.shift()!
    pipeline.push(start(r + 2))
    if (!batch.length) continue
    if (workers) workersUsed = workers
    hooks.stopIfCancelled()
    // let the next batch reach the workers before this thread is taken by the build
    if (pipeline[0] !== undefined) await new Promise((r) => setImmediate(r))
    hooks.built(batch, analyzed)
  }
  return workersUsed
}
