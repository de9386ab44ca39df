/**
 * <entity-page>: one person, organisation or place — its names, how many articles mention it and
 * the span of their dates, the articles (newest first or by title; click to read one), its events
 * on a small timeline with their sources, and the entities it appears with most (click for their
 * page; "Filter by it" narrows the search).
 * The corrections the facet menu offers are here too: rename, change its type, hide it (merging,
 * which needs the other entity, stays in the facet menu, where the look-alikes are listed).
 * Emits `open-doc` {path}, `open-entity` {id}, `filter` {id, name, mode}, `curate` {request}, `close-entity`.
 */
import { LitElement, css, html, nothing, svg } from 'lit'
import type { EntityPageView, TimelineEventView, TimelineResponse } from '../../src-main/contract/api'
import { emit } from '../events'
import { formatDay } from '../lib/dates'
import { eventTitle, eventWhen } from '../lib/event-title'

const TYPES = { person: 'People', organization: 'Organisations', place: 'Places' } as const
const ONE = { person: 'person', organization: 'organisation', place: 'place' } as const

export class EntityPage extends LitElement {
  static override properties = { page: { attribute: false }, sort: { attribute: false }, events: { attribute: false }, renaming: { state: true } }

  static override styles = css`
    :host { display: block; overflow: auto; padding: 10px 14px; }
    h2 { margin: 0 0 2px; font-size: 18px; }
    .meta { color: var(--muted, #5c6166); font-size: 12px; }
    h3 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted, #5c6166); margin: 14px 0 4px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { padding: 2px 0; }
    button.link { background: none; border: 0; padding: 0; color: LinkText; text-decoration: underline; cursor: pointer; font: inherit; text-align: left; }
    .bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .co { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; }
    svg.strip { width: 100%; height: 34px; display: block; }
    svg.strip line { stroke: var(--muted, #5c6166); stroke-width: 1; }
    svg.strip circle { fill: var(--accent, #1f5fbf); fill-opacity: 0.7; }
    svg.strip text { fill: var(--muted, #5c6166); font-size: 10px; }
    .sources button.link { margin-right: 6px; }
  `

  declare page: EntityPageView | null
  declare sort: 'date' | 'title'
  declare events: TimelineResponse | null
  declare renaming: boolean

  constructor() {
    super()
    this.page = null
    this.sort = 'date'
    this.events = null
    this.renaming = false
  }

  /** Rename, change the type, hide: the corrections that concern this entity alone (undoable under Corrections). */
  private renderCorrections(e: EntityPageView['entity']) {
    const types = (Object.keys(ONE) as Array<keyof typeof ONE>).filter((t) => t !== e.type)
    if (this.renaming) {
      const done = (input: HTMLInputElement | null) => {
        const name = input?.value.trim()
        this.renaming = false
        if (name && name !== e.name) emit(this, 'curate', { request: { op: 'rename', id: e.id, name } })
      }
      return html`<div class="bar" role="group" aria-label=${`Rename ${e.name}`}><input aria-label="New name" .value=${e.name} maxlength="200"
          @keydown=${(ev: KeyboardEvent) => {
            if (ev.key === 'Enter') done(ev.target as HTMLInputElement)
            if (ev.key === 'Escape') {
              ev.stopPropagation()
              this.renaming = false
            }
          }} />
        <button class="small" @click=${() => done(this.renderRoot.querySelector('input[aria-label="New name"]'))}>Rename</button>
        <button class="small" @click=${() => (this.renaming = false)}>Cancel</button></div>`
    }
    return html`<div class="bar" role="group" aria-label=${`Correct ${e.name}`}>
      <span class="meta">Correct:</span>
      <button class="small" @click=${() => {
        this.renaming = true
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[aria-label="New name"]')?.select())
      }}>Rename…</button>
      ${types.map((t) => html`<button class="small" @click=${() => emit(this, 'curate', { request: { op: 'retype', id: e.id, type: t } })}>It is ${t === 'organization' ? 'an' : 'a'} ${ONE[t]}</button>`)}
      <button class="small" title="Not a person, organisation or place: leave it out of facets and filters (undo under Corrections)" @click=${() => emit(this, 'curate', { request: { op: 'hide', id: e.id } })}>Hide (not an entity)</button>
    </div>`
  }

