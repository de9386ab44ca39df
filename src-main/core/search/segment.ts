/**
 * A segment: one immutable inverted index over a batch of documents, plus their texts (for phrase
 * verification and snippets). The archive index is a set of segments (see DESIGN.md): adding or
 * changing a file builds a new small segment instead of rebuilding everything.
 *
 * The postings are Lunr's (the same terms, fields and documents a lunr.Builder would record) but
 * stored as typed arrays with raw term frequencies (postings.ts), and BM25 is computed at query
 * time with Lunr's formula against archive-wide statistics, as Lucene does. Lunr's TokenSet
 * automaton expands fuzzy terms. Why not lunr.Index itself: DESIGN.md "Scale".
 */
import lunr from 'lunr'
import type { DateEvidence } from '../dates/evidence'
import type { DocEntity } from '../entities/types'
import type { EventMention } from '../timeline/events'
import { findTerm, PostingsBuilder, prefixRange, type FieldPostings } from './postings'
import type { DocTerms } from './terms'

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

interface TokenSetStatics {
  fromArray(terms: string[]): lunr.TokenSet
  fromFuzzyString(s: string, editDistance: number): lunr.TokenSet
}

export const SEGMENT_VERSION = 5

/** A document as stored in a segment, without its text (kept as UTF-8 bytes beside it). */
export type SegmentMeta = Omit<SegmentDoc, 'text'>

/** A document handed to Segment.build: analysed, with its index terms counted. */
export type NewSegmentDoc = Omit<SegmentDoc, 'len'> & { terms: DocTerms }

/** Everything a segment is made of: what segment-file.ts writes and reads. */
export interface SegmentData {
  id: string
  docs: SegmentMeta[]
  /** all texts as UTF-8; document i is texts[textOff[i]..textOff[i+1]) */
  texts: Buffer
  textOff: Uint32Array
  /** sorted vocabulary */
  terms: string[]
  /** [title, body] */
  postings: FieldPostings[]
}

export class Segment {
  readonly id: string
  readonly docs: Map<string, SegmentDoc>
  /** sum of field lengths over the segment's documents: [title, body] */
  readonly totalLen: [number, number] = [0, 0]
  /** ordinal → document id */
  readonly refs: readonly string[]
  /** field lengths by ordinal: [title0, body0, title1, body1, …] */
  readonly lens: Uint32Array
  private ordinals: Map<string, number> | undefined
  private tokenSet: lunr.TokenSet | undefined

  constructor(readonly data: SegmentData) {
    this.id = data.id
    this.refs = data.docs.map((d) => d.id)
    this.lens = new Uint32Array(data.docs.length * 2)
    this.docs = new Map()
    const { texts, textOff } = data
    data.docs.forEach((meta, i) => {
      this.totalLen[0] += meta.len[0]
      this.totalLen[1] += meta.len[1]
      this.lens[2 * i] = meta.len[0]
      this.lens[2 * i + 1] = meta.len[1]
      // Texts are decoded when asked for (snippets, phrases, the reader): most never are. Not
      // enumerable, so copying or serialising a document's metadata never decodes it.
      const doc = meta as SegmentDoc
      Object.defineProperty(doc, 'text', { get: () => texts.toString('utf8', textOff[i], textOff[i + 1]), enumerable: false, configurable: true })
      this.docs.set(meta.id, doc)
    })
  }

  /** A segment over analysed documents, in the order given. */
  static build(id: string, docs: readonly NewSegmentDoc[]): Segment {
    const builder = new PostingsBuilder(FIELDS.length)
    const metas: SegmentMeta[] = []
    const bytes: Buffer[] = []
    docs.forEach((d, i) => {
      const { text, terms, ...meta } = d
      FIELDS.forEach((f, fi) => {
        const c = terms[f]
        for (let k = 0; k < c.terms.length; k++) builder.add(fi, builder.termId(c.terms[k]!), i, c.tfs[k]!)
      })
      metas.push({ ...meta, len: [terms.title.length, terms.body.length] })
      bytes.push(Buffer.from(text, 'utf8'))
    })
    const { texts, textOff } = packTexts(bytes)
    return new Segment({ id, docs: metas, texts, textOff, ...builder.finish() })
  }

