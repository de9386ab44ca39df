/** What every store's actions share: the bridge to main, the message line, and what the app's view does after an action. */
import type { DatelineApi } from '../../src-main/contract/api'
import { Store } from './store'

export interface Messages {
  /** the last failure, in words (empty when the last call went well) */
  error: string
  /** news about the archive that is not an error (live updates polling, indexing stopped) */
  notice: string
}

/** View effects the app registers: scrolling and drawing that belong to components, not state. */
export interface ViewEffects {
  /** a new first page of results arrived */
  searched(): void
  /** the date range was removed: the timeline's brush goes too */
  rangeCleared(): void
  /** a document was opened, at this spot (or its first match) */
  opened(spot: [number, number] | null): void
  /** the search box shows this query (going back to an earlier search, clearing) */
  showQuery(query: string): void
}

export interface StateContext {
  api(): DatelineApi
  messages: Store<Messages>
  view: ViewEffects
}
