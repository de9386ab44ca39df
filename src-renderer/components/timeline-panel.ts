/**
 * <timeline-panel>: the reported events on a zoomable, pannable time axis drawn on a canvas
 * (10,000 events stay smooth: one pass of rectangles per frame). An event is a bar over its
 * date range — a day is a tick, "in January" spans the month — and a badge counts its sources.
 * When more than DENSITY_THRESHOLD events are in view, a density histogram is drawn instead.
 * Wheel or +/− zooms around the pointer, drag or ←/→ pans, Shift+drag brushes a date range
 * (emits `brush` {from, to}), a click on an event emits `pick` {event}.
 */
import { coverageLine } from '../lib/coverage'
import { LitElement, css, html, nothing } from 'lit'
import type { TimelineEventView } from '../../src-main/contract/api'
import { assignLanes, dayOf, densityBins, fit, pan, ticks, toDay, toX, ymdOf, zoom, type View } from '../lib/time-scale'
import { emit } from '../events'

const DENSITY_THRESHOLD = 1500
const LANE_H = 14
const AXIS_H = 22
const HEIGHT = 170

interface Drawn {
  event: TimelineEventView
  start: number
  end: number
}

export class TimelinePanel extends LitElement {
  static override properties = {
    events: { attribute: false },
    undatedEvents: { attribute: false },
    coverage: { attribute: false },
    unresolvedEvents: { attribute: false },
    undated: { type: Number },
    unresolved: { type: Number },
    view: { state: true },
    brush: { state: true }
  }

  static override styles = css`
    :host { display: block; position: relative; }
    .bar { display: flex; gap: 6px; align-items: center; font-size: 12px; color: var(--muted, #5c6166); margin: 4px 0; }
    .bar button { font: inherit; }
    canvas { display: block; width: 100%; height: ${HEIGHT}px; cursor: grab; touch-action: none; }
    canvas:focus-visible { outline: 2px solid Highlight; }
    .list { max-height: 120px; overflow: auto; font-size: 12px; margin: 4px 0 0; padding: 0; list-style: none; }
    .list button { background: none; border: 0; padding: 1px 0; color: LinkText; cursor: pointer; font: inherit; text-align: left; }
    .empty { color: var(--muted, #5c6166); }
    .coverage { font-size: 12px; color: var(--muted, #5c6166); margin: 2px 0; }
    .unplaced { font-size: 12px; margin-top: 4px; }
    .unplaced h3 { font-size: 12px; margin: 6px 0 2px; font-weight: 600; }
    .unplaced summary { cursor: pointer; color: var(--muted, #5c6166); }
  `

  declare events: TimelineEventView[]
  /** the first undated events (no date in their text: placed no later than their report) */
  declare undatedEvents: TimelineEventView[]
  /** set while some of the articles are not analysed yet (two-phase indexing): their events are not in */
  declare coverage: { analysed: number; of: number } | null
  /** the first events dated relative to a publication date nobody knows ("last week" in an undated article) */
  declare unresolvedEvents: TimelineEventView[]
  /** how many of each there are in all */
  declare undated: number
  declare unresolved: number
  declare view: View | null
  declare brush: { from: number; to: number } | null
  /** where each event was drawn in the last frame: [x0, y0, x1, y1] (for clicks and tests) */
  hitBoxes: Array<{ id: string; box: [number, number, number, number] }> = []
  /** frames drawn and the time spent drawing them (the benchmark measures both while panning) */
  frames = 0
  drawMs = 0
  private items: Drawn[] = []
  private drag: { x: number; view: View; brush: boolean; moved: boolean } | null = null
  private raf = 0
  private observer: ResizeObserver | undefined

  constructor() {
    super()
    this.events = []
    this.undatedEvents = []
    this.coverage = null
    this.unresolvedEvents = []
    this.undated = 0
    this.unresolved = 0
    this.view = null
    this.brush = null
  }

