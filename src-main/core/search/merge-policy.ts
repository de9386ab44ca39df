/**
 * Which segments to merge, Lucene-style tiers: segments are grouped by the order of magnitude of
 * their live document count; when a tier holds MERGE_FACTOR segments they become one segment of
 * the next tier. Each document is therefore rewritten about log10(N) times in its life, and the
 * number of segments stays below MERGE_FACTOR per tier. Pure function: tested on its own.
 */

export interface SegmentStats {
  id: string
  /** documents stored in the segment */
  size: number
  /** documents whose current version lives in this segment */
  live: number
}

export interface MergePolicyOptions {
  mergeFactor: number
  /** no merge produces a segment larger than this (keeps each file far below V8's string limit) */
  maxSegmentDocs: number
  /** rewrite a segment alone once this share of it is tombstoned */
  maxDeletedRatio: number
}

export const DEFAULT_MERGE_POLICY: MergePolicyOptions = { mergeFactor: 10, maxSegmentDocs: 20_000, maxDeletedRatio: 0.5 }

export interface MergePlan {
  /** segments with no live documents: delete */
  drop: string[]
  /** groups of segments to rewrite into one new segment each */
  merges: string[][]
}

export function planMerges(segments: readonly SegmentStats[], opts: MergePolicyOptions = DEFAULT_MERGE_POLICY): MergePlan {
  const drop = segments.filter((s) => s.live === 0).map((s) => s.id)
  const alive = segments.filter((s) => s.live > 0)
  const merges: string[][] = []
  const used = new Set<string>()

  const tiers = new Map<number, SegmentStats[]>()
  for (const s of alive) {
    const tier = Math.floor(Math.log10(s.live))
    const list = tiers.get(tier) ?? []
    list.push(s)
    tiers.set(tier, list)
  }
  for (const list of tiers.values()) {
    list.sort((a, b) => a.live - b.live)
    while (list.length >= opts.mergeFactor) {
      const group = list.splice(0, opts.mergeFactor)
      let total = 0
      const fitting: SegmentStats[] = []
      for (const s of group) {
        if (total + s.live > opts.maxSegmentDocs) break
        fitting.push(s)
        total += s.live
      }
      if (fitting.length < 2) break
      merges.push(fitting.map((s) => s.id))
      for (const s of fitting) used.add(s.id)
    }
  }
  for (const s of alive) {
    if (!used.has(s.id) && s.size >= 10 && (s.size - s.live) / s.size > opts.maxDeletedRatio) merges.push([s.id])
  }
  return { drop, merges }
}
