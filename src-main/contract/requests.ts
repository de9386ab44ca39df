/**
 * What the window may send, as schemas (zod): main checks every argument against its call's
 * schema before any service runs, and the request types are inferred from the same schemas.
 */
import { z } from 'zod'
import type { CurationRequest as CoreCurationRequest } from '../core/entities/service'

export const MAX_IMPORT_PATHS = 10_000
export const MAX_QUERY_CHARS = 1000

const YMD = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
/** A real calendar day (no 2015-02-30), year 1000 or later. */
const REAL_DAY = YMD.refine((d) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, day))
  return y >= 1000 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day
})
const ID = z.string().min(1).max(200)
const IDS = z.array(ID).max(20)
const NAME = z.string().max(200).refine((s) => s.trim().length > 0)
const DOC_PATH = z.string().min(1).max(4096).refine((p) => !p.includes('\0'))
const QUERY = z.string().max(MAX_QUERY_CHARS)
const ENTITY_TYPE = z.enum(['person', 'organization', 'place'])
const count = (min: number, max: number) => z.int().min(min).max(max)

export const SearchRequest = z.strictObject({
  /** '' lists every document (with filters: every document they keep) */
  query: QUERY,
  limit: count(0, 500).optional(),
  offset: count(0, 1_000_000).optional(),
  /** only documents mentioning every one of these entities */
  entities: IDS.optional(),
  /** and none of these */
  excludeEntities: IDS.optional(),
  sort: z.enum(['relevance', 'date']).optional(),
  /** entities per type in the facets (default 15; "more" asks for up to 200) */
  facetLimit: count(1, 200).optional(),
  /** only documents reporting an event dated within this window (YYYY-MM-DD): the timeline brush */
  eventsFrom: YMD.optional(),
  eventsTo: YMD.optional()
})

export const DocumentRequest = z.strictObject({
  path: DOC_PATH,
  /** the current search, to highlight its words */
  query: QUERY.optional()
})

export const OpenOriginalRequest = z.strictObject({ path: DOC_PATH })

const SAVED_NAME = z.string().min(1).max(200)
export const SaveSearchRequest = z.strictObject({ name: SAVED_NAME, query: QUERY, entities: IDS.optional(), excludeEntities: IDS.optional() })
export const SavedNameRequest = z.strictObject({ name: SAVED_NAME })
export const EntityPageRequest = z.strictObject({ id: ID, sort: z.enum(['date', 'title']).optional() })
export const BatchSearchRequest = z.strictObject({ lines: z.array(z.string().max(MAX_QUERY_CHARS)).min(1).max(2000) })
export const RecordSearchRequest = z.strictObject({ query: QUERY, entities: IDS.optional(), excludeEntities: IDS.optional(), sort: z.enum(['relevance', 'date']).optional(), eventsFrom: YMD.optional(), eventsTo: YMD.optional() })

/** The current search's results to a file the user picks (a save dialog that asks before replacing one). */
export const ExportResultsRequest = z.strictObject({
  query: QUERY,
  entities: IDS.optional(),
  excludeEntities: IDS.optional(),
  sort: z.enum(['relevance', 'date']).optional(),
  eventsFrom: YMD.optional(),
  eventsTo: YMD.optional(),
  format: z.enum(['csv', 'json'])
})

/** A star, a tag or a note (annotations/service.ts checks tag names and note lengths with readable messages). */
export const AnnotateRequest = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('star'), path: DOC_PATH, on: z.boolean() }),
  z.strictObject({ op: z.literal('tag'), path: DOC_PATH, tag: z.string().min(1).max(200), on: z.boolean() }),
  z.strictObject({ op: z.literal('note'), path: DOC_PATH, text: z.string().max(2_000_000), passage: z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) }).optional() }),
  z.strictObject({ op: z.literal('edit-note'), path: DOC_PATH, id: z.string().min(1).max(64), text: z.string().max(2_000_000) }),
  z.strictObject({ op: z.literal('delete-note'), path: DOC_PATH, id: z.string().min(1).max(64) })
])

