/**
 * The archive's text-reuse links, kept up to date incrementally: a new or changed document is
 * looked up in the sample index (only documents sharing sampled text become candidates), and only
 * those candidates are compared exactly. Removing a document drops its links. Nothing is ever
 * recomputed for documents that did not change, so the cost per added document stays flat.
 */
import { overlap } from './compare'
import { SampleIndex } from './sample-index'
import type { Shingled } from './shingles'

/** a document joins a story when this share of one text is found in the other */
export const STORY_CONTAINMENT = 0.2
/** …and they share at least this many distinct 8-letter shingles (≈ 20 words): a stock phrase is not reuse */
export const MIN_SHARED_SHINGLES = 100
/**
 * a sampled passage found in more documents than this is a stock phrase or boilerplate, not
 * evidence of reuse (the rarest few of a document are still read: a wire story with hundreds of
 * copies finds them); fixed, so the cost per document does not grow with the archive
 */
export const STOCK_DF = 100
/** sample-index postings read per added document, rarest first: bounds the cost in an archive full of boilerplate */
export const MAX_POSTINGS_READ = 5000
/** full comparisons per added document, best candidates first */
export const MAX_COMPARISONS = 40

export interface StoryLink {
  a: string
  b: string
  /** share of a's text found in b */
  aInB: number
  bInA: number
  jaccard: number
  shared: number
}

export interface LinkDoc {
  id: string
  /**
   * documents are linked in path order, whatever batches they come in: which of many near-identical
   * copies a document is found to copy depends on the order (the comparisons per document are
   * capped), and path order is the same for a one-phase build, a two-phase one and a resumed one
   */
  path: string
  /** content hash: a changed file is re-linked */
  hash: string
  /** the document's sampled shingles (decoded only when the document enters the sample index) */
  sample: () => Uint32Array
}

export interface SyncStats {
  /** documents (re)linked in this sync */
  linked: number
  /** pairs the sample index found sharing enough sampled text to be worth comparing */
  candidates: number
  /** pairs compared on their full text */
  compared: number
}

export interface LinksFile {
  format: 'dateline-stories'
  version: 1
  docs: Record<string, string>
  links: Array<[string, string, number, number, number, number]>
  /** the last logged change this snapshot holds, and the id its log lines carry (stories.log) */
  journalSeq?: number
  journalId?: string
}

/**
 * What changed for some documents since the last save, for the log beside stories.json: each
 * one's content hash (null: forgotten) and all its links, [other, aInB, bInA, jaccard, shared].
 */
export type LinksChange = Array<[string, string | null, Array<[string, number, number, number, number]>]>

export class StoryLinks {
  private hashes = new Map<string, string>()
  private links = new Map<string, Map<string, StoryLink>>()
  private index = new SampleIndex()
  private handles = new Map<string, number>()
  private ids: string[] = []
  /** documents linked or forgotten since the last takeChanges() */
  private touched = new Set<string>()

  static fromFile(file: LinksFile | undefined): StoryLinks {
    const s = new StoryLinks()
    if (!file || file.format !== 'dateline-stories' || file.version !== 1) return s
    for (const [id, hash] of Object.entries(file.docs)) s.hashes.set(id, hash)
    for (const [a, b, aInB, bInA, jaccard, shared] of file.links) s.put({ a, b, aInB, bInA, jaccard, shared })
    return s
  }

  /** Replay a logged change (on load, before the sample index is filled). */
  applyChange(change: LinksChange): void {
    for (const [id, hash, links] of change) {
      this.dropLinks(id)
      this.hashes.delete(id)
      if (hash === null) continue
      this.hashes.set(id, hash)
      for (const [b, aInB, bInA, jaccard, shared] of links) this.put({ a: id, b, aInB, bInA, jaccard, shared })
    }
  }

  /** The documents linked or forgotten since the last call, as one change to log. */
  takeChanges(): LinksChange {
    const out: LinksChange = []
    for (const id of [...this.touched].sort()) {
      const hash = this.hashes.get(id) ?? null
      const links = hash === null ? [] : this.linksOf(id).map((l): [string, number, number, number, number] => [l.b, l.aInB, l.bInA, l.jaccard, l.shared])
      out.push([id, hash, links])
    }
    this.touched.clear()
    return out
  }

  /** documents known to the links */
  get size(): number {
    return this.hashes.size
  }

  /** every linked document is in the sample index (enterLinked has nothing to add) */
  get allEntered(): boolean {
    return this.handles.size >= this.hashes.size
  }

  toFile(): LinksFile {
    const links = this.allLinks().map((l): LinksFile['links'][number] => [l.a, l.b, l.aInB, l.bInA, l.jaccard, l.shared])
    return { format: 'dateline-stories', version: 1, docs: Object.fromEntries(this.hashes), links }
  }

  /** memory held by the sample index postings (for the benchmark) */
  get indexBytes(): number {
    return this.index.postingBytes
  }

  /** True when some live document is unknown to the links (or known with other content): a sync has work to do. */
  lags(live: Iterable<{ id: string; hash: string }>): boolean {
    let n = 0
    for (const d of live) {
      n++
      if (this.hashes.get(d.id) !== d.hash) return true
    }
    return n !== this.hashes.size
  }

  /** Links of one document. */
  linksOf(id: string): StoryLink[] {
    return [...(this.links.get(id)?.values() ?? [])]
  }

  allLinks(): StoryLink[] {
    const out: StoryLink[] = []
    for (const m of this.links.values()) for (const l of m.values()) if (l.a < l.b) out.push(l)
    return out
  }

