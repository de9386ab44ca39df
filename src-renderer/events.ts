/**
 * The events the window's components send up to <dateline-app>, with their details: one typed
 * map, and one way to send them (bubbling, across shadow roots).
 */
import type { AnnotateRequest, CurationRequest, ImportResponse, TimelineEventView } from '../src-main/contract/api'

export interface EntityFilter {
  id: string
  name: string
  mode: 'include' | 'exclude'
}

export interface DatelineEvents {
  /** entity-panel: filter by an entity, or exclude it */
  filter: EntityFilter
  /** entity-panel: a correction to the entity list */
  curate: { request: CurationRequest }
  /** entity-panel: the find box's text ('' when cleared) */
  'find-entities': { query: string }
  /** entity-panel: a type's facets beyond the first ones shown or folded again */
  'more-facets': { type: string; open: boolean }
  /** entity-panel: the corrections list opened or closed */
  'show-corrections': { open: boolean }
  /** entity-panel: take back a correction */
  undo: { index: number }
  /** entity-panel: the hidden list opened or closed */
  'show-hidden': { open: boolean }
  /** result-list: open the hit at this index */
  open: { index: number }
  /** result-list: the end of the loaded hits came into view */
  more: undefined
  /** result-list: the rows in view changed (0-based first, exclusive last) */
  range: { first: number; last: number }
  /** reader-panel: open another member of the story */
  'open-doc': { path: string }
  /** reader-panel: set, declare unknown (null date with 'unknown') or clear the publication date */
  'set-published': { path: string; date: string | null }
  /** reader-panel, entity-panel, entity-page: open an entity's page */
  'open-entity': { id: string; sort?: 'date' | 'title' }
  /** entity-page: back to the article */
  'close-entity': undefined
  /** reader-panel: star, tag or note the article */
  annotate: AnnotateRequest
  /** reader-panel: open the file the article was read from in the system's program */
  'open-original': { path: string }
  /** timeline-panel: the brushed range, or null when cleared */
  brush: { from: string; to: string } | null
  /** timeline-panel: an event was clicked */
  pick: { event: TimelineEventView }
  /** entity-panel: save the archive's entity list */
  'export-entities': { format: 'csv' | 'json' }
  /** timeline-panel: save the source list of the events it shows */
  'export-sources': undefined
  /** drop-import: an import finished */
  imported: ImportResponse
}

export type DatelineEvent<K extends keyof DatelineEvents> = CustomEvent<DatelineEvents[K]>

export function emit<K extends keyof DatelineEvents>(from: EventTarget, name: K, ...detail: DatelineEvents[K] extends undefined ? [] : [DatelineEvents[K]]): void {
  from.dispatchEvent(new CustomEvent(name, { detail: detail[0], bubbles: true, composed: true }))
}

declare global {
  interface HTMLElementEventMap {
    filter: DatelineEvent<'filter'>
    curate: DatelineEvent<'curate'>
    'find-entities': DatelineEvent<'find-entities'>
    'show-hidden': DatelineEvent<'show-hidden'>
    'more-facets': DatelineEvent<'more-facets'>
    'show-corrections': DatelineEvent<'show-corrections'>
    undo: DatelineEvent<'undo'>
    'open-doc': DatelineEvent<'open-doc'>
    'set-published': DatelineEvent<'set-published'>
    'open-original': DatelineEvent<'open-original'>
    annotate: DatelineEvent<'annotate'>
    'open-entity': DatelineEvent<'open-entity'>
    'close-entity': DatelineEvent<'close-entity'>
    brush: DatelineEvent<'brush'>
    pick: DatelineEvent<'pick'>
    'export-sources': DatelineEvent<'export-sources'>
    'export-entities': DatelineEvent<'export-entities'>
    imported: DatelineEvent<'imported'>
    more: DatelineEvent<'more'>
    range: DatelineEvent<'range'>
  }
}
