/**
 * What main sends the window. Types only: the shapes the core already declares are projected
 * from it (the window gets only what it draws: no document ids, merge keys or mention counts);
 * the rest are the window's own compositions.
 */
import type { Published } from '../core/dates/publication'
import type { DocumentView } from '../core/documents/service'
import type { EntityPage } from '../core/entities/page'
import type { AnnotationsView } from '../core/annotations/service'
import type { DateExpressionView } from '../core/dates/service'
import type { FacetEntry } from '../core/entities/facets'
import type { EntityView as CoreEntityView } from '../core/entities/service'
import type { EntityType, Span } from '../core/entities/types'
import type { ErrorCode } from '../core/errors'
import type { ImportReport } from '../core/import/service'
import type { ImportProgress } from '../core/import/run'
import type { SearchHit, SearchResult } from '../core/search/service'
import type { Snippet } from '../core/search/snippet'
import type { StoryMemberView } from '../core/stories/service'
import type { publicEvent } from '../core/timeline/build'
import type { TimelineResult } from '../core/timeline/service'
import type { FileChange, IndexProgress } from '../core/update/types'

export type { EntityType, TimePrecision }
type TimePrecision = NonNullable<TimelineEventView['precision']>

/** One list of codes, with what each means, in core/errors.ts. */
export type { ErrorCode }

/** Failures are values with a message written for the user, never thrown across IPC. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } }

export interface StatusView {
  archive: string | null
  documents: number
  indexing: boolean
  /** recently opened archives, most recent first */
  recent: string[]
}

export interface IndexProgressView extends IndexProgress {
  /** estimated seconds left in the indexing phase; null until it can be estimated */
  etaSeconds: number | null
  /** the archive being indexed (the window names it before the first status answer) */
  archive: string
}

/** A facet: documents of the result set mentioning the entity. */
export type FacetView = FacetEntry

/** A hit as the window draws it: the core's, its passages as text with mark spans, its date always present. */
export type HitView = Pick<SearchHit, 'id' | 'path' | 'title' | 'score' | 'source' | 'starred' | 'tags' | 'notes' | 'pending'> & {
  /** up to three passages in text order, together showing the matched words and filtered entities: plain text, the marks as [start, end) spans in each */
  snippets: Snippet[]
  /** publication date ("2015-10-30", "2015-10" or "2015"), null when unknown */
  published: string | null
}

/** The core's search result, with the hits as the window draws them (facets: of the whole result set). */
export type SearchResponse = Omit<SearchResult, 'hits'> & { hits: HitView[] }

/** An article's publication date and how it is known. */
export type PublishedView = Pick<Published, 'date' | 'source' | 'confidence' | 'evidence' | 'fileDate' | 'partial'>

/** One date expression of an article, resolved against its publication date. */
export type { DateExpressionView }

/** One correction the user made, in words (the curation history). */
export type { CorrectionView } from '../core/entities/service'

/** An entity of the whole archive (documents: how many mention it). */
export type EntityView = Omit<CoreEntityView, 'mentions'>

/** A reported event, each source without its document id. */
export type TimelineEventView = ReturnType<typeof publicEvent>
export type TimelineSourceView = TimelineEventView['sources'][number]

export interface DocumentResponse {
  path: string
  title: string
  text: string
  /** [start, end) of the search's words in text */
  highlights: Span[]
  entities: Array<{ id: string; type: EntityType; name: string; mentions: Span[] }>
  published: PublishedView
  story: null | {
    role: StoryMemberView['role']
    /** the member this one was taken from */
    of?: string
    members: Array<Pick<StoryMemberView, 'path' | 'title' | 'role' | 'published'>>
    /** passages of this text also found in the one it was taken from */
    reused: Span[]
  }
  events: TimelineEventView[]
  /** the article's date expressions, resolved, with the rule behind each (what `dateline dates` lists) */
  dates: DateExpressionView[]
  /** the file's format, the container it is one article of, and what the file states (outlet, author, URL, dates) */
  format: DocumentView['format']
  container: string | null
  /** how the file's bytes were read ("koi8-r"), and what decoding repaired or guessed */
  encoding: DocumentView['encoding']
  meta: DocumentView['meta']
  /** the user's star, tags and notes, each note anchored to the text as it is now */
  annotations: AnnotationsView
}

/** An article's star, tags and notes. */
export type { AnnotationsView }

/** A saved search with how many articles are new since it last ran. */
export type { SavedSearchView } from '../core/searches/service'

/** One entity's page, its entity as the window shows entities. */
export type EntityPageView = Omit<EntityPage, 'entity'> & { entity: EntityView }

/** The places of the results, for the map. */
export type { PlacesMap as PlacesMapView } from '../core/api'

/** One line of a batch search. */
export type { BatchRow as BatchRowView } from '../core/search/batch'

/** A search the user ran. */
export type { HistoryEntry as HistoryEntryView } from '../core/searches/file'

export interface TimelineResponse extends Pick<TimelineResult, 'density' | 'entities' | 'ms' | 'undated' | 'unresolved' | 'analysis'> {
  events: TimelineEventView[]
  /** the first undated and unresolved events (all are counted in `undated` / `unresolved`) */
  undatedEvents: TimelineEventView[]
  unresolvedEvents: TimelineEventView[]
}

export type ImportResponse = ImportReport

export type ImportProgressView = ImportProgress

export type ArchiveChangeView = FileChange | { kind: 'rejected'; path: string; reason: string }

/** Live changes of the open archive's folder (other programs, imports), and notices about watching it. */
export interface ArchiveChangedEvent {
  changes: ArchiveChangeView[]
  documents: number
  /** e.g. "live updates now poll every 10 s because the system's watch limit was reached" */
  notice?: string
}
