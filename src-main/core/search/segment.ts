/**
 * A segment: one immutable Lunr index over a batch of documents, plus their texts (for phrase
 * verification and snippets). The archive index is a set of segments (see DESIGN.md): adding or
 * changing a file builds a new small segment instead of rebuilding everything.
 *
 * Lunr is used for what it is good at — the inverted index, BM25 field vectors and the TokenSet
 * automaton for prefix and fuzzy expansion. Boolean logic and cross-segment scoring are ours
 * (segment.ts / execute.ts), because Lunr's query model has no nested OR and its scores are
 * not comparable between separately built indexes.
 */
import type { DateEvidence } from '../dates/evidence'
import lunr from 'lunr'
import type { DocEntity } from '../entities/types'
import type { EventMention } from '../timeline/events'
import { indexTerms } from './terms'

export const FIELDS = ['title', 'body'] as const
export type Field = (typeof FIELDS)[number]
const TITLE_BOOST = 3

export interface SegmentDoc {
  id: string
  title: string
  text: string
  /** number of index terms in [title, body]: BM25 length normalisation needs it at query time */
  len: [number, number]
  /** people, organisations and places found in the text (extracted once, at index time) */
  entities: DocEntity[]
  /** sampled text fingerprint for finding copies and rewrites (see stories/) */
  story: StoryFingerprint
  /** what the text says about its own publication date (see dates/) */
  dates: DateEvidence
  /** reported events, their times kept relative to publication (see timeline/) */
  events: EventMention[]
}

export interface StoryFingerprint {
  /** base64 of the sampled 8-letter shingle hashes */
  sample: string
  shingles: number
  /** the text looks punctuation-stripped (a scrape) */
  stripped: boolean
  /** paywall, newsletter and share lines around the text (a re-publication tends to add them) */
  boilerplate: number
}

/** Collection statistics a score is computed against (the whole archive, not one segment). */
export interface GlobalStats {
  idf(term: string): number
  avgLen: [number, number]
}

const K1 = 1.2 // Lunr's BM25 defaults (lib/builder.js)
const B = 0.75
const BOOSTS: [number, number] = [TITLE_BOOST, 1]

export interface TermLeaf {
  term: string
  fields?: Field[]
  prefix?: boolean
  editDistance?: number
}

/** term → fields it matched in, for one document */
export type TermHits = Map<string, Field[]>

interface LunrPosting {
  _index: number
  [field: string]: Record<string, object> | number
}

// Lunr keeps these internals public in JS but undeclared in its types.
interface LunrInternals {
  invertedIndex: Record<string, LunrPosting>
  fieldVectors: Record<string, { elements: number[] }>
  tokenSet: lunr.TokenSet
}

interface TokenSetStatics {
  fromString(s: string): lunr.TokenSet
  fromFuzzyString(s: string, editDistance: number): lunr.TokenSet
}

export const SEGMENT_VERSION = 4

export interface SegmentFile {
  format: 'dateline-segment'
  version: typeof SEGMENT_VERSION
  id: string
  docs: SegmentDoc[]
  lunr: object
}

export function buildLunrIndex(docs: ReadonlyArray<Omit<SegmentDoc, 'len'> & { len?: [number, number] }>): { index: lunr.Index; docs: SegmentDoc[] } {
  const builder = new lunr.Builder()
  // Tokenising, folding, stop words and stemming happen in terms.ts; Lunr gets finished terms.
  builder.pipeline.reset()
  builder.searchPipeline.reset()
  builder.ref('id')
  builder.field('title', { boost: TITLE_BOOST })
  builder.field('body')
  const out: SegmentDoc[] = []
  for (const d of docs) {
    const title = indexTerms(d.title)
    const body = indexTerms(d.text)
    builder.add({ id: d.id, title, body })
    out.push({ ...d, len: [title.length, body.length] })
  }
  return { index: builder.build(), docs: out }
}

export class Segment {
  readonly docs: Map<string, SegmentDoc>
  private readonly lunrIndex: lunr.Index & LunrInternals
  private readonly dfCache = new Map<string, number>()
  /** sum of field lengths over the segment's documents: [title, body] */
  readonly totalLen: [number, number]

  constructor(
    readonly id: string,
    docs: readonly SegmentDoc[],
    index: lunr.Index
  ) {
    this.docs = new Map(docs.map((d) => [d.id, d]))
    this.lunrIndex = index as lunr.Index & LunrInternals
    this.totalLen = [0, 0]
    for (const d of docs) {
      this.totalLen[0] += d.len[0]
      this.totalLen[1] += d.len[1]
    }
  }

