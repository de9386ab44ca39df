/**
 * <entity-panel>: people, organisations and places of the current results with document counts.
 * Click filters to documents mentioning the entity; Alt+click (or the − button) excludes it.
 * Right-click (or the ⋯ button, or the context-menu key) offers corrections: rename, hide, merge.
 * Emits `filter` {id, name, mode} and `curate` {request}.
 */
import { LitElement, css, html, nothing } from 'lit'
import { styleProps } from '../lib/style-props'
import type { CurationRequest, EntityType, FacetView } from '../../src-main/contract/api'

const TITLES: Record<EntityType, string> = { person: 'People', organization: 'Organisations', place: 'Places' }

export class EntityPanel extends LitElement {
  static override properties = {
    facets: { attribute: false },
    menu: { state: true },
    renaming: { state: true }
  }

  static override styles = css`
    :host { display: block; font-size: 13px; }
    h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: GrayText; margin: 12px 0 4px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; align-items: center; gap: 4px; }
    li > button.name { flex: 1; text-align: left; background: none; border: 0; padding: 3px 4px; font: inherit; color: inherit; cursor: pointer; border-radius: 4px;
      overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    li > button.name:hover { background: color-mix(in srgb, CanvasText 8%, transparent); }
    .count { color: GrayText; font-variant-numeric: tabular-nums; }
    .small { background: none; border: 0; color: GrayText; cursor: pointer; padding: 0 4px; font: inherit; }
    .dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
    .person { background: var(--person, #7b4fd6); }
    .organization { background: var(--organization, #1f7a8c); }
    .place { background: var(--place, #b8621b); }
    [role='menu'] { position: absolute; z-index: 5; background: Canvas; color: CanvasText; border: 1px solid color-mix(in srgb, CanvasText 25%, transparent);
      border-radius: 6px; padding: 4px; box-shadow: 0 4px 16px rgb(0 0 0 / 20%); min-width: 180px; }
    [role='menuitem'] { display: block; width: 100%; text-align: left; background: none; border: 0; padding: 4px 8px; font: inherit; color: inherit; cursor: pointer; border-radius: 4px; }
    [role='menuitem']:hover, [role='menuitem']:focus { background: color-mix(in srgb, Highlight 25%, transparent); }
    input { font: inherit; width: 100%; box-sizing: border-box; }
    .empty { color: GrayText; }
  `

  declare facets: Record<EntityType, FacetView[]> | null
  declare menu: { entity: FacetView; type: EntityType; x: number; y: number } | null
  declare renaming: string | null

  constructor() {
    super()
    this.facets = null
    this.menu = null
    this.renaming = null
  }

  private emit(name: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }))
  }

  private pick(e: MouseEvent, f: FacetView) {
    this.emit('filter', { id: f.id, name: f.name, mode: e.altKey ? 'exclude' : 'include' })
  }

  private openMenu(e: MouseEvent | KeyboardEvent, entity: FacetView, type: EntityType) {
    e.preventDefault()
    const host = this.getBoundingClientRect()
    const target = (e.currentTarget as HTMLElement).getBoundingClientRect()
    const x = e instanceof MouseEvent && e.clientX ? e.clientX - host.left : target.left - host.left
    const y = e instanceof MouseEvent && e.clientY ? e.clientY - host.top : target.bottom - host.top
    this.menu = { entity, type, x, y }
    void this.updateComplete.then(() => (this.renderRoot.querySelector('[role="menuitem"]') as HTMLElement | null)?.focus())
  }

  private curate(request: CurationRequest) {
    this.menu = null
    this.renaming = null
    this.emit('curate', { request })
  }

  override render() {
    const f = this.facets
    if (!f) return html`<p class="empty">Entities of the results appear here.</p>`
    return html`
      ${(['person', 'organization', 'place'] as const).map(
        (type) => html`
          <h2 id="h-${type}">${TITLES[type]}</h2>
          ${f[type].length
            ? html`<ul aria-labelledby="h-${type}">
                ${f[type].map(
                  (e) => html`<li data-id=${e.id} @contextmenu=${(ev: MouseEvent) => this.openMenu(ev, e, type)}>
                    <span class="dot ${type}" aria-hidden="true"></span>
                    ${this.renaming === e.id
                      ? html`<input aria-label="New name for ${e.name}" .value=${e.name}
                          @keydown=${(ev: KeyboardEvent) => {
                            const v = (ev.target as HTMLInputElement).value.trim()
                            if (ev.key === 'Enter' && v) this.curate({ op: 'rename', id: e.id, name: v })
                            if (ev.key === 'Escape') this.renaming = null
                          }} />`
                      : html`<button class="name" title="${e.name} — click to filter, Alt+click to exclude" @click=${(ev: MouseEvent) => this.pick(ev, e)}
                          @keydown=${(ev: KeyboardEvent) => (ev.key === 'ContextMenu' || (ev.shiftKey && ev.key === 'F10')) && this.openMenu(ev, e, type)}>${e.name}</button>`}
                    <span class="count">${e.count}</span>
                    <button class="small" aria-label="Exclude ${e.name}" title="Exclude" @click=${() => this.emit('filter', { id: e.id, name: e.name, mode: 'exclude' })}>−</button>
                    <button class="small" aria-label="Correct ${e.name}" title="Rename, hide, merge" @click=${(ev: MouseEvent) => this.openMenu(ev, e, type)}>⋯</button>
                  </li>`
                )}
              </ul>`
            : html`<p class="empty">none</p>`}
        `
      )}
      ${this.menu ? this.renderMenu(this.menu, f) : nothing}
    `
  }

  private renderMenu(m: NonNullable<EntityPanel['menu']>, f: Record<EntityType, FacetView[]>) {
    const others = f[m.type].filter((e) => e.id !== m.entity.id).slice(0, 8)
    return html`<div role="menu" aria-label="Correct ${m.entity.name}" ${styleProps({ left: `${m.x}px`, top: `${m.y}px` })}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') this.menu = null
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')]
          const i = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement)
          items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus()
          e.preventDefault()
        }
      }}
      @focusout=${(e: FocusEvent) => !(e.relatedTarget && this.renderRoot.contains(e.relatedTarget as Node)) && (this.menu = null)}>
      <button role="menuitem" @click=${() => {
        this.renaming = m.entity.id
        this.menu = null
      }}>Rename…</button>
      <button role="menuitem" @click=${() => this.curate({ op: 'hide', id: m.entity.id })}>Hide (not an entity)</button>
      ${others.map((o) => html`<button role="menuitem" @click=${() => this.curate({ op: 'merge', ids: [o.id, m.entity.id] })}>Merge into ${o.name}</button>`)}
    </div>`
  }
}

customElements.define('entity-panel', EntityPanel)

declare global {
  interface HTMLElementTagNameMap {
    'entity-panel': EntityPanel
  }
}
