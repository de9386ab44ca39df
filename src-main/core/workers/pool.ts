/**
 * A pool of worker threads that analyse documents in parallel (one per core). Analysis is ~95 %
 * of indexing time (tagging, gazetteer, dates, events); Lunr itself is fast. Results come back
 * in input order. If workers cannot start (an unusual packaging, a sandbox), the caller falls
 * back to analysing on its own thread — slower, never wrong.
 */
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Document } from '../archive/document'
import type { analyzeDocument } from '../analyze'
import { DatelineError } from '../errors'

export type Analyzed = ReturnType<typeof analyzeDocument>

/** What a document's analysis gives when it ran over its time budget (the worker was replaced). */
export const OVER_BUDGET = Symbol('over budget')

/**
 * Time one document's analysis may take: far above what linear-time analysis needs (an 11 MB text
 * takes ~3 s), so only an unforeseen slow path reaches it; the file is then indexed by its text.
 */
export function analysisBudgetMs(doc: Pick<Document, 'text'>): number {
  return 30_000 + 10_000 * (doc.text.length / 1e6)
}

interface Task {
  id: number
  doc: Document
  resolve: (r: Analyzed | typeof OVER_BUDGET) => void
  reject: (e: Error) => void
}

interface Slot {
  worker: Worker
  ready: Promise<void>
  /** sent and not yet answered, oldest first (a worker answers in order) */
  inflight: Task[]
  /** the time budget of the document the worker is on (the first in flight) */
  timer?: NodeJS.Timeout
  timing?: number
  /** replaced after running over a budget: its exit is expected */
  retired?: boolean
}

/**
 * Documents sent to a worker ahead of its answers (about a second of work): while this thread is
 * busy building a segment (1–2 s for 5,000 documents, not interruptible) a worker with only one
 * document would sit idle until we come back to it.
 */
const AHEAD = 256

/**
 * Where the worker's code is: the built script the app's composition root names (bundlers move
 * code between chunks, so it is passed in), else the TypeScript source run through tsx (CLI, tests).
 */
export function workerSpec(script?: string, name: 'analyze-worker' | 'read-worker' = 'analyze-worker'): { file: string | URL; workerData?: unknown } {
  // the app names the analysis worker's built script; the reader's is built beside it
  if (script) return { file: name === 'analyze-worker' ? script : path.join(path.dirname(script), `${name}.js`) }
  const here = fileURLToPath(import.meta.url)
  if (here.endsWith('.ts')) return { file: path.join(path.dirname(here), 'bootstrap.mjs'), workerData: { entry: pathToFileURL(path.join(path.dirname(here), `${name}.ts`)).href } }
  return { file: path.join(path.dirname(here), `${name}.js`) }
}

export class AnalyzePool {
  private slots: Slot[] = []
  private queue: Task[] = []
  private nextId = 1
  private broken: Error | null = null

  constructor(
    readonly size = Math.max(1, Math.min(availableParallelism(), 8)),
    private readonly script?: string,
    private readonly budgetMs: (doc: Document) => number = analysisBudgetMs
  ) {}

  /** how long this document's analysis may take */
  budgetFor(doc: Document): number {
    return this.budgetMs(doc)
  }

  /** whether the workers are running (loaded models), so small batches are worth sending */
  get started(): boolean {
    return this.slots.length > 0
  }

