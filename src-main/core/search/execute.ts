/**
 * Run a plan over a set of segments and score the matches.
 *
 * Scores are BM25 over the whole archive: segments store raw term frequencies and the score uses
 * archive-wide idf and average field length (segment.ts bm25), so a document's score does not
 * depend on which segment it happens to live in.
 *
 * Each plan node yields one score per document of the segment in a Float64Array (−1: no match),
 * so AND/OR/NOT over tens of thousands of matches are array passes, not hash-map work. Which
 * words to highlight is worked out only for the documents shown (Match.terms).
 */
import { findPhraseIn, type PhraseScan } from './phrase'
import { metaMatches, metaWords, type Plan } from './plan'
import type { MetaField } from './query'
import { bm25, fieldIndex, FIELDS, idf, type Field, type GlobalStats, type Segment, type TermLeaf } from './segment'

export interface Match {
  ref: string
  segment: Segment
  score: number
  /** index terms of the query found in this document (for highlighting; computed when read) */
  readonly terms: Set<string>
  /** original-text spans of verified phrases */
  spans: Array<[number, number]>
}

export interface ExecuteOptions {
  /** Which ordinals of a segment hold a live document (1) rather than an older version or nothing (0). */
  live(segment: Segment): Uint8Array
  /**
   * Cap on phrase checks (each reads and scans one text). Without it every candidate is checked.
   * With it, candidates are checked best-scoring first until `need` are confirmed and `budget`
   * (shared among segments by size) are checked; the rest are left out and estimated.
   */
  verify?: { need: number; budget: number }
  /** what a document's file states, for source:, author:, url: */
  meta?(ref: string): DocFilterValues | undefined
  /** the user's marks on a document, for tag:, is:, note: */
  marks?(ref: string): DocFilterValues | undefined
}

/** A document's values the filters compare: what its file states, and the user's marks. */
export interface DocFilterValues {
  outlet?: string
  author?: string
  url?: string
  starred?: boolean
  tags?: readonly string[]
  notes?: string
}

function filterMatches(m: DocFilterValues | undefined, key: MetaField, words: readonly string[]): boolean {
  if (!m) return false
  switch (key) {
    case 'source':
      return metaMatches(m.outlet, words)
    case 'author':
      return metaMatches(m.author, words)
    case 'url':
      return metaMatches(m.url, words)
    case 'note':
      return metaMatches(m.notes, words)
    case 'tag':
      // the whole tag: tag:raqqa is not raqqa-defections
      return (m.tags ?? []).some((t) => { const w = metaWords(t); return w.length === words.length && w.every((x, i) => x === words[i]) })
    case 'is':
      return words[0] === 'starred' ? m.starred === true : words[0] === 'tagged' ? (m.tags?.length ?? 0) > 0 : words[0] === 'noted' ? Boolean(m.notes) : false
  }
}

export interface Executed {
  matches: Match[]
  /** matches estimated among phrase candidates left unchecked (0: the count is exact) */
  estimated: number
}

const NONE = -1
const EXPANSION_WEIGHT = 0.7 // prefix/fuzzy matches rank below exact ones
const PHRASE_BONUS = 0.25

/** Leaves whose words are highlighted: every leaf outside a NOT and outside a phrase's candidates. */
interface Highlight {
  terms: string[]
  fields: readonly Field[]
}

class SegmentMatch implements Match {
  private found: Set<string> | undefined
  spans: Array<[number, number]> = []

  constructor(
    readonly ref: string,
    readonly segment: Segment,
    readonly ord: number,
    public score: number,
    private readonly highlight: readonly Highlight[]
  ) {}

  get terms(): Set<string> {
    if (!this.found) {
      this.found = new Set()
      for (const h of this.highlight) for (const t of h.terms) if (!this.found.has(t) && this.segment.has(this.ord, t, h.fields)) this.found.add(t)
    }
    return this.found
  }
}

