/**
 * <entity-panel>: people, organisations and places of the current results with document counts,
 * and a box to find any entity of the archive by a part of its name or alias.
 * Click filters to documents mentioning the entity; Alt+click (or the − button) excludes it.
 * Right-click (or the ⋯ button, or the context-menu key) offers corrections: rename, hide,
 * change type, merge. The hidden entities are listed at the bottom, each with Unhide.
 * Emits `filter` {id, name, mode}, `curate` {request}, `find-entities` {query} (debounced) and
 * `show-hidden` {open}; the app answers by setting `found` and `hiddenEntities`.
 */
import { coverageLine } from '../lib/coverage'
import { LitElement, css, html, nothing } from 'lit'
import { styleProps } from '../lib/style-props'
import type { CorrectionView, CurationRequest, EntityType, EntityView, FacetView } from '../../src-main/contract/api'
import { emit } from '../events'
import { FACETS_SHOWN } from '../state/filters'

const TITLES: Record<EntityType, string> = { person: 'People', organization: 'Organisations', place: 'Places' }
const SINGULAR: Record<EntityType, string> = { person: 'a person', organization: 'an organisation', place: 'a place' }
const TYPES = ['person', 'organization', 'place'] as const
const FIND_DEBOUNCE_MS = 120

/** One row of the panel: a facet of the results, or an entity found in the archive. */
interface Row {
  id: string
  name: string
  type: EntityType
  count: number
  aliases?: string[]
}

export class EntityPanel extends LitElement {
  static override properties = {
    facets: { attribute: false },
    coverage: { attribute: false },
    found: { attribute: false },
    hiddenEntities: { attribute: false },
    active: { attribute: false },
    corrections: { attribute: false },
    confirming: { state: true },
    expanded: { attribute: false },
    narrow: { state: true },
    menu: { state: true },
    renaming: { state: true },
    finding: { state: true }
  }

  static override styles = css`
    :host { display: block; font-size: 13px; }
    h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted, #5c6166); margin: 12px 0 4px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; align-items: center; gap: 4px; }
    li > button.name { flex: 1; text-align: left; background: none; border: 0; padding: 3px 4px; font: inherit; color: inherit; cursor: pointer; border-radius: 4px;
      overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    li > button.name:hover { background: color-mix(in srgb, CanvasText 8%, transparent); }
    .count { color: var(--muted, #5c6166); font-variant-numeric: tabular-nums; }
    .small { background: none; border: 0; color: var(--muted, #5c6166); cursor: pointer; padding: 0 4px; font: inherit; }
    .dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
    .person { background: var(--person, #7b4fd6); }
    .organization { background: var(--organization, #1f7a8c); }
    .place { background: var(--place, #b8621b); }
    [role='menu'] { position: absolute; z-index: 5; background: Canvas; color: CanvasText; border: 1px solid color-mix(in srgb, CanvasText 25%, transparent);
      border-radius: 6px; padding: 4px; box-shadow: 0 4px 16px rgb(0 0 0 / 20%); min-width: 180px; }
    [role='menuitem'] { display: block; width: 100%; text-align: left; background: none; border: 0; padding: 4px 8px; font: inherit; color: inherit; cursor: pointer; border-radius: 4px; }
    [role='menuitem']:hover, [role='menuitem']:focus { background: color-mix(in srgb, Highlight 25%, transparent); }
    input { font: inherit; width: 100%; box-sizing: border-box; }
    input[type='search'] { margin-top: 10px; padding: 4px 6px; }
    .empty { color: var(--muted, #5c6166); }
    .coverage { font-size: 12px; color: var(--muted, #5c6166); margin: 0 0 6px; }
    .hidden-list { margin-top: 14px; border-top: 1px solid color-mix(in srgb, CanvasText 12%, transparent); padding-top: 6px; }
    .hidden-list button.toggle { background: none; border: 0; padding: 2px 0; font: inherit; color: var(--muted, #5c6166); cursor: pointer; }
    .hidden-list li .name { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; padding: 3px 4px; color: var(--muted, #5c6166); text-decoration: line-through; }
    .hidden-list li button { font: inherit; font-size: 12px; }
    /* a facet in force: bold with a bar (3:1 against the page), or struck through when excluded */
    li.include > button.name { font-weight: 600; box-shadow: inset 3px 0 0 var(--selected, #1f6feb); }
    li.exclude > button.name { text-decoration: line-through; color: var(--muted, #5c6166); }
    button.more { background: none; border: 0; padding: 2px 4px; font: inherit; font-size: 12px; color: LinkText; cursor: pointer; }
    input.narrow { margin: 2px 0 4px; padding: 2px 4px; }
    .hidden-list li .correction { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; padding: 3px 4px; }
    .confirm { position: sticky; bottom: 0; z-index: 6; background: Canvas; border: 1px solid color-mix(in srgb, CanvasText 25%, transparent); border-radius: 6px; padding: 6px 8px;
      box-shadow: 0 4px 16px rgb(0 0 0 / 20%); margin-top: 8px; }
    .confirm p { margin: 0 0 6px; }
    .confirm button { font: inherit; }
  `

