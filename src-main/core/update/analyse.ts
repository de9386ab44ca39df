/**
 * Stage 4: analyse a batch of documents (terms, entities, fingerprints, dates, events: analyze.ts)
 * in the worker pool when the batch is large enough for it, else on this thread.
 */
import { analyzeDocument, textOnlyDocument } from '../analyze'
import type { ArchiveContext } from '../archive/context'
import type { Document } from '../archive/document'
import { DatelineError } from '../errors'
import type { NewSegmentDoc } from '../search/segment'
import { AnalyzePool } from '../workers/pool'

/**
 * Analysis moves to worker threads for batches this large: each worker first loads the tagger
 * model and gazetteer (~1.5 s), which only pays off for about a thousand files; once the workers
 * are running, smaller batches go to them too.
 */
export const WORKER_MIN_BATCH = { cold: 1000, warm: 64 }

/** The archive's worker pool, created on first use. */
export function analysisPool(ctx: ArchiveContext): AnalyzePool {
  return (ctx.pool ??= new AnalyzePool(undefined, ctx.opts.workerScript || undefined))
}

/** Whether a batch of this many documents goes to the workers. */
export function worthWorkers(ctx: ArchiveContext, size: number): boolean {
  return size >= (ctx.pool?.started ? WORKER_MIN_BATCH.warm : WORKER_MIN_BATCH.cold) && ctx.opts.workers && !ctx.poolFailed
}

/**
 * Analyse one batch: in the pool when worth it (falling back to this thread if the workers cannot
 * run), else here, yielding to the event loop every 10 files so the window's calls are answered
 * and cancellation is noticed. `of` is the whole update this is a chunk of: it decides (a new archive's small first batch goes to the workers the update starts, not to this thread).
 */
export async function analyseBatch(
  ctx: ArchiveContext,
  batch: readonly Document[],
  report: (done: number, current: string | undefined) => void,
  stopIfCancelled: () => void,
  signal: AbortSignal | undefined,
  of = batch.length
): Promise<{ analyzed: NewSegmentDoc[]; workers: number }> {
  if (worthWorkers(ctx, of)) {
    try {
      const analyzed = await analysisPool(ctx).analyze(batch, (n) => n % 10 === 0 && report(n, batch[n - 1]?.path), signal)
      return { analyzed, workers: analysisPool(ctx).size }
    } catch (err) {
      if (err instanceof DatelineError && err.code === 'cancelled') throw err
      ctx.poolFailed = true // analyse on this thread instead (slower, same result)
    }
  }
  return { analyzed: await onThisThread(batch, 10, analyzeDocument, report, stopIfCancelled), workers: 0 }
}

/**
 * Phase 1 of two-phase indexing: a batch's index terms only (~0.3 ms an article, on this thread:
 * handing them to the workers was measured slower, the copies costing more than they save).
 */
export async function textOnlyBatch(batch: readonly Document[], report: (done: number, current: string | undefined) => void, stopIfCancelled: () => void): Promise<{ analyzed: NewSegmentDoc[]; workers: number }> {
  return { analyzed: await onThisThread(batch, 100, textOnlyDocument, report, stopIfCancelled), workers: 0 }
}

/** `fn` over a batch on this thread, yielding to the event loop every `every` documents (the window's calls are answered, a cancel is noticed). */
async function onThisThread(
  batch: readonly Document[],
  every: number,
  fn: (d: Document) => NewSegmentDoc,
  report: (done: number, current: string | undefined) => void,
  stopIfCancelled: () => void
): Promise<NewSegmentDoc[]> {
  const out: NewSegmentDoc[] = []
  for (let k = 0; k < batch.length; k++) {
    if (k % every === 0) {
      if (k) await new Promise((r) => setImmediate(r))
      stopIfCancelled()
      report(k, batch[k]!.path)
    }
    out.push(fn(batch[k]!))
  }
  return out
}