  static build(id: string, docs: ReadonlyArray<Omit<SegmentDoc, 'len'>>): Segment {
    const built = buildLunrIndex(docs)
    return new Segment(id, built.docs, built.index)
  }

  static fromFile(file: SegmentFile): Segment {
    return new Segment(file.id, file.docs, lunr.Index.load(file.lunr))
  }

  toFile(): SegmentFile {
    return { format: 'dateline-segment', version: SEGMENT_VERSION, id: this.id, docs: [...this.docs.values()], lunr: this.lunrIndex.toJSON() }
  }

  /** Documents the segment was built with (live or not). */
  get size(): number {
    return this.docs.size
  }

  /** Number of (field, document) postings of a term: Lunr's own df for idf. */
  df(term: string): number {
    let n = this.dfCache.get(term)
    if (n === undefined) {
      n = 0
      const posting = this.lunrIndex.invertedIndex[term]
      if (posting) for (const f of FIELDS) n += Object.keys(posting[f] as object).length
      this.dfCache.set(term, n)
    }
    return n
  }

  /** Index terms matching a leaf: itself, or its prefix / fuzzy expansions found by Lunr's TokenSet. */
  expand(leaf: TermLeaf): string[] {
    if (!leaf.prefix && !leaf.editDistance) return this.lunrIndex.invertedIndex[leaf.term] ? [leaf.term] : []
    const TokenSet = lunr.TokenSet as unknown as TokenSetStatics
    const query = leaf.prefix ? TokenSet.fromString(leaf.term + '*') : TokenSet.fromFuzzyString(leaf.term, leaf.editDistance ?? 1)
    // Lunr honours wildcards and edits only in the TokenSet passed to intersect(): index first, query second
    return this.lunrIndex.tokenSet.intersect(query).toArray()
  }

  /** Documents (by ref) containing any expansion of the leaf, with the terms and fields matched. */
  match(leaf: TermLeaf): Map<string, TermHits> {
    const out = new Map<string, TermHits>()
    const fields = leaf.fields ?? FIELDS
    for (const term of this.expand(leaf)) {
      const posting = this.lunrIndex.invertedIndex[term]
      if (!posting) continue
      for (const field of fields) {
        const refs = posting[field] as Record<string, object> | undefined
        if (!refs) continue
        for (const ref in refs) {
          let hits = out.get(ref)
          if (!hits) out.set(ref, (hits = new Map()))
          const fs = hits.get(term)
          if (fs) fs.push(field)
          else hits.set(term, [field])
        }
      }
    }
    return out
  }

  /** The BM25 weight Lunr stored for term in field of ref (idf and length norm of THIS segment). */
  weight(field: Field, ref: string, term: string): number {
    const posting = this.lunrIndex.invertedIndex[term]
    const vector = this.lunrIndex.fieldVectors[`${field}/${ref}`]
    if (!posting || !vector) return 0
    const target = posting._index
    const el = vector.elements
    let lo = 0
    let hi = el.length / 2 - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const idx = el[mid * 2]!
      if (idx === target) return el[mid * 2 + 1]!
      if (idx < target) lo = mid + 1
      else hi = mid - 1
    }
    return 0
  }
}

export function fieldIndex(field: Field): 0 | 1 {
  return field === 'title' ? 0 : 1
}

/**
 * BM25 weight of a term in a field of a document, against archive-wide statistics.
 * Lunr stores weight = boost·idf_seg·(k1+1)tf / (k1(1−b+b·len/avg_seg)+tf); we invert that for
 * tf (we know len and the segment's averages) and recompute with the global idf and average, so
 * a score no longer depends on which segment the document was indexed in.
 */
export function globalWeight(seg: Segment, field: Field, ref: string, term: string, stats: GlobalStats): number {
  const w = seg.weight(field, ref, term)
  if (!w) return 0
  const fi = fieldIndex(field)
  const doc = seg.docs.get(ref)
  const idfSeg = idf(seg.df(term), seg.size)
  if (!doc || idfSeg <= 0) return w
  const len = doc.len[fi]
  const avgSeg = seg.totalLen[fi] / seg.size || 1
  const avgAll = stats.avgLen[fi] || 1
  const r = Math.min(w / (idfSeg * BOOSTS[fi]), K1 + 1 - 1e-6)
  const tf = (r * K1 * (1 - B + (B * len) / avgSeg)) / (K1 + 1 - r)
  return BOOSTS[fi] * stats.idf(term) * (((K1 + 1) * tf) / (K1 * (1 - B + (B * len) / avgAll) + tf))
}

/** Lunr's idf formula (lib/idf.js), so global and per-segment values are on the same scale. */
export function idf(df: number, docCount: number): number {
  return Math.log(1 + Math.abs((docCount - df + 0.5) / (df + 0.5)))
}
