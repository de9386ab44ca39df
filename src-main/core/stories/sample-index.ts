/**
 * Inverted index from sampled shingle hashes to documents: finds the documents that share text with
 * a new one without comparing it to every document. Postings live in one sorted Float64Array
 * (hash·2^21 + handle, 8 bytes each) plus a small map of recent additions merged in from time to
 * time, so memory stays ~8 bytes per sampled shingle and a lookup costs a binary search per hash.
 */
import { lowerBound } from '../sorted'
const HANDLE_BITS = 2 ** 21

export interface Candidate {
  handle: number
  /** sampled hashes shared with the query */
  shared: number
}

export class SampleIndex {
  private base = new Float64Array(0)
  private delta = new Map<number, number[]>()
  private deltaSize = 0
  private removed = new Set<number>()
  /** sample size by handle, 0 for a removed document (typed: read for every posting a lookup touches) */
  private sizes = new Uint16Array(1024)
  private liveCount = 0
  private counts = new Uint16Array(1024)

  get size(): number {
    return this.liveCount
  }

  sampleSize(handle: number): number {
    return this.sizes[handle] ?? 0
  }

  /** Record a (re-)added document's sample size. */
  private track(handle: number, size: number): void {
    if (handle >= HANDLE_BITS) throw new Error('too many documents for the story index')
    this.removed.delete(handle)
    if (handle >= this.sizes.length) {
      const grown = new Uint16Array(Math.max(handle + 1, this.sizes.length * 2))
      grown.set(this.sizes)
      this.sizes = grown
    }
    if (!this.sizes[handle]) this.liveCount++
    this.sizes[handle] = Math.max(1, Math.min(size, 0xffff))
  }

  add(handle: number, sample: Uint32Array): void {
    this.track(handle, sample.length)
    for (const h of sample) {
      const list = this.delta.get(h)
      if (list) list.push(handle)
      else this.delta.set(h, [handle])
    }
    this.deltaSize += sample.length
    if (this.deltaSize > 50_000 && this.deltaSize > this.base.length / 4) this.compact()
  }

  /** Add many documents (opening an archive: 100,000 at once): one sort and one merge, no per-hash lists. */
  addMany(entries: Iterable<[handle: number, sample: Uint32Array]>): void {
    let add = new Float64Array(1 << 16)
    let n = 0
    for (const [handle, sample] of entries) {
      this.track(handle, sample.length)
      if (n + sample.length > add.length) {
        const grown = new Float64Array(Math.max(add.length * 2, n + sample.length))
        grown.set(add.subarray(0, n))
        add = grown
      }
      for (const h of sample) add[n++] = h * HANDLE_BITS + handle
    }
    if (!n) return
    if (this.deltaSize) this.compact()
    this.mergeSorted(add.subarray(0, n).sort())
  }

  remove(handle: number): void {
    if (this.sizes[handle]) {
      this.sizes[handle] = 0
      this.liveCount--
      this.removed.add(handle)
    }
  }

  /**
   * Documents sharing at least `minShared` sampled hashes with `sample`. Hashes posted for more than
   * `maxDf` documents (stock phrases, boilerplate) are skipped, except the `keepRarest` least common
   * ones: a wire story with hundreds of copies must still find them. Rarest first, at most
   * `maxPostings` postings are read, so one lookup costs the same in a huge archive full of
   * boilerplate. `considered` is the number of hashes looked up, the base for judging how much of
   * the query a candidate shares; with `minEstimate`, only candidates whose shared share of either
   * sample reaches it are returned.
   */
  candidates(
    sample: Uint32Array,
    opts: { minShared: number; maxDf: number; keepRarest?: number; minEstimate?: number; maxPostings?: number }
  ): { candidates: Candidate[]; considered: number } {
    const rows = Array.from(sample, (h) => {
      const lo = lowerBound(this.base, h * HANDLE_BITS)
      const hi = lowerBound(this.base, (h + 1) * HANDLE_BITS, lo)
      const extra = this.delta.get(h)
      return { lo, hi, extra, df: hi - lo + (extra?.length ?? 0) }
    }).sort((a, b) => a.df - b.df)
    // counting in a reused typed array: a full build asks this once per document
    const touched: number[] = []
    const bump = (handle: number) => {
      if (!this.sizes[handle]) return // removed
      if (handle >= this.counts.length) {
        const grown = new Uint16Array(Math.max(handle + 1, this.counts.length * 2))
        grown.set(this.counts)
        this.counts = grown
      }
      if (this.counts[handle]!++ === 0) touched.push(handle)
    }
    let considered = 0
    let budget = opts.maxPostings ?? Infinity
    const keep = opts.keepRarest ?? 16
    for (const [i, r] of rows.entries()) {
      if (r.df > opts.maxDf && i >= keep) break
      if (r.df > budget && considered > 0) {
        // out of budget: the rows not read still count as looked up (they are not stock phrases),
        // so a candidate's share of the query is not overstated
        for (const rest of rows.slice(i)) if (rest.df <= opts.maxDf) considered++
        break
      }
      budget -= r.df
      considered++
      for (let k = r.lo; k < r.hi; k++) bump(this.base[k]! % HANDLE_BITS)
      if (r.extra) for (const d of r.extra) bump(d)
    }
    const candidates: Candidate[] = []
    const minEstimate = opts.minEstimate ?? 0
    for (const handle of touched) {
      const shared = this.counts[handle]!
      this.counts[handle] = 0
      if (shared < opts.minShared) continue
      if (minEstimate && Math.max(shared / Math.max(1, considered), shared / Math.max(1, this.sampleSize(handle))) < minEstimate) continue
      candidates.push({ handle, shared })
    }
    return { candidates, considered }
  }

  /** Merge recent additions into the sorted postings and forget removed documents. */
  compact(): void {
    // sort only the recent additions, then one linear merge with the (sorted) base
    const add = new Float64Array(this.deltaSize)
    let n = 0
    for (const [h, list] of this.delta) for (const d of list) if (!this.removed.has(d)) add[n++] = h * HANDLE_BITS + d
    this.delta.clear()
    this.deltaSize = 0
    this.mergeSorted(add.subarray(0, n).sort())
  }

  /** Merge sorted new postings into the base, dropping removed documents. */
  private mergeSorted(fresh: Float64Array): void {
    const n = fresh.length
    const base = this.base
    const out = new Float64Array(base.length + n)
    let i = 0
    let j = 0
    let k = 0
    const skip = this.removed.size > 0
    while (i < base.length || j < n) {
      if (j >= n || (i < base.length && base[i]! <= fresh[j]!)) {
        const v = base[i++]!
        if (!skip || !this.removed.has(v % HANDLE_BITS)) out[k++] = v
      } else {
        const v = fresh[j++]!
        if (!skip || !this.removed.has(v % HANDLE_BITS)) out[k++] = v
      }
    }
    this.base = k === out.length ? out : out.slice(0, k)
    this.removed.clear()
  }

  /** bytes held by the postings (for the benchmark) */
  get postingBytes(): number {
    return this.base.byteLength + this.deltaSize * 8
  }
}
