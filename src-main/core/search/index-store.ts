/**
 * The index on disk: manifest.json (documents and live segments) with manifest.log (the changes
 * since, one line per update: store/journal.ts), plus one file per segment.
 * Write order makes crashes harmless: new segment files first, then the manifest change (appended
 * and flushed, or a new snapshot written atomically), then old segment files are deleted. A crash
 * leaves at worst unreferenced files, removed at the next open, or a torn last log line, ignored;
 * a damaged segment is dropped and its documents re-indexed from the archive.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises'
import path from 'node:path'
import type { DocumentMeta } from '../archive/document'
import { ioError } from '../errors'
import { writeFileAtomic } from '../store/atomic'
import { Journal, type JournalEntry } from '../store/journal'
import { Segment } from './segment'
import { decodeSegment, encodeSegment } from './segment-file'

export interface IndexedDocument extends DocumentMeta {
  segment: string
  /** when the file entered the index (ms since epoch) */
  indexedAt: number
}

export interface Manifest {
  format: 'dateline-index'
  /** 2: documents carry their entities; 3: story fingerprints and date evidence; 5: binary segments; 6: details on demand; 7: binary story samples */
  version: typeof INDEX_VERSION
  archive: string
  nextSegment: number
  segments: string[]
  docs: Record<string, IndexedDocument>
  /** files refused after reading them (binary, undecodable…), so they are not re-read until they change */
  rejected: Record<string, { size: number; mtimeMs: number; reason: string }>
  /** the last logged change this snapshot holds, and the id its log lines carry (manifest.log) */
  journalSeq?: number
  journalId?: string
}

/** One update's change to the manifest: documents put (whole) or deleted, the live segments. */
interface ManifestChange extends JournalEntry {
  nextSegment: number
  segments: string[]
  put: IndexedDocument[]
  del: string[]
  /** the whole map, when it changed (it is small) */
  rejected?: Manifest['rejected']
}

// 8: entities re-extracted (Latin Extended letters no longer split names; capitals datelines are places;
// sentence-opening small towns and groups of people are not entities)
// 9: manifest.log beside manifest.json (an older reader would see an incomplete snapshot)
// 10: entities re-extracted (in a stripped copy an organisation's name ends where the next sentence
// begins, and a possessive that lost its apostrophe joins it; "steelmaker X", "shares in X" are organisations)
// 11: date evidence re-read (ISO datelines "LONDON 1996-08-30"; no year taken from a table row or a far-off maturity);
// entities re-extracted with runs of over 64 characters without a space read as spaces
// 12: document ids from the path as spelled (they were from its NFC form: two files, one id)
// 13: entities re-extracted by the trained recogniser
// 15: documents carry their format, container and stated metadata; a .txt export of many articles is split
export const INDEX_VERSION = 15

/** What a re-index brings, by the version that brought it: told to the user when an older index is replaced. */
const INDEX_CHANGES: Record<number, string> = {
  13: 'people, organisations and places are now found by a trained recogniser, so every article\'s entities are extracted again',
  15: 'web pages, PDF, Word, e-mail, feeds and Nexis or Factiva exports are now read, a .txt export of many articles is split into them, and what each file states (outlet, author, date) is used, so every article is read again',
  14: 'organisations named with an acronym in brackets, and a person named after an organisation and a title, are now read whole, and a weekday or a date without a year follows the tense of its sentence ("will play on Sunday"), so every article\'s entities, dates and events are extracted again'
}

/** The message for an index of another version: what changed since, when it is older. */
export function reindexMessage(found: unknown): string {
  const since = typeof found === 'number' ? Object.entries(INDEX_CHANGES).filter(([v]) => Number(v) > found && Number(v) <= INDEX_VERSION).map(([, what]) => what) : []
  return since.length
    ? `The index was made by an earlier version of Dateline; the archive is re-indexed: ${since.join('; ')}.`
    : 'The index was made by another version of Dateline; the archive is re-indexed.'
}

export function emptyManifest(archive: string): Manifest {
  return { format: 'dateline-index', version: INDEX_VERSION, archive, nextSegment: 1, segments: [], docs: {}, rejected: {} }
}

export interface LoadedIndex {
  manifest: Manifest
  segments: Map<string, Segment>
  /** human-readable problems found while loading (damaged files) */
  problems: string[]
  /** whether a manifest was on disk at all */
  found: boolean
}

export class IndexStore {
  private readonly journal: Journal<Manifest, ManifestChange>
  /** the manifest files as this process last read or wrote them (see changedOnDisk) */
  private seen: string | undefined

  constructor(readonly dir: string) {
    this.journal = new Journal(path.join(dir, 'manifest.json'), path.join(dir, 'manifest.log'))
  }

  segmentPath(id: string): string {
    return path.join(this.dir, 'segments', `${id}.seg`)
  }

  /** Identity of the manifest files on disk: snapshot and log, each by inode, size and mtime. */
  private async stamp(): Promise<string> {
    const one = async (name: string) => {
      const st = await stat(path.join(this.dir, name)).catch(() => undefined)
      return st ? `${st.ino}:${st.size}:${st.mtimeMs}` : '-'
    }
    return `${await one('manifest.json')}|${await one('manifest.log')}`
  }

