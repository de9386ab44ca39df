/**
 * One entity's page: its names, the articles that mention it (newest first, or by name), the
 * entities it appears with most, and the span of dates its articles cover. Read from the merged
 * registry and the publication dates; no article text is decoded, so it opens fast.
 */
import type { ArchiveContext } from '../archive/context'
import { storyState } from '../stories/service'
import type { Facets } from './facets'
import { cooccurring, entityRegistry, entityView, requireEntity, type EntityView } from './service'

export interface EntityPage {
  entity: EntityView
  /** articles mentioning it */
  total: number
  documents: Array<{ path: string; title: string; published: string | null }>
  /** the earliest and latest publication dates among them */
  first: string | null
  last: string | null
  /** entities in the same articles, by number of shared articles */
  cooccurring: Facets
}

export function entityPage(ctx: ArchiveContext, id: string, opts: { limit?: number; sort?: 'date' | 'title' } = {}): EntityPage {
  const registry = entityRegistry(ctx)
  const r = requireEntity(registry, id)
  const docs = ctx.snapshot.manifest.docs
  const published = storyState(ctx).published
  const rows = [...registry.documentsOf(r)].filter((d) => docs[d]).map((d) => ({ path: docs[d]!.path, title: docs[d]!.title, published: published.get(d)?.date ?? null }))
  let first: string | null = null
  let last: string | null = null
  for (const x of rows) {
    if (!x.published) continue
    if (first === null || x.published < first) first = x.published
    if (last === null || x.published > last) last = x.published
  }
  rows.sort(
    opts.sort === 'title'
      ? (a, b) => a.title.localeCompare(b.title) || (a.path < b.path ? -1 : 1)
      : // newest first, undated last
        (a, b) => (b.published ?? '').localeCompare(a.published ?? '') || (a.path < b.path ? -1 : 1)
  )
  return { entity: entityView(r), total: rows.length, documents: rows.slice(0, Math.max(0, opts.limit ?? 200)), first, last, cooccurring: cooccurring(ctx, r.id, 10) }
}
