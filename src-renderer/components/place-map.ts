/**
 * <place-map>: the places of the current results on a world map drawn offline — country outlines
 * from world-atlas (Natural Earth, 1:110m) bundled with the app, no tiles, nothing fetched — a dot
 * per place sized by how many articles mention it. Click a dot (or its name in the list) to filter
 * the results by the place; places without coordinates are listed apart.
 * Emits `filter` {id, name, mode}.
 */
import { LitElement, css, html, nothing } from 'lit'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import world from 'world-atlas/countries-110m.json'
import type { PlacesMapView } from '../../src-main/contract/api'
import { emit } from '../events'

type Ring = Array<[number, number]>
/** the outlines as rings of [lon, lat], decoded once */
let outlines: Ring[] | undefined

function worldRings(): Ring[] {
  if (outlines) return outlines
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>
  const fc = feature(topo, topo.objects.countries)
  const rings: Ring[] = []
  for (const f of fc.features) {
    const g = f.geometry
    if (g?.type === 'Polygon') rings.push(...(g.coordinates as Ring[]))
    else if (g?.type === 'MultiPolygon') for (const poly of g.coordinates as Ring[][]) rings.push(...poly)
  }
  return (outlines = rings)
}

// equirectangular, the world cut at 60° S (nothing is reported from Antarctica) and 84° N
const TOP = 84
const BOTTOM = -60
const ASPECT = 360 / (TOP - BOTTOM)
/** the view never spans fewer degrees of longitude than this (one town alone is shown in its region) */
const MIN_SPAN = 24

/**
 * The part of the world the places are in, with a margin, as a projection: places of one region
 * are spread over the map instead of piling into one dot (Kirkuk and Mosul are 5 px apart on a
 * world map 1,400 px wide).
 */
function viewOf(places: ReadonlyArray<{ at: [number, number] }>, w: number, h: number): { x: (lon: number) => number; y: (lat: number) => number } {
  let [west, east, south, north] = [-180, 180, BOTTOM, TOP]
  if (places.length) {
    west = Math.min(...places.map((p) => p.at[0]))
    east = Math.max(...places.map((p) => p.at[0]))
    south = Math.min(...places.map((p) => p.at[1]))
    north = Math.max(...places.map((p) => p.at[1]))
    const padX = Math.max((east - west) * 0.15, (MIN_SPAN - (east - west)) / 2)
    const padY = Math.max((north - south) * 0.15, (MIN_SPAN / ASPECT - (north - south)) / 2)
    ;[west, east, south, north] = [west - padX, east + padX, south - padY, north + padY]
  }
  const scale = Math.min(w / (east - west), h / (north - south))
  const cx = (west + east) / 2
  const cy = (south + north) / 2
  return { x: (lon) => w / 2 + (lon - cx) * scale, y: (lat) => h / 2 - (lat - cy) * scale }
}

export class PlaceMap extends LitElement {
  static override properties = { data: { attribute: false } }

  static override styles = css`
    :host { display: block; padding: 0 12px 6px; }
    .bar { display: flex; gap: 8px; align-items: baseline; font-size: 12px; color: var(--muted, #5c6166); margin: 4px 0; flex-wrap: wrap; }
    canvas { display: block; width: 100%; cursor: pointer; }
    canvas:focus-visible { outline: 2px solid Highlight; }
    ul { list-style: none; margin: 4px 0 0; padding: 0; font-size: 12px; display: flex; flex-wrap: wrap; gap: 2px 10px; max-height: 72px; overflow: auto; }
    button.link { background: none; border: 0; padding: 0; color: LinkText; text-decoration: underline; cursor: pointer; font: inherit; }
    .meta { color: var(--muted, #5c6166); }
  `

  declare data: PlacesMapView | null
  /** where each dot was drawn in the last frame (for clicks and tests): centre and radius in CSS pixels */
  hitDots: Array<{ id: string; name: string; x: number; y: number; r: number }> = []
  /** how long the last drawing took, in ms (the benchmark reads it) */
  drawMs = 0
  private observer: ResizeObserver | undefined
  private scheme: MediaQueryList | undefined
  private readonly redraw = () => this.draw()

  constructor() {
    super()
    this.data = null
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.observer = new ResizeObserver(this.redraw)
    this.observer.observe(this)
    // the theme changes the colours the canvas was painted with
    this.scheme = window.matchMedia('(prefers-color-scheme: dark)')
    this.scheme.addEventListener('change', this.redraw)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.observer?.disconnect()
    this.scheme?.removeEventListener('change', this.redraw)
  }