  /**
   * Bring the links in line with the live documents. `shingled` gives a document's full shingles
   * (computed from its text on demand, only for candidates).
   */
  sync(live: Iterable<LinkDoc>, shingled: (id: string) => Shingled): SyncStats {
    const stats: SyncStats = { linked: 0, candidates: 0, compared: 0 }
    const docs = new Map<string, LinkDoc>()
    for (const d of live) docs.set(d.id, d)
    // forget removed and changed documents
    for (const [id, hash] of this.hashes) {
      const d = docs.get(id)
      if (!d || d.hash !== hash) this.forget(id)
    }
    this.enterLinked(docs.values())
    const fresh = [...docs.values()].filter((d) => !this.hashes.has(d.id)).sort(inLinkOrder)
    const get = setCache(shingled)
    for (const d of fresh) this.linkOne(d, get, stats)
    return stats
  }

  /** Forget removed documents (and their links). */
  forgetMany(ids: Iterable<string>): void {
    for (const id of ids) if (this.hashes.has(id) || this.handles.has(id)) this.forget(id)
  }

  /** Documents already linked enter the sample index, once per session (no comparisons). */
  enterLinked(docs: Iterable<LinkDoc>): void {
    const self = this
    this.index.addMany(
      (function* () {
        for (const d of docs) if (self.hashes.get(d.id) === d.hash && !self.handles.has(d.id)) yield [self.newHandle(d.id), d.sample()] as [number, Uint32Array]
      })()
    )
  }

  /**
   * Link new or changed documents now, yielding to the event loop every few documents: indexing
   * runs this on each batch while the workers analyse the next one. Call enterLinked first with
   * the documents that did not change; a later sync() forgets removed ones and does the rest.
   */
  async link(fresh: readonly LinkDoc[], shingled: (id: string) => Shingled): Promise<SyncStats> {
    const stats: SyncStats = { linked: 0, candidates: 0, compared: 0 }
    const get = setCache(shingled)
    const ordered = [...fresh].sort(inLinkOrder)
    for (const [i, d] of ordered.entries()) {
      if (i % 20 === 0) await new Promise((r) => setImmediate(r))
      const known = this.hashes.get(d.id)
      if (known === d.hash) continue
      if (known !== undefined) this.forget(d.id)
      this.linkOne(d, get, stats)
    }
    return stats
  }

  private linkOne(d: LinkDoc, get: (id: string) => Uint32Array, stats: SyncStats): void {
    const sample = d.sample()
    // cheap estimate from the samples first (most candidates share only a stock phrase; 0.15 leaves
    // ~2 standard errors of margin under 0.2 for a 4 KB text), then
    // the best few in full: enough to place the document in its story, however many copies exist
    const { candidates } = this.index.candidates(sample, { minShared: 2, maxDf: STOCK_DF, minEstimate: STORY_CONTAINMENT * 0.75, maxPostings: MAX_POSTINGS_READ })
    stats.candidates += candidates.length
    // ties broken by document id, not by when a document entered the index (which differs between a build and a resumed one)
    const ids = this.ids
    const ranked = candidates.sort((a, b) => b.shared - a.shared || (ids[a.handle]! < ids[b.handle]! ? -1 : ids[a.handle]! > ids[b.handle]! ? 1 : 0)).slice(0, MAX_COMPARISONS)
    for (const c of ranked) {
      const other = this.ids[c.handle]!
      stats.compared++
      const o = overlap(get(d.id), get(other))
      if (o.shared >= MIN_SHARED_SHINGLES && Math.max(o.aInB, o.bInA) >= STORY_CONTAINMENT) {
        // rounded as stored, so a reloaded archive reports exactly the same numbers
        this.put({ a: d.id, b: other, aInB: round(o.aInB), bInA: round(o.bInA), jaccard: round(o.jaccard), shared: o.shared })
      }
    }
    this.hashes.set(d.id, d.hash)
    this.touched.add(d.id)
    this.enter(d, sample)
    stats.linked++
  }

  private enter(d: LinkDoc, sample = d.sample()): void {
    this.index.add(this.newHandle(d.id), sample)
  }

  /** A fresh handle for a document: a changed one gets a new one, its old postings stay behind as removed. */
  private newHandle(id: string): number {
    const handle = this.ids.length
    this.ids.push(id)
    this.handles.set(id, handle)
    return handle
  }

  private forget(id: string): void {
    this.hashes.delete(id)
    this.touched.add(id)
    const h = this.handles.get(id)
    if (h !== undefined) this.index.remove(h)
    this.handles.delete(id)
    this.dropLinks(id)
  }

  private dropLinks(id: string): void {
    for (const other of this.links.get(id)?.keys() ?? []) this.links.get(other)?.delete(id)
    this.links.delete(id)
  }

  private put(l: StoryLink): void {
    const rev: StoryLink = { a: l.b, b: l.a, aInB: l.bInA, bInA: l.aInB, jaccard: l.jaccard, shared: l.shared }
    if (!this.links.has(l.a)) this.links.set(l.a, new Map())
    if (!this.links.has(l.b)) this.links.set(l.b, new Map())
    this.links.get(l.a)!.set(l.b, l)
    this.links.get(l.b)!.set(l.a, rev)
  }
}

/** Shingle sets by document (~2 KB each), least recently used first out: a story's members come back again and again. */
function setCache(shingled: (id: string) => Shingled): (id: string) => Uint32Array {
  const cache = new Map<string, Uint32Array>()
  return (id) => {
    let s = cache.get(id)
    if (s) cache.delete(id)
    else {
      s = shingled(id).set
      if (cache.size >= 5000) cache.delete(cache.keys().next().value!)
    }
    cache.set(id, s)
    return s
  }
}

function inLinkOrder(x: LinkDoc, y: LinkDoc): number {
  return x.path < y.path ? -1 : x.path > y.path ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4
}