  /** One segment from the documents of several that `keep` accepts, without re-reading any text. */
  static merge(id: string, parts: ReadonlyArray<{ segment: Segment; keep: (ref: string) => boolean }>): Segment {
    const builder = new PostingsBuilder(FIELDS.length)
    const metas: SegmentMeta[] = []
    const bytes: Buffer[] = []
    for (const { segment, keep } of parts) {
      const { docs, texts, textOff, terms, postings } = segment.data
      const remap = new Int32Array(docs.length).fill(-1)
      docs.forEach((d, i) => {
        if (!keep(d.id)) return
        remap[i] = metas.length
        metas.push({ ...d }) // the text stays behind (not enumerable): its bytes are copied below
        bytes.push(texts.subarray(textOff[i], textOff[i + 1]))
      })
      postings.forEach((p, fi) => {
        for (let t = 0; t < terms.length; t++) {
          let id = -1
          for (let j = p.off[t]!; j < p.off[t + 1]!; j++) {
            const to = remap[p.doc[j]!]!
            if (to < 0) continue
            if (id < 0) id = builder.termId(terms[t]!)
            builder.add(fi, id, to, p.tf[j]!)
          }
        }
      })
    }
    const { texts, textOff } = packTexts(bytes)
    return new Segment({ id, docs: metas, texts, textOff, ...builder.finish() })
  }

  /** Documents the segment was built with (live or not). */
  get size(): number {
    return this.refs.length
  }

  /** The ordinal of a document id in this segment, or -1. */
  ordinalOf(ref: string): number {
    this.ordinals ??= new Map(this.refs.map((r, i) => [r, i]))
    return this.ordinals.get(ref) ?? -1
  }

  /** The text of the document at an ordinal. */
  textAt(ord: number): string {
    return this.data.texts.toString('utf8', this.data.textOff[ord], this.data.textOff[ord + 1])
  }

  /** Postings of a term in one field (empty when absent): doc[from..to) and tf[from..to). */
  postingsOf(term: string, field: Field): { doc: Uint32Array; tf: Uint16Array; from: number; to: number } {
    const p = this.data.postings[fieldIndex(field)]!
    const t = findTerm(this.data.terms, term)
    return t < 0 ? { doc: p.doc, tf: p.tf, from: 0, to: 0 } : { doc: p.doc, tf: p.tf, from: p.off[t]!, to: p.off[t + 1]! }
  }

  /** Whether the document at an ordinal contains a term (in any of `fields`). */
  has(ord: number, term: string, fields: readonly Field[] = FIELDS): boolean {
    for (const f of fields) {
      const { doc, from, to } = this.postingsOf(term, f)
      let lo = from
      let hi = to - 1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        const d = doc[mid]!
        if (d === ord) return true
        if (d < ord) lo = mid + 1
        else hi = mid - 1
      }
    }
    return false
  }

  /** Number of (field, document) postings of a term: Lunr's df for idf. */
  df(term: string): number {
    const t = findTerm(this.data.terms, term)
    if (t < 0) return 0
    let n = 0
    for (const p of this.data.postings) n += p.off[t + 1]! - p.off[t]!
    return n
  }

  /** Index terms matching a leaf: itself, or its prefix (a range of the sorted terms) or fuzzy expansions (Lunr's TokenSet). */
  expand(leaf: TermLeaf): string[] {
    const { terms } = this.data
    if (leaf.prefix) {
      const [from, to] = prefixRange(terms, leaf.term)
      return terms.slice(from, to)
    }
    if (leaf.editDistance) {
      const TokenSet = lunr.TokenSet as unknown as TokenSetStatics
      // built on first use: most sessions never ask a fuzzy query of most segments
      this.tokenSet ??= TokenSet.fromArray(terms)
      // Lunr honours edits only in the TokenSet passed to intersect(): index first, query second
      return this.tokenSet.intersect(TokenSet.fromFuzzyString(leaf.term, leaf.editDistance)).toArray()
    }
    return findTerm(terms, leaf.term) >= 0 ? [leaf.term] : []
  }
}

function packTexts(bytes: readonly Buffer[]): { texts: Buffer; textOff: Uint32Array } {
  const textOff = new Uint32Array(bytes.length + 1)
  bytes.forEach((b, i) => (textOff[i + 1] = textOff[i]! + b.length))
  return { texts: Buffer.concat(bytes, textOff[bytes.length]), textOff }
}

export function fieldIndex(field: Field): 0 | 1 {
  return field === 'title' ? 0 : 1
}

/**
 * BM25 weight of a term occurring tf times in a field of a document, with Lunr's formula and
 * constants but archive-wide idf and average field length, so a score does not depend on which
 * segment the document happens to live in.
 */
export function bm25(field: Field, tf: number, len: number, idfAll: number, stats: GlobalStats): number {
  const fi = fieldIndex(field)
  const avg = stats.avgLen[fi] || 1
  return BOOSTS[fi] * idfAll * (((K1 + 1) * tf) / (K1 * (1 - B + (B * len) / avg) + tf))
}

/** Lunr's idf formula (lib/idf.js). */
export function idf(df: number, docCount: number): number {
  return Math.log(1 + Math.abs((docCount - df + 0.5) / (df + 0.5)))
}
