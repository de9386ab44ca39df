/**
 * Stage 7: merge segments as the merge policy plans (search/merge-policy.ts). Postings, texts and
 * analysis are concatenated as they are: nothing is read, tokenised or analysed again.
 */
import type { Manifest } from '../search/index-store'
import { planMerges, type MergePolicyOptions } from '../search/merge-policy'
import { Segment } from '../search/segment'

/**
 * Merges into `segments` (a working copy) and `manifest` in place; the merged segments join
 * `newSegments`. Returns the segments that are now obsolete and how many were merged.
 */
export function mergeSegments(
  segments: Map<string, Segment>,
  manifest: Manifest,
  newSegments: Segment[],
  policy: MergePolicyOptions
): { obsolete: Set<string>; merged: number } {
  const liveCount = new Map<string, number>()
  for (const d of Object.values(manifest.docs)) liveCount.set(d.segment, (liveCount.get(d.segment) ?? 0) + 1)
  // a segment waiting for its analysis is left alone: phase 2 rewrites it whole (analyse-pending.ts)
  const waiting = (s: Segment) => s.livePending(manifest.docs).length > 0
  const plan = planMerges(
    [...segments.values()].filter((s) => !waiting(s)).map((s) => ({ id: s.id, size: s.size, live: liveCount.get(s.id) ?? 0 })),
    policy
  )
  const obsolete = new Set(plan.drop)
  let merged = 0
  for (const group of plan.merges) {
    const seg = Segment.merge(
      `s${manifest.nextSegment++}`,
      group.map((id) => ({ segment: segments.get(id)!, keep: (ref: string) => manifest.docs[ref]?.segment === id }))
    )
    for (const id of group) obsolete.add(id)
    newSegments.push(seg)
    segments.set(seg.id, seg)
    for (const ref of seg.docs.keys()) manifest.docs[ref] = { ...manifest.docs[ref]!, segment: seg.id }
    merged += group.length
  }
  for (const id of obsolete) segments.delete(id)
  manifest.segments = [...segments.keys()]
  return { obsolete, merged }
}