  override updated(): void {
    this.draw()
  }

  private draw(): void {
    const c = this.renderRoot.querySelector('canvas')
    const d = this.data
    if (!c || !d) return
    const t0 = performance.now()
    const dpr = window.devicePixelRatio || 1
    const w = c.clientWidth || 600
    const h = Math.round(w / ASPECT)
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr)
      c.height = Math.round(h * dpr)
      c.style.height = `${h}px`
    }
    const { x, y } = viewOf(d.places, w, h)
    const ctx = c.getContext('2d')!
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.clearRect(0, 0, w, h)
    const style = getComputedStyle(this)
    ctx.fillStyle = style.getPropertyValue('--map-land').trim() || '#e6e8eb'
    ctx.strokeStyle = style.getPropertyValue('--map-border').trim() || '#b9bec4'
    ctx.lineWidth = 0.5
    ctx.beginPath()
    for (const ring of worldRings()) {
      ring.forEach(([lon, lat], i) => (i ? ctx.lineTo(x(lon), y(lat)) : ctx.moveTo(x(lon), y(lat))))
      ctx.closePath()
    }
    ctx.fill('evenodd')
    ctx.stroke()
    // the largest first, so a small place on top of a large one stays clickable
    const max = Math.max(1, ...d.places.map((p) => p.count))
    const dots = d.places.map((p) => ({ id: p.id, name: p.name, x: x(p.at[0]), y: y(p.at[1]), r: 2.5 + 9 * Math.sqrt(p.count / max) })).sort((a, b) => b.r - a.r)
    ctx.fillStyle = style.getPropertyValue('--place').trim() || '#b8621b'
    ctx.strokeStyle = style.getPropertyValue('--map-dot-edge').trim() || '#fff'
    ctx.globalAlpha = 0.75
    for (const dot of dots) {
      ctx.beginPath()
      ctx.arc(dot.x, dot.y, dot.r, 0, Math.PI * 2)
      ctx.fill()
      ctx.stroke()
    }
    ctx.globalAlpha = 1
    this.hitDots = dots
    this.drawMs = performance.now() - t0
  }

  /** The dot under a click, the smallest one drawn on top first. */
  private onClick(e: MouseEvent): void {
    const c = e.currentTarget as HTMLCanvasElement
    const box = c.getBoundingClientRect()
    const px = e.clientX - box.left
    const py = e.clientY - box.top
    for (let i = this.hitDots.length - 1; i >= 0; i--) {
      const d = this.hitDots[i]!
      if ((px - d.x) ** 2 + (py - d.y) ** 2 <= (d.r + 2) ** 2) return this.pick(d.id, d.name)
    }
  }

  private pick(id: string, name: string): void {
    emit(this, 'filter', { id, name, mode: 'include' })
  }

  override render() {
    const d = this.data
    if (!d) return html`<p class="meta">Loading the map…</p>`
    const listed = d.places.slice(0, 40)
    return html`
      <div class="bar"><span>${d.placedTotal} place${d.placedTotal === 1 ? '' : 's'} on the map${d.places.length < d.placedTotal ? ` (the ${d.places.length} most mentioned)` : ''}${d.unplacedTotal ? ` · ${d.unplacedTotal} without coordinates` : ''} · click a place to filter the results by it</span></div>
      <canvas role="img" aria-label=${`Map of ${d.places.length} places mentioned by the results; the list below has the same places`} @click=${(e: MouseEvent) => this.onClick(e)}></canvas>
      <ul aria-label="Places on the map">${listed.map((p) => html`<li><button class="link" @click=${() => this.pick(p.id, p.name)}>${p.name}</button> <span class="meta">${p.count}</span></li>`)}</ul>
      ${d.unplaced.length
        ? html`<ul aria-label="Places without coordinates">${d.unplaced.slice(0, 40).map((p) => html`<li><button class="link" @click=${() => this.pick(p.id, p.name)}>${p.name}</button> <span class="meta">${p.count}, not on the map</span></li>`)}</ul>`
        : nothing}
    `
  }
}

customElements.define('place-map', PlaceMap)

declare global {
  interface HTMLElementTagNameMap {
    'place-map': PlaceMap
  }
}
