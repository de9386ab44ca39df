/**
 * A segment: one immutable inverted index over a batch of documents, plus their texts (for phrase
 * verification and snippets). The archive index is a set of segments (docs/design/index.md): adding or
 * changing a file builds a new small segment instead of rebuilding everything.
 *
 * The postings are Lunr's (the same terms, fields and documents a lunr.Builder would record) but
 * stored as typed arrays with raw term frequencies (postings.ts), and BM25 is computed at query
 * time with Lunr's formula against archive-wide statistics, as Lucene does. Lunr's TokenSet
 * automaton expands fuzzy terms. Why not lunr.Index itself: docs/design/scale.md.
 */
import lunr from 'lunr'
import type { DateEvidence } from '../dates/evidence'
import type { DocEntity } from '../entities/types'
import type { EventMention } from '../timeline/events'
import { findSorted, findTerm, PostingsBuilder, prefixRange, type FieldPostings } from './postings'
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
  /** what finding copies and rewrites needs to know of the text (see stories/; the sampled hashes: Segment.sampleAt) */
  story: StoryFingerprint
  /** what the text says about its own publication date (see dates/) */
  dates: DateEvidence
  /** reported events, their times kept relative to publication (see timeline/) */
  events: EventMention[]
}

export interface StoryFingerprint {
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

export const SEGMENT_VERSION = 7

/** An entity as a document names it, without where (DocEntity minus mentions): one shared row per segment. */
export type EntityName = Omit<DocEntity, 'mentions'>

/**
 * What is held in memory for every document: what search, facets, stories and dates read for the
 * whole archive at once. The rest (entity mentions, events, the story sample, the text) stays as
 * bytes beside it until one document is shown or re-linked.
 */
export interface SegmentMeta {
  id: string
  title: string
  len: [number, number]
  dates: DateEvidence
  story: StoryFingerprint
  /** searchable, not analysed yet (two-phase indexing: update/analyse-pending.ts); absent once analysed */
  pending?: true
}

/** The per-document part read on demand: one small JSON object per document. */
export interface SegmentDetails {
  entities: DocEntity[]
  events: EventMention[]
}

/** A document handed to Segment.build: analysed (or `pending`), with its index terms counted and its story sample (sampled shingle hashes). */
export type NewSegmentDoc = Omit<SegmentDoc, 'len'> & { terms: DocTerms; sample: Uint32Array; pending?: true }

/** What the analysis adds to a searchable document (everything but its text and terms). */
export type DocAnalysis = Pick<NewSegmentDoc, 'entities' | 'sample' | 'story' | 'dates' | 'events'>

/** Everything a segment is made of: what segment-file.ts writes and reads. */
export interface SegmentData {
  id: string
  docs: SegmentMeta[]
  /** all texts as UTF-8; document i is texts[textOff[i]..textOff[i+1]) */
  texts: Buffer
  textOff: Uint32Array
  /** SegmentDetails JSON per document, the same way */
  details: Buffer
  detailsOff: Uint32Array
  /** story samples (shingle hashes), document i's in samples[sampleOff[i]..sampleOff[i+1]) */
  samples: Uint32Array
  sampleOff: Uint32Array
  /** distinct entity names of the segment */
  entityTable: EntityName[]
  /** per document, pairs (row of entityTable, number of mentions) in docEnt[2·docEntOff[i]..2·docEntOff[i+1]) */
  docEnt: Uint32Array
  docEntOff: Uint32Array
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
  private pendingSet: ReadonlySet<string> | undefined

  constructor(readonly data: SegmentData) {
    this.id = data.id
    this.refs = data.docs.map((d) => d.id)
    this.lens = new Uint32Array(data.docs.length * 2)
    this.docs = new Map()
    data.docs.forEach((meta, i) => {
      this.totalLen[0] += meta.len[0]
      this.totalLen[1] += meta.len[1]
      this.lens[2 * i] = meta.len[0]
      this.lens[2 * i + 1] = meta.len[1]
      this.docs.set(meta.id, this.documentAt(meta, i))
    })
  }

  /**
   * The document at an ordinal: its metadata plus getters that decode the text and details when
   * read (snippets, phrases, the reader, the timeline): most documents never are. The getters are
   * not enumerable, so copying a document's metadata decodes nothing.
   */
  private documentAt(meta: SegmentMeta, i: number): SegmentDoc {
    const details = () => this.detailsAt(i)
    const doc = meta as SegmentDoc
    Object.defineProperties(doc, {
      text: { get: () => this.textAt(i), enumerable: false, configurable: true },
      entities: { get: () => details().entities, enumerable: false, configurable: true },
      events: { get: () => details().events, enumerable: false, configurable: true }
    })
    return doc
  }

