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
  const out = Object.fromEntries(ENTITY_TYPES.map((t) => [t, [] as FacetEntry[]])) as Facets
  for (const [type, list] of registry.countByType(docIds, limit, skip)) out[type] = list.map(({ record, count }) => ({ id: record.id, name: record.name, count }))
  return out
}
