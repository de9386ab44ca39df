/**
 * How much of a set of documents the answers built on the analysis can see (two-phase indexing:
 * an article is searchable by its text before its entities, dates, events and stories are found).
 */
import type { ArchiveContext } from './context'

export interface Coverage {
  /** documents of the set that are analysed */
  analysed: number
  /** documents in the set */
  of: number
}

/**
 * Analysis coverage of some documents (the ids `ids()` gives; all of them when absent), or
 * undefined when the whole archive is analysed (the usual case: nothing to say, and the ids are
 * never asked for).
 */
export function analysisCoverage(ctx: ArchiveContext, ids?: () => Iterable<string>): Coverage | undefined {
  const snap = ctx.snapshot
  const all = snap.coverage()
  if (all.analysed === all.documents) return undefined
  if (!ids) return { analysed: all.analysed, of: all.documents }
  let of = 0
  let pending = 0
  for (const id of ids()) {
    const meta = snap.manifest.docs[id]
    if (!meta) continue
    of++
    if (snap.isPending(meta)) pending++
  }
  return { analysed: of - pending, of }
}

/** While an update reads new files: documents searchable now and the files of the update read so far (undefined when none runs). */
export function readingProgress(ctx: ArchiveContext): { searchable: number; done: number; total: number } | undefined {
  return ctx.reading ? { searchable: ctx.snapshot.documentCount, ...ctx.reading } : undefined
}