  declare facets: Record<EntityType, FacetView[]> | null
  /** set while some results are not analysed yet (two-phase indexing): the facets count only the analysed ones */
  declare coverage: { analysed: number; of: number } | null
  /** entities of the archive matching the find box (null: the box is empty) */
  declare found: EntityView[] | null
  /** the entities the user hid (null: the list is closed) */
  declare hiddenEntities: EntityView[] | null
  /** the filters in force: their facets show as selected (included) or struck through (excluded) */
  declare active: ReadonlyArray<{ id: string; mode: 'include' | 'exclude' }>
  /** types whose facets are shown beyond the first FACETS_SHOWN */
  declare expanded: readonly string[]
  /** the corrections made, newest first (null: the list is closed) */
  declare corrections: CorrectionView[] | null
  /** a merge waiting for the user's yes */
  declare confirming: { from: Row; into: Row } | null
  /** per type, the text that narrows its facets */
  declare narrow: Partial<Record<EntityType, string>>
  declare menu: { entity: Row; x: number; y: number } | null
  declare renaming: string | null
  declare finding: string
  private findTimer: ReturnType<typeof setTimeout> | undefined

  constructor() {
    super()
    this.facets = null
    this.coverage = null
    this.found = null
    this.hiddenEntities = null
    this.active = []
    this.corrections = null
    this.confirming = null
    this.expanded = []
    this.narrow = {}
    this.menu = null
    this.renaming = null
    this.finding = ''
  }


  private pick(e: MouseEvent, f: Row) {
    emit(this, 'filter', { id: f.id, name: f.name, mode: e.altKey ? 'exclude' : 'include' })
  }

  private onFind(e: Event) {
    this.finding = (e.target as HTMLInputElement).value
    clearTimeout(this.findTimer)
    this.findTimer = setTimeout(() => emit(this, 'find-entities', { query: this.finding.trim() }), FIND_DEBOUNCE_MS)
  }

