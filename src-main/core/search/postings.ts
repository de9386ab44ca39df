/**
 * Compact postings: for each field, every term's documents and term frequencies in three typed
 * arrays, instead of Lunr's object graph (one object per term × field × document, ~50-95 KB of
 * heap per article; measured in docs/design/scale.md). Terms are sorted, so a term is found by
 * binary search and a prefix is a contiguous range.
 */
import { lowerBound } from '../sorted'

/** Postings of one field: term i's entries are doc[off[i]..off[i+1]) and tf[same]. */
export interface FieldPostings {
  off: Uint32Array
  /** document ordinals, ascending within each term */
  doc: Uint32Array
  /** term frequency in that document (capped at 65,535) */
  tf: Uint16Array
}

const MAX_TF = 0xffff

class Grow32 {
  a = new Uint32Array(4096)
  n = 0
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2)
      b.set(this.a)
      this.a = b
    }
    this.a[this.n++] = v
  }
}

/**
 * Collects (term, document, tf) entries in document order and packs them sorted by term. Used
 * both to build a segment from analysed documents and to merge segments without re-reading text.
 */
export class PostingsBuilder {
  private readonly ids = new Map<string, number>()
  private readonly names: string[] = []
  private readonly fields: Array<{ term: Grow32; doc: Grow32; tf: Grow32 }>

  constructor(fieldCount: number) {
    this.fields = Array.from({ length: fieldCount }, () => ({ term: new Grow32(), doc: new Grow32(), tf: new Grow32() }))
  }

  /** A number for `term` within this builder (stable; pass it to add()). */
  termId(term: string): number {
    let id = this.ids.get(term)
    if (id === undefined) {
      id = this.names.length
      this.ids.set(term, id)
      this.names.push(term)
    }
    return id
  }

  /** Add one posting. Calls for a given term and field must come in ascending document order. */
  add(field: number, termId: number, doc: number, tf: number): void {
    const f = this.fields[field]!
    f.term.push(termId)
    f.doc.push(doc)
    f.tf.push(Math.min(tf, MAX_TF))
  }

  /** The sorted vocabulary and each field's postings (a counting sort by term; stable in document order). */
  finish(): { terms: string[]; postings: FieldPostings[] } {
    const order = this.names.map((_, i) => i).sort((a, b) => (this.names[a]! < this.names[b]! ? -1 : 1))
    const rank = new Uint32Array(order.length)
    order.forEach((id, r) => (rank[id] = r))
    const terms = order.map((id) => this.names[id]!)
    const postings = this.fields.map(({ term, doc, tf }) => {
      const off = new Uint32Array(terms.length + 1)
      for (let k = 0; k < term.n; k++) off[rank[term.a[k]!]! + 1]!++
      for (let i = 0; i < terms.length; i++) off[i + 1]! += off[i]!
      const next = off.slice(0, terms.length)
      const outDoc = new Uint32Array(term.n)
      const outTf = new Uint16Array(term.n)
      for (let k = 0; k < term.n; k++) {
        const at = next[rank[term.a[k]!]!]!++
        outDoc[at] = doc.a[k]!
        outTf[at] = tf.a[k]!
      }
      return { off, doc: outDoc, tf: outTf }
    })
    return { terms, postings }
  }
}

/** Index of `value` in sorted `items[from..to)`, or -1 (terms by code unit order, document numbers by value). */
export function findSorted<T extends string | number>(items: ArrayLike<T>, value: T, from = 0, to = items.length): number {
  let lo = from
  let hi = to - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const t = items[mid]!
    if (t === value) return mid
    if (t < value) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** Index of `term` in the sorted `terms`, or -1. */
export function findTerm(terms: readonly string[], term: string): number {
  return findSorted(terms, term)
}

/** The range [from, to) of sorted `terms` starting with `prefix`. */
export function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  const lo = lowerBound(terms, prefix)
  let end = lo
  while (end < terms.length && terms[end]!.startsWith(prefix)) end++
  return [lo, end]
}
