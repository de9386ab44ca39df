/**
 * Entity facets: how many documents of a result set mention each entity, per type. Counted over
 * the whole result set (not just the page shown), so a count always equals the number of
 * documents the filter would return.
 */
import type { EntityRegistry, EntityRecord } from './registry'
import { ENTITY_TYPES, type EntityType } from './types'

export interface FacetEntry {
  id: string
  name: string
  count: number
}

export type Facets = Record<EntityType, FacetEntry[]>

export function countFacets(registry: EntityRegistry, docIds: Iterable<string>, limit: number, skip: ReadonlySet<EntityRecord> = new Set()): Facets {
  const counts = new Map<EntityRecord, number>()
  for (const id of docIds) {
    for (const { record } of registry.entitiesOf(id)) {
      if (record.hidden || skip.has(record)) continue
      counts.set(record, (counts.get(record) ?? 0) + 1)
    }
  }
  const out = Object.fromEntries(ENTITY_TYPES.map((t) => [t, [] as FacetEntry[]])) as Facets
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0].name < b[0].name ? -1 : 1))
  for (const [r, count] of sorted) {
    const list = out[r.type]
    if (list.length < limit) list.push({ id: r.id, name: r.name, count })
  }
  return out
}