  /** Its dated events on a strip (a dot per event, sized by its sources), then the list with their sources. */
  private renderEvents(name: string) {
    const t = this.events
    if (!t) return nothing
    const dated = t.events
    const other = t.undated + t.unresolved
    if (!dated.length) return html`<h3>Events</h3><p class="meta">${other ? `${other} event${other === 1 ? '' : 's'} with ${name}, none dated yet` : `No reported event names ${name} as its place or actor.`}</p>`
    const day = (s: string) => Date.parse(`${s.slice(0, 10)}T00:00:00Z`) / 86_400_000
    const lo = day(dated[0]!.start!)
    const hi = Math.max(...dated.map((e) => day(e.end ?? e.start!)))
    // one day for all of them: the dots in the middle
    const x = (e: TimelineEventView) => (hi > lo ? 8 + ((day(e.start!) - lo) / (hi - lo)) * 584 : 300)
    const shown = dated.slice(0, 50)
    return html`<h3>Events</h3>
      <svg class="strip" viewBox="0 0 600 34" preserveAspectRatio="none" role="img" aria-label=${`${dated.length} dated events with ${name}, ${dated[0]!.start} to ${dated[dated.length - 1]!.end ?? dated[dated.length - 1]!.start}`}>
        <line x1="8" x2="592" y1="14" y2="14"></line>
        ${dated.map((e) => svg`<circle cx=${x(e)} cy="14" r=${Math.min(7, 2.5 + e.sources.length)}><title>${eventWhen(e)} · ${eventTitle(e, t.entities)} (${e.sources.length} source${e.sources.length === 1 ? '' : 's'})</title></circle>`)}
        <text x="8" y="31">${dated[0]!.start}</text><text x="592" y="31" text-anchor="end">${dated[dated.length - 1]!.end ?? dated[dated.length - 1]!.start}</text>
      </svg>
      <div class="meta">${dated.length} dated${other ? `, ${other} more without a date` : ''}${shown.length < dated.length ? ` · the first ${shown.length} listed` : ''}</div>
      <ul aria-label=${`Events with ${name}`}>${shown.map(
        (e) => html`<li><span class="meta">${eventWhen(e)}</span> ${eventTitle(e, t.entities)}
          <span class="sources">${e.sources.slice(0, 3).map((s) => html`<button class="link" title=${`${s.path}: “${s.sentence.slice(0, 200)}”`} @click=${() => emit(this, 'open-doc', { path: s.path })}>${s.path.slice(s.path.lastIndexOf('/') + 1)}</button>`)}${e.sources.length > 3 ? html`<span class="meta">+${e.sources.length - 3} more</span>` : nothing}</span></li>`
      )}</ul>`
  }

  override render() {
    const p = this.page
    if (!p) return nothing
    const e = p.entity
    return html`<section aria-label=${`Entity: ${e.name}`}>
      <div class="bar"><button class="small" @click=${() => emit(this, 'close-entity')}>← Back to the article</button>
        <button class="small" @click=${() => emit(this, 'filter', { id: e.id, name: e.name, mode: 'include' })}>Filter the results by ${e.name}</button></div>
      <h2>${e.name}</h2>
      <div class="meta">${ONE[e.type]} · ${p.total} article${p.total === 1 ? '' : 's'}${p.first ? html` · ${formatDay(p.first, true)}${p.last && p.last !== p.first ? html` – ${formatDay(p.last, true)}` : nothing}` : nothing}${e.aliases.length ? html` · also written ${e.aliases.join(', ')}` : nothing}</div>
      ${this.renderCorrections(e)}
      <h3>Articles</h3>
      <div class="bar meta"><label>Order <select aria-label="Order the articles by" .value=${this.sort} @change=${(ev: Event) => emit(this, 'open-entity', { id: e.id, sort: (ev.target as HTMLSelectElement).value as 'date' | 'title' })}>
        <option value="date">date, newest first</option><option value="title">title</option></select></label>
        ${p.documents.length < p.total ? html`<span>the first ${p.documents.length} of ${p.total}</span>` : nothing}</div>
      <ul aria-label="Articles mentioning ${e.name}">${p.documents.map(
        (d) => html`<li><button class="link" @click=${() => emit(this, 'open-doc', { path: d.path })}>${d.title}</button> <span class="meta">${d.published ? formatDay(d.published, true) : 'date unknown'} · ${d.path}</span></li>`
      )}</ul>
      ${this.renderEvents(e.name)}
      <h3>Appears with</h3>
      <div class="co">${(Object.keys(TYPES) as Array<keyof typeof TYPES>).map(
        (t) => html`<div><div class="meta">${TYPES[t]}</div><ul aria-label=${`${TYPES[t]} appearing with ${e.name}`}>${p.cooccurring[t].length ? p.cooccurring[t].map((c) => html`<li><button class="link" @click=${() => emit(this, 'open-entity', { id: c.id })}>${c.name}</button> <span class="meta">${c.count}</span></li>`) : html`<li class="meta">none</li>`}</ul></div>`
      )}</div>
    </section>`
  }
}

customElements.define('entity-page', EntityPage)

declare global {
  interface HTMLElementTagNameMap {
    'entity-page': EntityPage
  }
}