export function execute(plan: Plan, segments: readonly Segment[], opts: ExecuteOptions): Executed {
  const totalDocs = segments.reduce((n, s) => n + s.size, 0)
  const globalDf = new Map<string, number>()
  const dfAll = (term: string) => {
    let n = globalDf.get(term)
    if (n === undefined) {
      n = segments.reduce((sum, s) => sum + s.df(term), 0)
      globalDf.set(term, n)
    }
    return n
  }
  const totalLen = segments.reduce<[number, number]>((acc, s) => [acc[0] + s.totalLen[0], acc[1] + s.totalLen[1]], [0, 0])
  const stats: GlobalStats = {
    idf: (term) => idf(dfAll(term), totalDocs),
    avgLen: [totalLen[0] / (totalDocs || 1), totalLen[1] / (totalDocs || 1)]
  }

  const out: Match[] = []
  let estimated = 0
  for (const segment of segments) {
    const n = segment.size
    const live = opts.live(segment)
    const highlight: Highlight[] = []
    const spans = new Map<number, Array<[number, number]>>()

    const empty = () => new Float64Array(n).fill(NONE)
    const universe = () => {
      const all = new Float64Array(n)
      for (let d = 0; d < n; d++) if (!live[d]) all[d] = NONE
      return all
    }

    const scoreLeaf = (leaf: TermLeaf, positive: boolean): Float64Array => {
      const scores = empty()
      const fields = leaf.fields ?? FIELDS
      const terms = segment.expand(leaf)
      if (positive && terms.length) highlight.push({ terms, fields })
      for (const term of terms) {
        const w = (term === leaf.term ? 1 : EXPANSION_WEIGHT) * stats.idf(term)
        for (const field of fields) {
          const fi = fieldIndex(field)
          const { doc, tf, from, to } = segment.postingsOf(term, field)
          for (let j = from; j < to; j++) {
            const d = doc[j]!
            if (!live[d]) continue
            if (scores[d]! < 0) scores[d] = 0
            scores[d]! += bm25(field, tf[j]!, segment.lens[2 * d + fi]!, w, stats)
          }
        }
      }
      return scores
    }

    const phraseSpans = (d: number, key: string, prefilter: PhraseScan, field: Field | undefined): Array<[number, number]> => {
      const title = () => segment.docs.get(segment.refs[d]!)!.title
      const texts: Array<[string, () => string]> =
        field === 'title' ? [['t', title]] : field === 'body' ? [['b', () => segment.textAt(d)]] : [['b', () => segment.textAt(d)], ['t', title]]
      for (const [tag, text] of texts) {
        const found = findPhraseIn(text(), key, prefilter)
        if (found.length) return tag === 'b' ? found : [[-1, -1]]
      }
      return []
    }

    const run = (p: Plan, positive: boolean): Float64Array => {
      switch (p.k) {
        case 'leaf':
          return scoreLeaf(p.leaf, positive)
        case 'all':
          return universe()
        case 'meta': {
          // a filter: it selects, it does not score
          const out = empty()
          for (let d = 0; d < n; d++) {
            if (!live[d]) continue
            const ref = segment.refs[d]!
            if (filterMatches(p.key === 'source' || p.key === 'author' || p.key === 'url' ? opts.meta?.(ref) : opts.marks?.(ref), p.key, p.words)) out[d] = 0
          }
          return out
        }
        case 'not': {
          const excluded = run(p.child, false)
          const rest = universe()
          for (let d = 0; d < n; d++) if (excluded[d]! >= 0) rest[d] = NONE
          return rest
        }
        case 'or': {
          const acc = empty()
          for (const c of p.children) {
            const r = run(c, positive)
            for (let d = 0; d < n; d++) {
              const v = r[d]!
              if (v >= 0) acc[d] = acc[d]! < 0 ? v : acc[d]! + v
            }
          }
          return acc
        }
        case 'and': {
          const pos = p.children.filter((c) => c.k !== 'not')
          const neg = p.children.filter((c): c is Extract<Plan, { k: 'not' }> => c.k === 'not')
          let acc: Float64Array | null = pos.length ? null : universe()
          for (const c of pos) {
            const r = run(c, positive)
            if (!acc) acc = r
            else {
              let any = false
              for (let d = 0; d < n; d++) {
                const v = r[d]!
                if (acc[d]! >= 0 && v >= 0) {
                  acc[d]! += v
                  any = true
                } else acc[d] = NONE
              }
              if (!any) return acc
            }
          }
          for (const c of neg) {
            const r = run(c.child, false)
            for (let d = 0; d < n; d++) if (r[d]! >= 0) acc![d] = NONE
          }
          return acc!
        }
        case 'phrase': {
          // candidate words are not highlighted on their own: only verified phrase occurrences are
          const scores = run(p.candidates, false)
          const check = (d: number): boolean => {
            const found = phraseSpans(d, p.key, p.prefilter, p.field)
            if (!found.length) {
              scores[d] = NONE
              return false
            }
            scores[d] = scores[d]! * (1 + PHRASE_BONUS * Math.min(found.length, 4))
            if (positive) {
              const list = spans.get(d) ?? []
              for (const sp of found) if (sp[0] >= 0) list.push(sp)
              spans.set(d, list)
            }
            return true
          }
          const candidates: number[] = []
          for (let d = 0; d < n; d++) if (scores[d]! >= 0) candidates.push(d)
          // An excluded phrase (under NOT) is always checked in full: leaving one out would let it in.
          const cap = positive && opts.verify ? Math.max(opts.verify.need, Math.ceil((opts.verify.budget * n) / (totalDocs || 1))) : Infinity
          if (candidates.length <= cap) {
            for (const d of candidates) check(d)
            return scores
          }
          // Too many to check them all: the best-scoring first, until the page asked for is full…
          const need = opts.verify!.need
          const byScore = [...candidates].sort((a, b) => scores[b]! - scores[a]! || a - b)
          let confirmed = 0
          let k = 0
          for (; k < byScore.length && confirmed < need; k++) if (check(byScore[k]!)) confirmed++
          // …then an even sample of the rest (in document order, so not biased by score) for the estimate
          const rest = byScore.slice(k).sort((a, b) => a - b)
          const sample = Math.min(rest.length, Math.max(cap - k, 50))
          let hits = 0
          for (let j = 0; j < sample; j++) {
            const at = Math.floor((j * rest.length) / sample)
            if (check(rest[at]!)) hits++
            rest[at] = -1
          }
          for (const d of rest) if (d >= 0) scores[d] = NONE
          // the unchecked candidates are expected to hold the phrase as often as the sample did
          estimated += Math.round(((rest.length - sample) * hits) / (sample || 1))
          return scores
        }
      }
    }

    const scores = run(plan, true)
    for (let d = 0; d < n; d++) {
      const s = scores[d]!
      if (s < 0 || !live[d]) continue
      const m = new SegmentMatch(segment.refs[d]!, segment, d, s, highlight)
      const sp = spans.get(d)
      if (sp) m.spans = sp
      out.push(m)
    }
  }
  return { matches: out, estimated }
}