/** The core's correction request (entities/service.ts), checked. */
export const CurationRequest = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('merge'), ids: z.array(ID).min(2).max(20), name: NAME.optional() }),
  z.strictObject({ op: z.literal('rename'), id: ID, name: NAME }),
  z.strictObject({ op: z.literal('retype'), id: ID, type: ENTITY_TYPE }),
  z.strictObject({ op: z.enum(['hide', 'unhide']), id: ID })
]) satisfies z.ZodType<CoreCurationRequest>

/** Entities of the whole archive, not just of the results: the panel's "find an entity" box and its hidden list. */
export const EntityListRequest = z.strictObject({
  /** part of a name or alias, case- and accent-insensitive */
  query: z.string().max(200).optional(),
  type: ENTITY_TYPE.optional(),
  limit: count(1, 500).optional(),
  sort: z.enum(['count', 'name']).optional(),
  /** only the entities the user hid */
  hidden: z.boolean().optional()
})

export const PublishedRequest = z.strictObject({
  path: DOC_PATH,
  /** YYYY-MM-DD; 'unknown' when the article has no date; null to forget the user's date and infer it again */
  date: z.union([z.null(), z.literal('unknown'), REAL_DAY])
})

/** The entity list, saved where the user chooses. */
export const ExportEntitiesRequest = z.strictObject({ format: z.enum(['csv', 'json']) })

/** The places of the results the user sees, for the map. */
export const PlacesRequest = z.strictObject({
  query: QUERY.optional(),
  resultEntities: IDS.optional(),
  resultExcludeEntities: IDS.optional(),
  limit: count(1, 2000).optional()
})

/** The source list of the events the timeline shows: the same filters, every event. */
export const ExportSourcesRequest = z.strictObject({
  query: QUERY.optional(),
  entities: IDS.optional(),
  resultEntities: IDS.optional(),
  resultExcludeEntities: IDS.optional(),
  from: YMD.optional(),
  to: YMD.optional()
})

export const TimelineRequest = z.strictObject({
  /** only events reported by documents matching this search ('' = the whole archive) */
  query: QUERY.optional(),
  /** only events whose places or actors include every one of these entity ids */
  entities: IDS.optional(),
  /** only events reported by documents mentioning every one of these entities, and none of the excluded: the results' filters */
  resultEntities: IDS.optional(),
  resultExcludeEntities: IDS.optional(),
  /** undated and unresolved events sent (the rest are counted; default 100) */
  undatedLimit: count(0, 5000).optional(),
  /** YYYY-MM-DD, inclusive */
  from: YMD.optional(),
  to: YMD.optional(),
  limit: count(0, 100_000).optional()
})

/** Absolute paths from the preload's drop handler (POSIX or Windows). */
export const ImportPaths = z
  .array(DOC_PATH.refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]|^\\\\/.test(p)))
  .min(1)
  .max(MAX_IMPORT_PATHS)

/** A correction to take back: its position in the list the corrections call returned. */
export const UndoRequest = z.strictObject({ index: count(0, 1_000_000) })

/** One of the recent archives the status lists. */
export const RecentPath = z.string().min(1).max(4096)

export type SearchRequest = z.infer<typeof SearchRequest>
export type DocumentRequest = z.infer<typeof DocumentRequest>
export type OpenOriginalRequest = z.infer<typeof OpenOriginalRequest>
export type AnnotateRequest = z.infer<typeof AnnotateRequest>
export type ExportResultsRequest = z.infer<typeof ExportResultsRequest>
export type SaveSearchRequest = z.infer<typeof SaveSearchRequest>
export type CurationRequest = CoreCurationRequest
export type EntityListRequest = z.infer<typeof EntityListRequest>
export type PublishedRequest = z.infer<typeof PublishedRequest>
export type TimelineRequest = z.infer<typeof TimelineRequest>
export type ExportSourcesRequest = z.infer<typeof ExportSourcesRequest>
export type PlacesRequest = z.infer<typeof PlacesRequest>
export type UndoRequest = z.infer<typeof UndoRequest>
