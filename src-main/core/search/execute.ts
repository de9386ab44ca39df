/**
 * Run a plan over a set of segments and rank the matches.
 *
 * Scores are BM25 over the whole archive: segments store raw term frequencies and the score uses
 * archive-wide idf and average field length (segment.ts bm25), so a document's score does not
 * depend on which segment it happens to live in.
 */
import { findPhraseIn } from './phrase'
import type { Plan } from './plan'
import { bm25, fieldIndex, idf, type Field, type GlobalStats, type Segment, type TermLeaf } from './segment'

export interface Match {
  ref: string
  segment: Segment
  score: number
  /** index terms that matched (for highlighting) */
  terms: Set<string>
  /** original-text spans of verified phrases */
  spans: Array<[number, number]>
}

export interface ExecuteOptions {
  /** Is this ref's current version the one in this segment? (older versions are tombstoned) */
  isLive(ref: string, segment: Segment): boolean
}

type Scores = Map<string, number>

const EXPANSION_WEIGHT = 0.7 // prefix/fuzzy matches rank below exact ones
const PHRASE_BONUS = 0.25

export function execute(plan: Plan, segments: readonly Segment[], opts: ExecuteOptions): Match[] {
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
  for (const segment of segments) {
    const matches = new Map<string, Match>()
    const get = (ref: string) => {
      let m = matches.get(ref)
      if (!m) matches.set(ref, (m = { ref, segment, score: 0, terms: new Set(), spans: [] }))
      return m
    }

    const scoreLeaf = (leaf: TermLeaf, positive: boolean): Scores => {
      const scores: Scores = new Map()
      for (const [ref, hits] of segment.match(leaf)) {
        if (!opts.isLive(ref, segment)) continue
        const len = segment.docs.get(ref)!.len
        let s = 0
        for (const [term, fields] of hits) {
          const w = (term === leaf.term ? 1 : EXPANSION_WEIGHT) * stats.idf(term)
          for (const [f, tf] of fields) s += bm25(f, tf, len[fieldIndex(f)], w, stats)
          if (positive) get(ref).terms.add(term)
        }
        scores.set(ref, s)
      }
      return scores
    }

    const universe = (): Scores => {
      const all: Scores = new Map()
      for (const ref of segment.docs.keys()) if (opts.isLive(ref, segment)) all.set(ref, 0)
      return all
    }

    const phraseSpans = (ref: string, key: string, prefilter: RegExp, field: Field | undefined) => {
      const doc = segment.docs.get(ref)
      if (!doc) return []
      const texts: Array<[string, string]> = field === 'title' ? [['t', doc.title]] : field === 'body' ? [['b', doc.text]] : [['b', doc.text], ['t', doc.title]]
      for (const [tag, text] of texts) {
        const spans = findPhraseIn(text, key, prefilter)
        if (spans.length) return tag === 'b' ? spans : [[-1, -1] as [number, number]]
      }
      return []
    }

    const run = (p: Plan, positive: boolean): Scores => {
      switch (p.k) {
        case 'leaf':
          return scoreLeaf(p.leaf, positive)
        case 'all':
          return universe()
        case 'not': {
          const excluded = run(p.child, false)
          const rest = universe()
          for (const ref of excluded.keys()) rest.delete(ref)
          return rest
        }
        case 'or': {
          const acc: Scores = new Map()
          for (const c of p.children) for (const [ref, s] of run(c, positive)) acc.set(ref, (acc.get(ref) ?? 0) + s)
          return acc
        }
        case 'and': {
          const pos = p.children.filter((c) => c.k !== 'not')
          const neg = p.children.filter((c): c is Extract<Plan, { k: 'not' }> => c.k === 'not')
          let acc: Scores | null = pos.length ? null : universe()
          for (const c of pos) {
            const r = run(c, positive)
            if (!acc) acc = r
            else {
              const next: Scores = new Map()
              for (const [ref, s] of acc) {
                const t = r.get(ref)
                if (t !== undefined) next.set(ref, s + t)
              }
              acc = next
            }
            if (acc.size === 0) return acc
          }
          for (const n of neg) for (const ref of run(n.child, false).keys()) acc!.delete(ref)
          return acc!
        }
        case 'phrase': {
          // candidate words are not highlighted on their own: only verified phrase occurrences are
          const candidates = run(p.candidates, false)
          const verified: Scores = new Map()
          for (const [ref, s] of candidates) {
            const spans = phraseSpans(ref, p.key, p.prefilter, p.field)
            if (!spans.length) continue
            verified.set(ref, s * (1 + PHRASE_BONUS * Math.min(spans.length, 4)))
            if (positive) for (const sp of spans) if (sp[0] >= 0) get(ref).spans.push(sp)
          }
          return verified
        }
      }
    }

    for (const [ref, score] of run(plan, true)) {
      const m = get(ref)
      m.score = score
      out.push(m)
    }
  }
  return out
}
