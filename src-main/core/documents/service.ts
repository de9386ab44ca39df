/**
 * One document as the reader shows it: its text, the entities it mentions (hidden ones left out),
 * its publication date with how it is known, its story, and what its file states about it.
 */
import type { ArchiveContext } from '../archive/context'
import { annotationsOf, type AnnotationsView } from '../annotations/service'
import { formatOf } from '../archive/document'
import type { ArticleMeta, FormatName } from '../formats/types'
import type { Encoding } from '../text/decode'
import type { Published } from '../dates/publication'
import { published } from '../dates/service'
import { entityRegistry } from '../entities/service'
import type { EntityType, Span } from '../entities/types'
import { documentStory, type DocumentStory } from '../stories/service'

export interface DocumentView {
  id: string
  path: string
  title: string
  length: number
  text: string
  entities: Array<{ id: string; type: EntityType; name: string; mentions: Span[] }>
  published: Published
  /** the story this document belongs to, or null when no other document shares its text */
  story: DocumentStory | null
  /** the file's format ("text" for plain text) */
  format: FormatName
  /** the file it was read from, when it is one article of a container (a mailbox, an export) */
  container: string | null
  /** how the file's bytes were read, and what decoding repaired or guessed */
  encoding: { name: Encoding; note?: string }
  /** what the file states about the article: outlet, author, URL, dates, with where each is stated */
  meta: ArticleMeta
  /** the user's star, tags and notes */
  annotations: AnnotationsView
}

/** One document with its entities (by relative path or document id). */
export function documentView(ctx: ArchiveContext, pathOrId: string): DocumentView {
  const meta = ctx.snapshot.meta(pathOrId)
  const sd = ctx.snapshot.segmentDocOf(meta)
  const registry = entityRegistry(ctx)
  return {
    id: meta.id,
    path: meta.path,
    title: meta.title,
    length: sd.text.length,
    text: sd.text,
    entities: registry
      .entitiesOf(meta.id)
      .filter((x) => !x.record.hidden)
      .map((x) => ({ id: x.record.id, type: x.record.type, name: x.record.name, mentions: x.mentions })),
    published: published(ctx, meta.id),
    story: documentStory(ctx, meta.id),
    format: formatOf(meta),
    container: meta.container ?? null,
    encoding: { name: meta.encoding, ...(meta.encodingNote ? { note: meta.encodingNote } : {}) },
    meta: meta.meta ?? {},
    annotations: annotationsOf(ctx, meta.id)
  }
}