  /**
   * Whether another process changed the index since this one last read or wrote it (the app and
   * a CLI import on one archive, #25 item 1). Call under the write lock; the caller then reloads.
   */
  async changedOnDisk(): Promise<boolean> {
    return this.seen !== undefined && (await this.stamp()) !== this.seen
  }

  /** Create the index folder and its segments folder. */
  async ensureDir(): Promise<void> {
    await mkdir(path.join(this.dir, 'segments'), { recursive: true }).catch((err) => {
      throw ioError(err, 'create the index folder')
    })
  }

  async load(archive: string): Promise<LoadedIndex> {
    this.seen = await this.stamp()
    const problems: string[] = []
    let manifest: Manifest
    try {
      const loaded = await this.journal.load((json) => JSON.parse(json) as Manifest)
      if (!loaded.snapshot) throw Object.assign(new Error('no manifest'), { code: 'ENOENT' })
      manifest = loaded.snapshot
      if (manifest.format !== 'dateline-index') throw new Error('unknown format')
      if (manifest.version !== INDEX_VERSION) {
        problems.push(reindexMessage(manifest.version))
        return { manifest: emptyManifest(archive), segments: new Map(), problems, found: true }
      }
      manifest.rejected ??= {}
      for (const c of loaded.entries) applyChange(manifest, c)
      // (a torn last line is an update that never finished: its segment files are strays)
    } catch (err) {
      const found = (err as NodeJS.ErrnoException).code !== 'ENOENT'
      if (found) problems.push('The index manifest was damaged; the archive is re-indexed.')
      return { manifest: emptyManifest(archive), segments: new Map(), problems, found }
    }
    const segments = new Map<string, Segment>()
    // read in parallel (the disk queues them), decode in order: decoding is views over the bytes
    const files = await Promise.all(manifest.segments.map((id) => readFile(this.segmentPath(id)).catch((err: Error) => err)))
    manifest.segments.forEach((id, i) => {
      const file = files[i]!
      const data = file instanceof Error ? file : decodeSegment(file, id)
      if (data instanceof Error) problems.push(`Index segment ${id} was missing or damaged (${data.message}); its documents are re-indexed.`)
      else segments.set(id, new Segment(data))
    })
    // Forget documents whose segment is gone, so the next update reads them again.
    manifest.segments = manifest.segments.filter((id) => segments.has(id))
    for (const [docId, d] of Object.entries(manifest.docs)) if (!segments.has(d.segment)) delete manifest.docs[docId]
    return { manifest, segments, problems, found: true }
  }

  /** Call ensureDir first. */
  async writeSegment(segment: Segment): Promise<void> {
    await writeFileAtomic(this.segmentPath(segment.id), encodeSegment(segment.data))
  }

  /**
   * Record the new manifest. Given the one it replaces, only the difference is appended to the
   * log (a few hundred bytes for one added file, where the whole manifest is 33 MB at 100,000
   * documents); without it, or when most documents changed, a new snapshot is written.
   */
  async writeManifest(manifest: Manifest, previous?: Manifest): Promise<void> {
    if (!previous) {
      await this.journal.writeSnapshot(manifest)
      this.seen = await this.stamp()
      return
    }
    const put: IndexedDocument[] = []
    const del: string[] = []
    // entries are replaced, never changed in place: identity tells what changed
    const docs = manifest.docs
    const before = previous.docs
    let count = 0
    for (const id in docs) {
      count++
      if (before[id] !== docs[id]) put.push(docs[id]!)
    }
    for (const id in before) if (!(id in docs)) del.push(id)
    const rejected = JSON.stringify(manifest.rejected) === JSON.stringify(previous.rejected) ? undefined : manifest.rejected
    const change: Omit<ManifestChange, 'seq' | 'journal'> = { nextSegment: manifest.nextSegment, segments: manifest.segments, put, del, ...(rejected ? { rejected } : {}) }
    await this.journal.save(change, () => manifest, { full: put.length + del.length > count / 2 })
    this.seen = await this.stamp()
  }

  async deleteSegments(ids: Iterable<string>): Promise<void> {
    for (const id of ids) await unlink(this.segmentPath(id)).catch(() => {})
  }

  /** Delete segment files not referenced by the manifest (left by a crash) and temp files. Call under the write lock. */
  async removeStrayFiles(live: Set<string>): Promise<void> {
    const dir = path.join(this.dir, 'segments')
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names) {
      const id = name.replace(/\.seg$/, '')
      // .json: segments of index version 4 and earlier
      if (name.endsWith('.tmp') || name.endsWith('.json') || (name.endsWith('.seg') && !live.has(id))) await unlink(path.join(dir, name)).catch(() => {})
    }
  }
}

function applyChange(m: Manifest, c: ManifestChange): void {
  m.nextSegment = Math.max(m.nextSegment, c.nextSegment)
  m.segments = c.segments
  for (const d of c.put) m.docs[d.id] = d
  for (const id of c.del) delete m.docs[id]
  if (c.rejected) m.rejected = c.rejected
}
