/**
 * The places a set of articles mentions, with where each is, for the window's map: a place found
 * in the gazetteer keeps its gazetteer id in its merge keys ("place:@city:99072"), and the
 * gazetteer knows its point (a city's own, a region's largest city, a country's capital). Places
 * without a point (a curated name, a place the gazetteer does not hold) are listed apart.
 */
import type { ArchiveContext } from '../archive/context'
import { lookupPlace, placeById } from './gazetteer'
import type { EntityRecord } from './registry'
import { entityRegistry } from './service'

export interface MapPlace {
  id: string
  name: string
  /** [longitude, latitude] */
  at: [number, number]
  /** articles of the set that mention it */
  count: number
}

export interface PlacesMap {
  /** the places with a point, most mentioned first (at most `limit`) */
  places: MapPlace[]
  /** the places without one, most mentioned first (at most `limit`) */
  unplaced: Array<{ id: string; name: string; count: number }>
  /** how many of each there are in all */
  placedTotal: number
  unplacedTotal: number
}

const GAZETTEER_KEY = 'place:@'

/** Where a place entity is, when the gazetteer knows it. */
export function locationOf(r: Pick<EntityRecord, 'keys' | 'name'>): [number, number] | undefined {
  for (const k of r.keys) {
    if (!k.startsWith(GAZETTEER_KEY)) continue
    const at = placeById(k.slice(GAZETTEER_KEY.length))?.at
    if (at) return at
  }
  // a curated place ("Raqqa" in the knowledge table) by its name, when the gazetteer has it exactly
  const m = lookupPlace(r.name)
  return m && !m.variant ? m.place.at : undefined
}

/** The places `docIds` mention, counted, each with its point or listed apart. */
export function placesMap(ctx: ArchiveContext, docIds: Iterable<string>, limit = 500): PlacesMap {
  const counted = entityRegistry(ctx).countByType(docIds, Number.MAX_SAFE_INTEGER).get('place') ?? []
  const places: MapPlace[] = []
  const unplaced: PlacesMap['unplaced'] = []
  for (const { record, count } of counted) {
    const at = locationOf(record)
    if (at) places.push({ id: record.id, name: record.name, at, count })
    else unplaced.push({ id: record.id, name: record.name, count })
  }
  return { places: places.slice(0, limit), unplaced: unplaced.slice(0, limit), placedTotal: places.length, unplacedTotal: unplaced.length }
}
