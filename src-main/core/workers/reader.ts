/**
 * The reader thread: one worker (read-worker.ts) that parses the heavy formats, one file at a
 * time, off the thread that answers the window. Each file has a time budget (a parser caught in a
 * loop is stopped, the file reported as taking too long) and the thread a memory limit (a file
 * that needs more is reported as too large to read); either way the thread is replaced and the
 * next file goes on. A cancelled update stops the file in hand at once.
 */
import { Worker } from 'node:worker_threads'
import { DatelineError } from '../errors'
import type { ReadResult } from '../formats/types'
import { workerSpec } from './pool'

/** Seconds a file may take: a base, plus time per megabyte (a 200-page PDF reads in ~5 s). */
const BASE_MS = 30_000
const PER_MB_MS = 3_000
/** Heap the reader thread may use; more is a file too large to read in memory. */
const HEAP_MB = 1536

interface Pending {
  id: number
  resolve: (r: ReadResult) => void
  reject: (e: Error) => void
}

export class ReaderThread {
  private worker: Worker | undefined
  private ready: Promise<void> | undefined
  private pending: Pending | undefined
  private chain: Promise<unknown> = Promise.resolve()
  private nextId = 1

  constructor(private readonly script?: string, private readonly budget = { baseMs: BASE_MS, perMbMs: PER_MB_MS }) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready
    const spec = workerSpec(this.script, 'read-worker')
    const worker = new Worker(spec.file, { workerData: spec.workerData, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } })
    this.worker = worker
    this.ready = new Promise<void>((resolve, reject) => {
      const onReady = (m: { ready?: boolean }) => {
        if (!m.ready) return
        worker.off('message', onReady)
        resolve()
      }
      worker.on('message', onReady)
      worker.once('error', reject)
    })
    worker.on('message', (m: { id?: number; result?: ReadResult }) => {
      const p = this.pending
      if (!p || m.id !== p.id || !m.result) return
      this.pending = undefined
      worker.unref()
      p.resolve(m.result)
    })
    worker.on('error', (err) => this.lost(worker, /heap|memory/i.test(String(err)) ? 'too large to read in memory' : `the reader stopped (${String(err).slice(0, 120)})`))
    worker.on('exit', () => this.lost(worker, 'too large to read in memory'))
    return this.ready
  }

  /** The worker died (memory) or was stopped (time): the file in hand gets the reason, a new thread the next file. */
  private lost(worker: Worker, reason: string) {
    if (this.worker !== worker) return
    this.worker = undefined
    this.ready = undefined
    const p = this.pending
    this.pending = undefined
    p?.resolve({ ok: false, reason })
  }

  /** Read one file's bytes as the reader of its extension does, in the reader thread. */
  read(ext: string, bytes: Uint8Array, signal?: AbortSignal): Promise<ReadResult> {
    const run = this.chain.then(() => this.readNow(ext, bytes, signal))
    this.chain = run.catch(() => {})
    return run
  }

  private async readNow(ext: string, bytes: Uint8Array, signal?: AbortSignal): Promise<ReadResult> {
    if (signal?.aborted) throw new DatelineError('cancelled', 'Indexing was cancelled.')
    await this.start()
    if (signal?.aborted) throw new DatelineError('cancelled', 'Indexing was cancelled.')
    const worker = this.worker!
    const id = this.nextId++
    const limit = this.budget.baseMs + (bytes.length / 1024 / 1024) * this.budget.perMbMs
    return new Promise<ReadResult>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined
      const onAbort = () => {
        this.pending = undefined
        this.stop(worker)
        reject(new DatelineError('cancelled', 'Indexing was cancelled.'))
      }
      const done = (r: ReadResult) => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        resolve(r)
      }
      this.pending = { id, resolve: done, reject }
      timer = setTimeout(() => {
        if (this.pending?.id !== id) return
        this.pending = undefined
        this.stop(worker)
        done({ ok: false, reason: `took too long to read (over ${Math.round(limit / 1000)} s): a damaged or unusually complex file` })
      }, limit)
      signal?.addEventListener('abort', onAbort, { once: true })
      worker.ref()
      // a copy: the caller keeps its bytes (the content hash is taken from them)
      worker.postMessage({ id, ext, bytes })
    })
  }

  /** Start the thread and load the parsers that load on first use (pdf.js's parser, readability). */
  async warmUp(): Promise<void> {
    const enc = new TextEncoder()
    await Promise.all([this.read('.pdf', enc.encode('%PDF-1.4\n%%EOF\n')), this.read('.html', enc.encode('<html><body><article><p>Warm-up.</p></article></body></html>'))]).catch(() => {})
  }

  private stop(worker: Worker) {
    if (this.worker === worker) {
      this.worker = undefined
      this.ready = undefined
    }
    void worker.terminate()
  }

  async close(): Promise<void> {
    const w = this.worker
    this.worker = undefined
    this.ready = undefined
    await w?.terminate()
  }
}