  /** Start the workers (they load their models) ahead of the first batch. */
  start(): void {
    if (this.slots.length || this.broken) return
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn())
  }

  private spawn(): Slot {
    const spec = workerSpec(this.script)
    // analysis allocates many short-lived objects per document; a larger young generation means
    // fewer scavenges (2,000 documents on 2 workers: 8.2–8.9 s → 7.1–7.6 s, measured)
    const worker = new Worker(spec.file, { workerData: spec.workerData, resourceLimits: { maxYoungGenerationSizeMb: 96 } })
    const slot: Slot = { worker, inflight: [], ready: Promise.resolve() }
    slot.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (!m.ready) return
        worker.off('message', onMessage)
        worker.off('error', reject)
        resolve()
      }
      worker.on('message', onMessage)
      worker.once('error', reject)
    })
    worker.on('message', (m: { id?: number; result?: Omit<Analyzed, 'text'>; error?: string }) => {
      const t = slot.inflight[0]
      if (!t || m.id !== t.id) return
      slot.inflight.shift()
      if (m.error) t.reject(new DatelineError('io', `Could not analyse ${t.doc.path}: ${m.error}`))
      else t.resolve({ ...m.result!, text: t.doc.text } as Analyzed)
      this.pump()
    })
    worker.on('error', (err) => !slot.retired && this.fail(err))
    worker.on('exit', (code) => code !== 0 && !slot.retired && this.fail(new Error(`analysis worker exited with code ${code}`)))
    // an idle pool never keeps a command-line run alive (referenced while starting and while busy)
    void slot.ready.then(() => !slot.inflight.length && worker.unref(), () => {})
    return slot
  }

  /** Keep the clock on the document each worker is on: over its budget, the worker is replaced. */
  private time(slot: Slot): void {
    const head = slot.inflight[0]
    if (head?.id === slot.timing) return
    clearTimeout(slot.timer)
    slot.timing = head?.id
    if (!head) return
    // the worker loads its models before it answers: the budget starts when it is ready
    void slot.ready.then(() => {
      if (slot.timing !== head.id || slot.retired) return
      slot.timer = setTimeout(() => this.overBudget(slot, head), this.budgetMs(head.doc))
      slot.timer.unref()
    }, () => {})
  }

  /** A document ran over its budget: stop its worker, answer OVER_BUDGET for it, resend the others to a new worker. */
  private overBudget(slot: Slot, task: Task): void {
    const at = this.slots.indexOf(slot)
    if (at === -1 || slot.inflight[0] !== task) return
    slot.retired = true
    slot.inflight.shift()
    this.queue.unshift(...slot.inflight.splice(0))
    void slot.worker.terminate()
    this.slots[at] = this.spawn()
    task.resolve(OVER_BUDGET)
    void this.slots[at]!.ready.then(() => this.pump(), (err) => this.fail(err as Error))
  }

  private fail(err: Error) {
    this.broken ??= err
    for (const s of this.slots) {
      clearTimeout(s.timer)
      for (const t of s.inflight.splice(0)) t.reject(err)
      void s.worker.terminate()
    }
    for (const t of this.queue.splice(0)) t.reject(err)
    this.slots = []
  }

  private pump() {
    let busy = 0
    for (const s of this.slots) {
      // no more than a fair share of what is left, so both workers finish together
      const ahead = Math.min(AHEAD, Math.ceil(this.queue.length / this.slots.length))
      while (s.inflight.length < Math.max(1, ahead) && this.queue.length) {
        const t = this.queue.shift()!
        s.inflight.push(t)
        s.worker.postMessage({ id: t.id, doc: t.doc })
      }
      if (s.inflight.length) busy++
      this.time(s)
    }
    // keep the process alive exactly while there is work in flight
    for (const s of this.slots) (busy ? s.worker.ref() : s.worker.unref())
  }

  /**
   * Analyse documents in parallel; `onEach` is called as each one finishes (for progress). A
   * document whose analysis runs over its budget gives OVER_BUDGET (its worker is replaced).
   */
  async analyze(docs: readonly Document[], onEach?: (done: number) => void, signal?: AbortSignal): Promise<Array<Analyzed | typeof OVER_BUDGET>> {
    this.start()
    if (this.broken) throw this.broken
    try {
      await Promise.all(this.slots.map((s) => s.ready))
    } catch (err) {
      this.fail(err as Error)
      throw err
    }
    let done = 0
    const results = docs.map(
      (doc) =>
        new Promise<Analyzed | typeof OVER_BUDGET>((resolve, reject) => {
          this.queue.push({ id: this.nextId++, doc, resolve, reject })
        })
    )
    const onAbort = () => {
      const cancelled = new DatelineError('cancelled', 'Indexing was cancelled; the index is as it was before.')
      for (const t of this.queue.splice(0)) t.reject(cancelled)
      // the workers finish what they were sent; those answers no longer match a task and are dropped
      for (const s of this.slots) for (const t of s.inflight.splice(0)) t.reject(cancelled)
      this.pump()
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    this.pump()
    // cancelled while the workers were loading their models: the listener came too late to hear it
    if (signal?.aborted) onAbort()
    try {
      return await Promise.all(results.map((p) => p.then((r) => (onEach?.(++done), r))))
    } finally {
      signal?.removeEventListener('abort', onAbort)
    }
  }

  async close(): Promise<void> {
    const slots = this.slots
    this.slots = []
    for (const s of slots) clearTimeout(s.timer)
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }
}