  private onFindKey(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !this.finding) return
    // Esc empties this box only; it must not also clear the main search
    e.stopPropagation()
    ;(e.target as HTMLInputElement).value = ''
    this.finding = ''
    clearTimeout(this.findTimer)
    emit(this, 'find-entities', { query: '' })
  }

  private openMenu(e: MouseEvent | KeyboardEvent, entity: Row) {
    e.preventDefault()
    const host = this.getBoundingClientRect()
    const target = (e.currentTarget as HTMLElement).getBoundingClientRect()
    const x = e instanceof MouseEvent && e.clientX ? e.clientX - host.left : target.left - host.left
    const y = e instanceof MouseEvent && e.clientY ? e.clientY - host.top : target.bottom - host.top
    this.menu = { entity, x, y }
    void this.updateComplete.then(() => (this.renderRoot.querySelector('[role="menuitem"]') as HTMLElement | null)?.focus())
  }

  private curate(request: CurationRequest) {
    this.menu = null
    this.renaming = null
    emit(this, 'curate', { request })
  }

  override render() {
    const f = this.facets
    const finding = this.finding.trim() !== ''
    return html`
      ${this.coverage ? html`<p class="coverage" role="status" data-testid="entity-coverage">${coverageLine('Entities', this.coverage)}</p>` : nothing}
      <input type="search" aria-label="Find an entity" placeholder="Find a person, organisation, place…" @input=${this.onFind} @keydown=${this.onFindKey} />
      ${finding ? this.renderFound() : f ? TYPES.map((type) => this.renderSection(type, f[type].map((e) => ({ ...e, type })))) : html`<p class="empty">Entities of the results appear here.</p>`}
      ${this.renderHidden()}
      ${this.renderCorrections()}
      <div class="hidden-list"><span class="empty">Entity list:</span>
        <button class="small" aria-label="Export the entity list as CSV" title="Save every entity of the archive (id, type, name, aliases, articles) as a spreadsheet file" @click=${() => emit(this, 'export-entities', { format: 'csv' })}>Export CSV…</button>
        <button class="small" aria-label="Export the entity list as JSON" title="The same as JSON" @click=${() => emit(this, 'export-entities', { format: 'json' })}>JSON…</button></div>
      ${this.menu ? this.renderMenu(this.menu) : nothing}
      ${this.confirming ? this.renderConfirm(this.confirming) : nothing}
    `
  }

  private renderFound() {
    if (this.found === null) return html`<p class="empty">Looking…</p>`
    if (!this.found.length) return html`<p class="empty" role="status">No entity in the archive matches “${this.finding.trim()}”.</p>`
    const rows = this.found.map((e): Row => ({ id: e.id, name: e.name, type: e.type, count: e.documents, aliases: e.aliases }))
    return html`<h2 id="h-found">In the whole archive (documents)</h2>${this.renderList('h-found', rows, true)}`
  }

  private renderSection(type: EntityType, all: Row[]) {
    const open = this.expanded.includes(type)
    const needle = (this.narrow[type] ?? '').trim().toLowerCase()
    const rows = (needle ? all.filter((r) => r.name.toLowerCase().includes(needle)) : all).slice(0, open ? all.length : FACETS_SHOWN)
    return html`<h2 id="h-${type}">${TITLES[type]}</h2>
      ${open ? html`<input type="search" class="narrow" aria-label="Narrow ${TITLES[type].toLowerCase()}" placeholder="Narrow ${TITLES[type].toLowerCase()}…" .value=${this.narrow[type] ?? ''}
        @input=${(e: Event) => (this.narrow = { ...this.narrow, [type]: (e.target as HTMLInputElement).value })} />` : nothing}
      ${rows.length ? this.renderList(`h-${type}`, rows, false) : html`<p class="empty">none</p>`}
      ${all.length >= FACETS_SHOWN || open
        ? html`<button class="more" aria-expanded=${open ? 'true' : 'false'} @click=${() => emit(this, 'more-facets', { type, open: !open })}>${open ? `Fewer ${TITLES[type].toLowerCase()}` : `More ${TITLES[type].toLowerCase()}…`}</button>`
        : nothing}`
  }

  private renderList(labelledBy: string, rows: Row[], showType: boolean) {
    return html`<ul aria-labelledby=${labelledBy}>
      ${rows.map(
        (e) => html`<li data-id=${e.id} class=${this.active.find((a) => a.id === e.id)?.mode ?? ''} @contextmenu=${(ev: MouseEvent) => this.openMenu(ev, e)}>
          <span class="dot ${e.type}" aria-hidden="true"></span>
          ${this.renaming === e.id
            ? html`<input aria-label="New name for ${e.name}" .value=${e.name}
                @keydown=${(ev: KeyboardEvent) => {
                  const v = (ev.target as HTMLInputElement).value.trim()
                  if (ev.key === 'Enter' && v) this.curate({ op: 'rename', id: e.id, name: v })
                  if (ev.key === 'Escape') {
                    ev.stopPropagation()
                    this.renaming = null
                  }
                }} />`
            : html`<button class="name" aria-pressed=${this.active.some((a) => a.id === e.id && a.mode === 'include') ? 'true' : 'false'} title="${e.name}${e.aliases?.length ? ` (also: ${e.aliases.join(', ')})` : ''}${showType ? ` — ${e.type}` : ''} — click to filter, Alt+click to exclude"
                @click=${(ev: MouseEvent) => this.pick(ev, e)}
                @keydown=${(ev: KeyboardEvent) => (ev.key === 'ContextMenu' || (ev.shiftKey && ev.key === 'F10')) && this.openMenu(ev, e)}>${e.name}</button>`}
          <span class="count">${e.count}</span>
          <button class="small" aria-label="Exclude ${e.name}" title="Leave out articles that mention ${e.name} (or Alt+click the name)" @click=${() => emit(this, 'filter', { id: e.id, name: e.name, mode: 'exclude' })}>−</button>
          <button class="small" aria-label="Correct ${e.name}" title="Rename, hide, change type, merge" @click=${(ev: MouseEvent) => this.openMenu(ev, e)}>⋯</button>
        </li>`
      )}
    </ul>`
  }

  private renderHidden() {
    const open = this.hiddenEntities !== null
    return html`<div class="hidden-list">
      <button class="toggle" aria-expanded=${open ? 'true' : 'false'} @click=${() => emit(this, 'show-hidden', { open: !open })}>${open ? '▾' : '▸'} Hidden entities</button>
      ${open
        ? this.hiddenEntities!.length
          ? html`<ul aria-label="Hidden entities">
              ${this.hiddenEntities!.map(
                (e) => html`<li data-id=${e.id}><span class="dot ${e.type}" aria-hidden="true"></span><span class="name" title=${e.name}>${e.name}</span>
                  <button aria-label="Unhide ${e.name}" @click=${() => this.curate({ op: 'unhide', id: e.id })}>Unhide</button></li>`
              )}
            </ul>`
          : html`<p class="empty">Nothing is hidden.</p>`
        : nothing}
    </div>`
  }

  private renderCorrections() {
    const open = this.corrections !== null
    return html`<div class="hidden-list">
      <button class="toggle" aria-expanded=${open ? 'true' : 'false'} @click=${() => emit(this, 'show-corrections', { open: !open })}>${open ? '▾' : '▸'} Corrections</button>
      ${open
        ? this.corrections!.length
          ? html`<ul aria-label="Corrections">
              ${this.corrections!.map(
                (c) => html`<li><span class="correction" title=${c.at}>${c.text}</span>
                  <button aria-label="Undo: ${c.text}" @click=${() => emit(this, 'undo', { index: c.index })}>Undo</button></li>`
              )}
            </ul>`
          : html`<p class="empty">No corrections yet.</p>`
        : nothing}
    </div>`
  }

  /** Merging is confirmed with both names and their document counts; it can be undone under Corrections. */
  private renderConfirm(c: { from: Row; into: Row }) {
    const docs = (n: number) => `${n} document${n === 1 ? '' : 's'}`
    return html`<div role="alertdialog" aria-label="Confirm the merge" class="confirm"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          this.confirming = null
        }
      }}>
      <p>Merge <strong>${c.from.name}</strong> (${docs(c.from.count)}) into <strong>${c.into.name}</strong> (${docs(c.into.count)})? You can undo it under Corrections.</p>
      <button class="primary" @click=${() => {
        this.confirming = null
        this.curate({ op: 'merge', ids: [c.into.id, c.from.id] })
      }}>Merge</button>
      <button @click=${() => (this.confirming = null)}>Cancel</button>
    </div>`
  }

  private renderMenu(m: NonNullable<EntityPanel['menu']>) {
    // merge candidates: the same type, from what the panel shows now
    const shown: Row[] = [...(this.found ?? []).map((e) => ({ id: e.id, name: e.name, type: e.type, count: e.documents })), ...(this.facets?.[m.entity.type] ?? []).map((e) => ({ ...e, type: m.entity.type }))]
    const others = [...new Map(shown.filter((e) => e.type === m.entity.type && e.id !== m.entity.id).map((e) => [e.id, e])).values()].slice(0, 8)
    return html`<div role="menu" aria-label="Correct ${m.entity.name}" ${styleProps({ left: `${m.x}px`, top: `${m.y}px` })}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          this.menu = null
        }
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')]
          const i = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement)
          items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus()
          e.preventDefault()
        }
      }}
      @focusout=${(e: FocusEvent) => !(e.relatedTarget && this.renderRoot.contains(e.relatedTarget as Node)) && (this.menu = null)}>
      <button role="menuitem" @click=${() => {
        this.menu = null
        emit(this, 'open-entity', { id: m.entity.id })
      }}>Open its page</button>
      <button role="menuitem" @click=${() => {
        this.renaming = m.entity.id
        this.menu = null
      }}>Rename…</button>
      <button role="menuitem" @click=${() => this.curate({ op: 'hide', id: m.entity.id })}>Hide (not an entity)</button>
      ${TYPES.filter((t) => t !== m.entity.type).map((t) => html`<button role="menuitem" @click=${() => this.curate({ op: 'retype', id: m.entity.id, type: t })}>It is ${SINGULAR[t]}</button>`)}
      ${others.map((o) => html`<button role="menuitem" @click=${() => {
        this.menu = null
        this.confirming = { from: m.entity, into: o }
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.confirm button.primary')?.focus())
      }}>Merge into ${o.name} (${o.count})…</button>`)}
    </div>`
  }
}

customElements.define('entity-panel', EntityPanel)

declare global {
  interface HTMLElementTagNameMap {
    'entity-panel': EntityPanel
  }
}