  override connectedCallback(): void {
    super.connectedCallback()
    // keep the visible dates when the width changes (the panel's height changes with its list: ignore)
    this.observer = new ResizeObserver(() => {
      const width = this.canvas?.clientWidth || this.clientWidth
      const v = this.view
      if (!v) this.fitAll()
      else if (width && width !== v.width) this.view = { start: v.start, scale: (v.scale * v.width) / width, width }
    })
    this.observer.observe(this)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.observer?.disconnect()
    cancelAnimationFrame(this.raf)
  }

  private get canvas(): HTMLCanvasElement | null {
    return this.renderRoot.querySelector('canvas')
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('events')) {
      this.items = this.events.filter((e) => e.start && e.end).map((e) => ({ event: e, start: dayOf(e.start!), end: dayOf(e.end!) }))
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('events')) this.fitAll()
    this.schedule()
  }

  /** Show every event. */
  fitAll(): void {
    const width = this.canvas?.clientWidth || this.clientWidth || 800
    if (!this.items.length) {
      this.view = { start: dayOf('2015-01-01'), scale: 365 / width, width }
      return
    }
    let first = Infinity
    let last = -Infinity
    for (const it of this.items) {
      first = Math.min(first, it.start)
      last = Math.max(last, it.end)
    }
    this.view = fit(first, last, width)
  }

  zoomBy(factor: number, x = (this.view?.width ?? 800) / 2): void {
    if (this.view) this.view = zoom(this.view, factor, x)
  }

  panBy(dx: number): void {
    if (this.view) this.view = pan(this.view, dx)
  }

  // one draw per frame, with whatever the state is by then (never postponed by more changes)
  private schedule() {
    if (this.raf) return
    this.raf = requestAnimationFrame(() => {
      this.raf = 0
      this.draw()
    })
  }

  private draw() {
    const c = this.canvas
    const v = this.view
    if (!c || !v) return
    this.frames++
    const t0 = performance.now()
    try {
      this.paint(c, v)
    } finally {
      this.drawMs += performance.now() - t0
    }
  }

  private paint(c: HTMLCanvasElement, v: View) {
    const dpr = window.devicePixelRatio || 1
    const w = c.clientWidth
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(HEIGHT * dpr)) {
      c.width = Math.round(w * dpr)
      c.height = Math.round(HEIGHT * dpr)
    }
    const ctx = c.getContext('2d')!
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    const style = getComputedStyle(this)
    const fg = style.getPropertyValue('--tl-fg').trim() || '#333'
    const muted = style.getPropertyValue('--tl-muted').trim() || '#999'
    const accent = style.getPropertyValue('--tl-accent').trim() || '#1f6feb'
    const multi = style.getPropertyValue('--tl-multi').trim() || '#d1242f'
    ctx.clearRect(0, 0, w, HEIGHT)

    // axis
    ctx.fillStyle = muted
    ctx.font = '11px system-ui, sans-serif'
    ctx.textBaseline = 'top'
    for (const t of ticks(v).ticks) {
      const x = Math.round(toX(v, t.day)) + 0.5
      ctx.fillRect(x, 0, 1, HEIGHT - AXIS_H)
      ctx.fillText(t.label, x + 3, HEIGHT - AXIS_H + 5)
    }

    const lo = v.start - 1
    const hi = v.start + v.scale * w + 1
    const visible = this.items.filter((it) => it.end >= lo && it.start <= hi)
    this.hitBoxes = []
    if (visible.length > DENSITY_THRESHOLD) {
      const bins = densityBins(visible, v, 4)
      const max = Math.max(1, ...bins)
      ctx.fillStyle = accent
      const h = HEIGHT - AXIS_H - 4
      bins.forEach((n, i) => n && ctx.fillRect(i * 4, HEIGHT - AXIS_H - (n / max) * h, 3, (n / max) * h))
    } else {
      const lanes = assignLanes(visible, v, 2, Math.floor((HEIGHT - AXIS_H - 4) / LANE_H))
      visible.forEach((it, i) => {
        const x0 = toX(v, it.start)
        const x1 = Math.max(x0 + 4, toX(v, it.end + 1))
        const y = 4 + lanes[i]! * LANE_H
        const many = it.event.sources.length > 1
        ctx.fillStyle = many ? multi : accent
        ctx.globalAlpha = it.event.precision === 'day' ? 1 : 0.55
        ctx.fillRect(x0, y, x1 - x0, LANE_H - 3)
        ctx.globalAlpha = 1
        if (many && x1 - x0 > 14) {
          ctx.fillStyle = '#fff'
          ctx.fillText(String(it.event.sources.length), x0 + 3, y)
        } else if (x1 - x0 > 60) {
          ctx.fillStyle = fg
          ctx.fillText(it.event.label.slice(0, Math.floor((x1 - x0) / 6)), x0 + 3, y)
        }
        this.hitBoxes.push({ id: it.event.id, box: [x0, y, x1, y + LANE_H - 3] })
      })
    }
    if (this.brush) {
      ctx.fillStyle = 'rgba(31, 111, 235, 0.18)'
      const a = toX(v, this.brush.from)
      const b = toX(v, this.brush.to + 1)
      ctx.fillRect(Math.min(a, b), 0, Math.abs(b - a), HEIGHT - AXIS_H)
    }
  }

  private localX(e: PointerEvent | WheelEvent | MouseEvent): number {
    return e.clientX - this.canvas!.getBoundingClientRect().left
  }

  private onWheel(e: WheelEvent) {
    e.preventDefault()
    this.zoomBy(Math.exp(e.deltaY * 0.002), this.localX(e))
  }

  private onDown(e: PointerEvent) {
    if (!this.view) return
    this.canvas!.setPointerCapture(e.pointerId)
    this.drag = { x: this.localX(e), view: this.view, brush: e.shiftKey, moved: false }
  }

  private onMove(e: PointerEvent) {
    const d = this.drag
    if (!d) return
    const x = this.localX(e)
    if (Math.abs(x - d.x) > 3) d.moved = true
    if (d.brush) this.brush = { from: Math.floor(toDay(d.view, Math.min(d.x, x))), to: Math.floor(toDay(d.view, Math.max(d.x, x))) }
    else this.view = pan(d.view, x - d.x)
  }

  private onUp(e: PointerEvent) {
    const d = this.drag
    this.drag = null
    if (!d) return
    if (d.brush && this.brush && d.moved) {
      emit(this, 'brush', { from: ymdOf(this.brush.from), to: ymdOf(this.brush.to) })
      return
    }
    if (d.moved) return
    const r = this.canvas!.getBoundingClientRect()
    const x = e.clientX - r.left
    const y = e.clientY - r.top
    const hit = this.hitBoxes.find(({ box: [x0, y0, x1, y1] }) => x >= x0 && x <= x1 && y >= y0 && y <= y1)
    const ev = hit && this.events.find((ev) => ev.id === hit.id)
    if (ev) emit(this, 'pick', { event: ev })
  }

  private onKey(e: KeyboardEvent) {
    const step = (this.view?.width ?? 800) / 8
    if (e.key === '+' || e.key === '=') this.zoomBy(0.7)
    else if (e.key === '-') this.zoomBy(1 / 0.7)
    else if (e.key === 'ArrowLeft') this.panBy(step)
    else if (e.key === 'ArrowRight') this.panBy(-step)
    else if (e.key === '0') this.fitAll()
    else return
    e.preventDefault()
  }


  clearBrush(): void {
    this.brush = null
  }

  /** Events the axis cannot place, listed beside it: what they are, and how to place them. */
  private renderUnplaced() {
    if (!this.undated && !this.unresolved) return nothing
    const row = (e: TimelineEventView, note: string) =>
      html`<li><button @click=${() => emit(this, 'pick', { event: e })}>${e.label}</button> <span class="empty">${note} · ${e.sources[0]?.path ?? ''}</span></li>`
    return html`<details class="unplaced">
      <summary>${this.unresolved} awaiting their article's date, ${this.undated} undated</summary>
      ${this.unresolved
        ? html`<h3>Awaiting their article's date (${this.unresolved}) — open one and use <em>Set date…</em> to place it</h3>
            <ul class="list" aria-label="Events awaiting their article's date">${this.unresolvedEvents.map((e) => row(e, e.sources[0]?.dateText ? `“${e.sources[0].dateText}”` : 'relative date'))}</ul>
            ${this.unresolved > this.unresolvedEvents.length ? html`<p class="empty">and ${this.unresolved - this.unresolvedEvents.length} more</p>` : nothing}`
        : nothing}
      ${this.undated
        ? html`<h3>Undated (${this.undated}) — their text gives no date</h3>
            <ul class="list" aria-label="Undated events">${this.undatedEvents.map((e) => row(e, e.notAfter ? `by ${e.notAfter}` : 'no date'))}</ul>
            ${this.undated > this.undatedEvents.length ? html`<p class="empty">and ${this.undated - this.undatedEvents.length} more</p>` : nothing}`
        : nothing}
    </details>`
  }

  override render() {
    const v = this.view
    const range = v ? `${ymdOf(Math.floor(v.start))} – ${ymdOf(Math.floor(v.start + v.scale * v.width))}` : ''
    const visible = v ? this.items.filter((it) => it.end >= v.start && it.start <= v.start + v.scale * v.width) : []
    return html`
      <div class="bar">
        <span data-testid="timeline-range">${range}</span>
        <span>· ${visible.length} of ${this.items.length} dated events in view${visible.length > DENSITY_THRESHOLD ? ' (density)' : ''}</span>
        <span data-testid="timeline-counts">· ${this.items.length} dated, ${this.undated} undated, ${this.unresolved} awaiting their article's date</span>
        <button @click=${() => this.zoomBy(0.5)} aria-label="Zoom in">+</button>
        <button @click=${() => this.zoomBy(2)} aria-label="Zoom out">−</button>
        <button @click=${() => this.fitAll()}>Fit</button>
        ${this.brush ? html`<button @click=${() => { this.brush = null; emit(this, 'brush', null) }}>Clear range</button>` : nothing}
        <button title="Save the articles behind these events as a spreadsheet: a row per event and article, with its date and the sentence" @click=${() => emit(this, 'export-sources')}>Export sources…</button>
      </div>
      ${this.coverage ? html`<p class="coverage" role="status" data-testid="timeline-coverage">${coverageLine('Events', this.coverage)}</p>` : nothing}
      <canvas tabindex="0" role="img" aria-label="Timeline of ${this.items.length} events, ${range}. Plus and minus zoom, arrows pan, Shift+drag selects a range."
        @wheel=${this.onWheel} @pointerdown=${this.onDown} @pointermove=${this.onMove} @pointerup=${this.onUp} @keydown=${this.onKey}></canvas>
      ${visible.length && visible.length <= 200
        ? html`<ul class="list" aria-label="Events in view">
            ${visible.slice(0, 200).map((it) => html`<li><button @click=${() => emit(this, 'pick', { event: it.event })}>${it.event.start}${it.event.end !== it.event.start ? ` – ${it.event.end}` : ''} · ${it.event.label} (${it.event.sources.length} source${it.event.sources.length === 1 ? '' : 's'})</button></li>`)}
          </ul>`
        : this.items.length ? nothing : html`<p class="empty">No dated events in these results${this.undated + this.unresolved ? ': the others are listed below' : ''}.</p>`}
      ${this.renderUnplaced()}
    `
  }
}

customElements.define('timeline-panel', TimelinePanel)

declare global {
  interface HTMLElementTagNameMap {
    'timeline-panel': TimelinePanel
  }
}
