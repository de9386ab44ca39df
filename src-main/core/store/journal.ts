/**
 * A JSON snapshot with an append-only log of changes beside it, for files too large to rewrite
 * on every update (at 100,000 articles the index manifest is 33 MB, the story links 10 MB, and
 * adding one article used to rewrite both).
 *
 * - The snapshot (`name.json`) is replaced atomically, as before, and records the sequence
 *   number of the last change it contains (`journalSeq`) and a random `journalId`.
 * - Each update appends one line `{"seq":n,"journal":id,…}` to `name.log` and flushes it to the
 *   disk before returning, so a change is durable once the call returns. Lines are applied only
 *   to the snapshot whose id they carry: a log left beside another snapshot (an older version
 *   of the app rewrote it whole) is ignored rather than replayed onto the wrong state.
 * - Loading reads the snapshot, then applies the log's lines with a higher sequence number, in
 *   order. A crash in the middle of an append leaves a torn last line: it is ignored (that
 *   change never completed) and cut off before the next append.
 * - When the log grows past a quarter of the snapshot (at least 1 MB), the next save writes a
 *   new snapshot, then deletes the log. A crash between the two leaves lines the snapshot
 *   already holds; their sequence numbers say so and they are skipped.
 * Pure apart from the file I/O; the caller decides what a change is and how to apply it.
 */
import { randomBytes } from 'node:crypto'
import { open, readFile, truncate, unlink } from 'node:fs/promises'
import path from 'node:path'
import { ioError } from '../errors'
import { syncDir, writeFileAtomic } from './atomic'

const MIN_COMPACT_BYTES = 1 << 20

export interface JournalEntry {
  seq: number
  /** the journalId of the snapshot this change follows */
  journal: string
}

export interface JournalSnapshot {
  journalSeq?: number
  journalId?: string
}

export interface LoadedJournal<S, E extends JournalEntry> {
  /** the snapshot, or undefined when there is none */
  snapshot: S | undefined
  /** the log's complete entries newer than the snapshot, in order */
  entries: E[]
  /** a torn last line was found (and will be cut off) */
  torn: boolean
}

export class Journal<S extends JournalSnapshot, E extends JournalEntry> {
  private seq = 0
  /** the current snapshot's id; undefined until one is written (then every save writes one) */
  private id: string | undefined
  private logBytes = 0
  private snapshotBytes = 0
  /** where the log's complete lines end, when a torn line follows them */
  private cutAt: number | undefined

  constructor(
    readonly snapshotPath: string,
    readonly logPath: string,
    private readonly minCompactBytes = MIN_COMPACT_BYTES
  ) {}

  /** Read the snapshot and the log's newer entries. A missing or unreadable snapshot gives undefined. */
  async load(parse: (json: string) => S): Promise<LoadedJournal<S, E>> {
    let snapshot: S | undefined
    try {
      const json = await readFile(this.snapshotPath, 'utf8')
      this.snapshotBytes = Buffer.byteLength(json)
      snapshot = parse(json)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    const base = snapshot?.journalSeq ?? 0
    this.seq = base
    this.id = snapshot?.journalId
    const entries: E[] = []
    let torn = false
    let log: Buffer
    try {
      log = await readFile(this.logPath)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { snapshot, entries, torn }
      throw err
    }
    let at = 0
    while (at < log.length) {
      const nl = log.indexOf(10, at)
      // a line without its newline was being written when the process stopped
      if (nl < 0) {
        torn = true
        break
      }
      let entry: E
      try {
        entry = JSON.parse(log.toString('utf8', at, nl)) as E
      } catch {
        torn = true
        break
      }
      if (typeof entry?.seq !== 'number') {
        torn = true
        break
      }
      at = nl + 1
      if (entry.journal !== this.id || this.id === undefined) continue
      if (entry.seq > base) entries.push(entry)
      this.seq = Math.max(this.seq, entry.seq)
    }
    this.logBytes = at
    this.cutAt = torn ? at : undefined
    return { snapshot, entries, torn }
  }

  /**
   * Record a change: append it to the log, or, when the log has grown large or `full` says the
   * change is most of the state anyway, write `snapshot()` instead and start a new log.
   */
  async save(change: Omit<E, 'seq' | 'journal'>, snapshot: () => S, opts: { full?: boolean } = {}): Promise<void> {
    const seq = ++this.seq
    const line = JSON.stringify({ seq, journal: this.id, ...change }) + '\n'
    const bytes = Buffer.byteLength(line)
    const compact = opts.full || this.id === undefined || this.logBytes + bytes > Math.max(this.minCompactBytes, this.snapshotBytes / 4)
    if (compact) return this.writeSnapshot(snapshot())
    try {
      if (this.cutAt !== undefined) {
        await truncate(this.logPath, this.cutAt)
        this.cutAt = undefined
      }
      const fresh = this.logBytes === 0
      const fh = await open(this.logPath, 'a')
      try {
        await fh.write(line)
        await fh.sync()
      } finally {
        await fh.close()
      }
      // a new log file's name must reach the disk too
      if (fresh) await syncDir(path.dirname(this.logPath))
      this.logBytes += bytes
    } catch (err) {
      throw ioError(err, 'write the index log')
    }
  }

  /** Replace the snapshot (holding every change so far) and drop the log. */
  async writeSnapshot(state: S): Promise<void> {
    const id = randomBytes(6).toString('hex')
    const json = JSON.stringify({ ...state, journalSeq: this.seq, journalId: id })
    await writeFileAtomic(this.snapshotPath, json)
    this.id = id
    this.snapshotBytes = Buffer.byteLength(json)
    await unlink(this.logPath).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw ioError(err, 'remove the index log')
    })
    this.logBytes = 0
    this.cutAt = undefined
  }
}