  /** The story sample of the document at an ordinal (a view: no copy, no decoding). */
  sampleAt(ord: number): Uint32Array {
    return this.data.samples.subarray(this.data.sampleOff[ord], this.data.sampleOff[ord + 1])
  }

  private detailsAt(i: number): SegmentDetails {
    const { details, detailsOff } = this.data
    return JSON.parse(details.toString('utf8', detailsOff[i], detailsOff[i + 1])) as SegmentDetails
  }

  /** The entities a document names and how often (for the archive's entity registry), without decoding its details. */
  entityNamesAt(ord: number): { entities: EntityName[]; counts: Uint32Array } {
    const { docEnt, docEntOff, entityTable } = this.data
    const pairs = docEnt.subarray(2 * docEntOff[ord]!, 2 * docEntOff[ord + 1]!)
    const entities: EntityName[] = []
    const counts = new Uint32Array(pairs.length / 2)
    for (let k = 0; k < counts.length; k++) {
      entities.push(entityTable[pairs[2 * k]!]!)
      counts[k] = pairs[2 * k + 1]!
    }
    return { entities, counts }
  }

  /** A segment over analysed documents, in the order given. */
  static build(id: string, docs: readonly NewSegmentDoc[]): Segment {
    const builder = new PostingsBuilder(FIELDS.length)
    const packer = new DocPacker()
    docs.forEach((d, i) => {
      const { terms } = d
      FIELDS.forEach((f, fi) => {
        const c = terms[f]
        for (let k = 0; k < c.terms.length; k++) builder.add(fi, builder.termId(c.terms[k]!), i, c.tfs[k]!)
      })
      packer.addAnalysed(
        { id: d.id, title: d.title, len: [terms.title.length, terms.body.length], dates: d.dates, story: d.story, ...(d.pending ? { pending: true as const } : {}) },
        Buffer.from(d.text, 'utf8'),
        d
      )
    })
    return new Segment({ id, ...packer.finish(), ...builder.finish() })
  }

  /** One segment from the documents of several that `keep` accepts, without re-reading any text. */
  static merge(id: string, parts: ReadonlyArray<{ segment: Segment; keep: (ref: string) => boolean }>): Segment {
    const builder = new PostingsBuilder(FIELDS.length)
    const packer = new DocPacker()
    let next = 0
    for (const { segment, keep } of parts) {
      const { docs, terms, postings } = segment.data
      const rows = packer.rowsOf(segment)
      const remap = new Int32Array(docs.length).fill(-1)
      docs.forEach((d, i) => {
        if (!keep(d.id)) return
        remap[i] = next++
        packer.copy(segment, i, rows)
      })
      postings.forEach((p, fi) => {
        for (let t = 0; t < terms.length; t++) {
          let tid = -1
          for (let j = p.off[t]!; j < p.off[t + 1]!; j++) {
            const to = remap[p.doc[j]!]!
            if (to < 0) continue
            if (tid < 0) tid = builder.termId(terms[t]!)
            builder.add(fi, tid, to, p.tf[j]!)
          }
        }
      })
    }
    return new Segment({ id, ...packer.finish(), ...builder.finish() })
  }

  /**
   * The same segment (same id, documents, terms and postings) with the analysis of its pending
   * documents filled in: phase 2 of two-phase indexing. `analysis(ord)` gives a pending document's
   * analysis, or undefined to leave it pending (a replaced document: its old copy is a tombstone).
   */
  withAnalysis(analysis: (ord: number) => DocAnalysis | undefined): Segment {
    const packer = new DocPacker()
    const { docs, texts, textOff, terms, postings } = this.data
    const rows = packer.rowsOf(this)
    docs.forEach((d, i) => {
      const a = d.pending ? analysis(i) : undefined
      if (!a) return packer.copy(this, i, rows)
      const { pending: _pending, ...meta } = d
      packer.addAnalysed({ ...meta, dates: a.dates, story: a.story }, texts.subarray(textOff[i], textOff[i + 1]), a)
    })
    return new Segment({ id: this.id, ...packer.finish(), terms, postings })
  }

