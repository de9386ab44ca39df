/**
 * Stage 4: analyse a batch of documents (terms, entities, fingerprints, dates, events: analyze.ts)
 * in the worker pool when the batch is large enough for it, else on this thread.
 */
import { ANALYSIS_MAX_CHARS, analyzeDocument, textOnlyDocument } from '../analyze'
import type { ArchiveContext } from '../archive/context'
import type { Document } from '../archive/document'
import { DatelineError } from '../errors'
import type { NewSegmentDoc } from '../search/segment'
import { analysisBudgetMs, AnalyzePool, OVER_BUDGET } from '../workers/pool'

/**
 * Analysis moves to worker threads for batches this large: each worker first loads the tagger
 * model and gazetteer (~1.5 s), which only pays off for about a thousand files; once the workers
 * are running, smaller batches go to them too.
 */
export const WORKER_MIN_BATCH = { cold: 1000, warm: 64 }

/** The archive's worker pool, created on first use. */
export function analysisPool(ctx: ArchiveContext): AnalyzePool {
  const budget = ctx.opts.analysisBudgetMs
  return (ctx.pool ??= new AnalyzePool(undefined, ctx.opts.workerScript || undefined, budget ? () => budget : analysisBudgetMs))
}

/** Whether a batch of this many documents goes to the workers. */
export function worthWorkers(ctx: ArchiveContext, size: number): boolean {
  return size >= (ctx.pool?.started ? WORKER_MIN_BATCH.warm : WORKER_MIN_BATCH.cold) && ctx.opts.workers && !ctx.poolFailed
}

/**
 * Texts this long are analysed in a worker even in a small batch: ~20 ms of analysis at most stays
 * on this thread (the window's calls and a Cancel wait no longer than that), a 10 MB file's ~3 s
 * does not.
 */
export const HEAVY_TEXT = 64 * 1024

/** An article whose analysis ran over its time budget: searchable by its text, without entities, dates or events. */
function unanalysed(d: Document): NewSegmentDoc {
  const { pending: _p, ...doc } = textOnlyDocument(d)
  return doc
}

export type AnalysisNote = (note: { path: string; reason: string }) => void

/**
 * Analyse one batch: in the pool when worth it (falling back to this thread if the workers cannot
 * run), else here, yielding to the event loop every 10 files so the window's calls are answered
 * and cancellation is noticed; a long text goes to the pool in any case. An analysis over its time
 * budget leaves that article text-only, with a note. `of` is the whole update this is a chunk of:
 * it decides (a new archive's small first batch goes to the workers the update starts, not to this
 * thread).
 */
export async function analyseBatch(
  ctx: ArchiveContext,
  batch: readonly Document[],
  report: (done: number, current: string | undefined) => void,
  stopIfCancelled: () => void,
  signal: AbortSignal | undefined,
  of = batch.length,
  noted?: AnalysisNote
): Promise<{ analyzed: NewSegmentDoc[]; workers: number }> {
  for (const d of batch) {
    if (d.text.length > ANALYSIS_MAX_CHARS) noted?.({ path: d.path, reason: `indexed in full; entities, dates and events from its first ${ANALYSIS_MAX_CHARS / 1e6} million characters (of ${(d.text.length / 1e6).toFixed(1)} million)` })
  }
  const pooled = ctx.opts.workers && !ctx.poolFailed
  const all = pooled && worthWorkers(ctx, of)
  const inPool = all ? batch.map((_, i) => i) : pooled ? batch.flatMap((d, i) => (d.text.length >= HEAVY_TEXT ? [i] : [])) : []
  let fromPool: Array<NewSegmentDoc | undefined> = []
  if (inPool.length) {
    try {
      const docs = inPool.map((i) => batch[i]!)
      const results = await analysisPool(ctx).analyze(docs, (n) => n % 10 === 0 && report(n, docs[n - 1]?.path), signal)
      fromPool = new Array(batch.length)
      results.forEach((r, k) => {
        const d = docs[k]!
        if (r !== OVER_BUDGET) fromPool[inPool[k]!] = r
        else {
          fromPool[inPool[k]!] = unanalysed(d)
          noted?.({ path: d.path, reason: `indexed by its text only: its analysis ran over ${(analysisPool(ctx).budgetFor(d) / 1000).toFixed(1)} s (no entities, dates or events for it)` })
        }
      })
      if (all) return { analyzed: fromPool as NewSegmentDoc[], workers: analysisPool(ctx).size }
    } catch (err) {
      if (err instanceof DatelineError && err.code === 'cancelled') throw err
      ctx.poolFailed = true // analyse on this thread instead (slower, same result)
      fromPool = []
    }
  }
  const rest = batch.filter((_, i) => !fromPool[i])
  const here = await onThisThread(rest, 10, analyzeDocument, report, stopIfCancelled)
  let k = 0
  return { analyzed: batch.map((_, i) => fromPool[i] ?? here[k++]!), workers: inPool.length && fromPool.length ? analysisPool(ctx).size : 0 }
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
