/**
 * The seam between the search service and the engine that holds the postings. The service parses
 * and lowers the query, filters by entities and dates, orders and pages; a backend finds and
 * scores the documents a plan matches, and gives the text of a match for snippets. Today's one
 * implementation runs over the snapshot's segments (execute.ts); another engine (a server, a
 * distributed index) would be another implementation of this interface.
 */
import type { ArchiveSnapshot } from '../archive/snapshot'
import type { DocAnnotations } from '../annotations/file'
import { execute, type DocFilterValues, type Executed, type Match } from './execute'
import type { IndexedDocument } from './index-store'
import type { Plan } from './plan'
import type { Segment } from './segment'

export interface SearchBackend {
  /** Every live document the plan matches, scored (BM25 over the whole archive). */
  run(plan: Plan, verify?: { need: number; budget: number }): Executed
  /** The plan's match in one document only (which words to mark in the reader), or undefined. */
  runOne(plan: Plan, docId: string): Match | undefined
  /** The indexed text of a match. */
  textOf(match: Match): string
}

/** The snapshot's segments as a search backend. */
export function segmentBackend(snapshot: ArchiveSnapshot, annotated?: () => Iterable<[IndexedDocument, DocAnnotations]>): SearchBackend {
  const live = (seg: Segment) => snapshot.liveMask(seg)
  // what the file states, for source:, author:, url:
  const statedOf = (ref: string): DocFilterValues | undefined => snapshot.manifest.docs[ref]?.meta
  // the user's marks by document id, made once per search from the (few) marked documents: tag:,
  // is: and note: then cost a map lookup per document, not a manifest lookup
  let byId: Map<string, DocFilterValues> | undefined
  const marksOf = (ref: string): DocFilterValues | undefined => {
    byId ??= new Map([...(annotated?.() ?? [])].map(([d, m]) => [d.id, { starred: m.starred === true, tags: m.tags ?? [], notes: (m.notes ?? []).map((n) => n.text).join('\n') }]))
    return byId.get(ref)
  }
  return {
    run: (plan, verify) => execute(plan, [...snapshot.segments.values()], { live, meta: statedOf, marks: marksOf, ...(verify ? { verify } : {}) }),
    runOne(plan, docId) {
      const meta = snapshot.manifest.docs[docId]
      // only the document's own segment: which words match in it does not depend on the others
      const seg = meta && snapshot.segments.get(meta.segment)
      if (!seg) return undefined
      const ord = seg.ordinalOf(docId)
      const only = (s: Segment) => {
        const mask = new Uint8Array(s.size)
        if (ord >= 0) mask[ord] = 1
        return mask
      }
      return execute(plan, [seg], { live: only, meta: statedOf, marks: marksOf }).matches.find((x) => x.ref === docId)
    },
    textOf: (m) => m.segment.docs.get(m.ref)!.text
  }
}