  /** Ids of the documents not analysed yet (live or not). */
  get pendingIds(): ReadonlySet<string> {
    return (this.pendingSet ??= new Set(this.data.docs.filter((d) => d.pending).map((d) => d.id)))
  }

  /** Those of them whose current version is this segment's, by a manifest's documents (a replaced one's old copy is a tombstone). */
  livePending(docs: Readonly<Record<string, { segment: string }>>): string[] {
    const out: string[] = []
    for (const id of this.pendingIds) if (docs[id]?.segment === this.id) out.push(id)
    return out
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
      if (findSorted(doc, ord, from, to) >= 0) return true
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

/** Collects documents' metadata, bytes and entity rows in ordinal order. */
class DocPacker {
  private metas: SegmentMeta[] = []
  private texts: Buffer[] = []
  private details: Buffer[] = []
  private pairs: number[] = []
  private pairOff: number[] = [0]
  private samples: Uint32Array[] = []
  private table: EntityName[] = []
  private rows = new Map<string, number>()

  entityRow(e: EntityName): number {
    const key = JSON.stringify([e.key, e.type, e.name, e.forms ?? null, e.links ?? null])
    let row = this.rows.get(key)
    if (row === undefined) {
      row = this.table.length
      this.rows.set(key, row)
      this.table.push(e.forms || e.links ? { key: e.key, type: e.type, name: e.name, ...(e.forms ? { forms: e.forms } : {}), ...(e.links ? { links: e.links } : {}) } : { key: e.key, type: e.type, name: e.name })
    }
    return row
  }

  /** Rows in this segment's entity table for another segment's rows, in order. */
  rowsOf(from: Segment): number[] {
    return from.data.entityTable.map((e) => this.entityRow(e))
  }

  /** A document with its analysis: its entity rows and details made here. */
  addAnalysed(meta: SegmentMeta, text: Buffer, a: Pick<DocAnalysis, 'entities' | 'events' | 'sample'>): void {
    const pairs: number[] = []
    for (const e of a.entities) {
      const { mentions, ...name } = e
      pairs.push(this.entityRow(name), mentions.length)
    }
    const details: SegmentDetails = { entities: a.entities, events: a.events }
    this.add(meta, text, Buffer.from(JSON.stringify(details), 'utf8'), pairs, a.sample)
  }

  /** Document `i` of another segment as it is, its bytes copied (`rows`: rowsOf that segment). */
  copy(from: Segment, i: number, rows: readonly number[]): void {
    const { docs, texts, textOff, details, detailsOff, docEnt, docEntOff } = from.data
    const pairs: number[] = []
    for (let k = docEntOff[i]!; k < docEntOff[i + 1]!; k++) pairs.push(rows[docEnt[2 * k]!]!, docEnt[2 * k + 1]!)
    // the getters stay behind (not enumerable): text and details are copied as bytes
    this.add({ ...docs[i]! }, texts.subarray(textOff[i], textOff[i + 1]), details.subarray(detailsOff[i], detailsOff[i + 1]), pairs, from.sampleAt(i))
  }

  private add(meta: SegmentMeta, text: Buffer, details: Buffer, pairs: number[], sample: Uint32Array): void {
    this.samples.push(sample)
    this.metas.push(meta)
    this.texts.push(text)
    this.details.push(details)
    for (const p of pairs) this.pairs.push(p)
    this.pairOff.push(this.pairs.length / 2)
  }

  finish(): Omit<SegmentData, 'id' | 'terms' | 'postings'> {
    const texts = pack(this.texts)
    const details = pack(this.details)
    const sampleOff = new Uint32Array(this.samples.length + 1)
    this.samples.forEach((x, i) => (sampleOff[i + 1] = sampleOff[i]! + x.length))
    const samples = new Uint32Array(sampleOff[this.samples.length]!)
    this.samples.forEach((x, i) => samples.set(x, sampleOff[i]))
    return {
      samples,
      sampleOff,
      docs: this.metas,
      texts: texts.bytes,
      textOff: texts.off,
      details: details.bytes,
      detailsOff: details.off,
      entityTable: this.table,
      docEnt: Uint32Array.from(this.pairs),
      docEntOff: Uint32Array.from(this.pairOff)
    }
  }
}

function pack(parts: readonly Buffer[]): { bytes: Buffer; off: Uint32Array } {
  const off = new Uint32Array(parts.length + 1)
  parts.forEach((b, i) => (off[i + 1] = off[i]! + b.length))
  return { bytes: Buffer.concat(parts, off[parts.length]), off }
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
