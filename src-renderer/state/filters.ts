/** The filters on the results: entities to include or exclude, and the timeline's date range. */
import type { EntityFilter } from '../events'
import { Store } from './store'

export interface FiltersState {
  filters: EntityFilter[]
  range: { from: string; to: string } | null
  /** entity types whose facets the user asked to see more of */
  expanded: string[]
}

/** Facets per type shown, and asked for when a type is expanded. */
export const FACETS_SHOWN = 15
export const FACETS_MORE = 200

export class FiltersStore extends Store<FiltersState> {
  constructor() {
    super({ filters: [], range: null, expanded: [] })
  }

  add(f: EntityFilter): void {
    this.set({ filters: [...this.state.filters.filter((x) => x.id !== f.id), f] })
  }

  remove(f: EntityFilter): void {
    this.set({ filters: this.state.filters.filter((x) => x !== f) })
  }

  /** Filters on entities a correction replaced (a merge or rename gives a new id). */
  dropIds(ids: readonly string[]): void {
    this.set({ filters: this.state.filters.filter((f) => !ids.includes(f.id)) })
  }

  facetLimit(): number {
    return this.state.expanded.length ? FACETS_MORE : FACETS_SHOWN
  }

  included(): string[] {
    return this.state.filters.filter((f) => f.mode === 'include').map((f) => f.id)
  }

  excluded(): string[] {
    return this.state.filters.filter((f) => f.mode === 'exclude').map((f) => f.id)
  }
}
