/** The entity vocabulary shared by extraction, the archive-level registry, the API and the CLI. */

export const ENTITY_TYPES = ['person', 'organization', 'place'] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

export function isEntityType(v: unknown): v is EntityType {
  return typeof v === 'string' && (ENTITY_TYPES as readonly string[]).includes(v)
}

/** [start, end) character offsets in the document's original text */
export type Span = [number, number]

/** One entity as found in one document (stored with the document in its index segment). */
export interface DocEntity {
  /** archive-wide merge key, e.g. "person:lina khatib", "place:rq" (see keys.ts) */
  key: string
  type: EntityType
  /** the fullest form seen in this document */
  name: string
  mentions: Span[]
  /** other spellings used for it in this document ("Khatib", "ISIL") */
  forms?: string[]
  /** keys of other names this document shows to be the same entity (acronym definitions, aliases) */
  links?: string[]
}

/** An entity across the archive, after alias merging and the user's curation. */
export interface Entity {
  id: string
  type: EntityType
  name: string
  aliases: string[]
  documents: number
  mentions: number
}
