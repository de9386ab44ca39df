/**
 * The timeline's time axis: days since 1970 ↔ pixels, zoom around a point, pan, tick labels
 * from years down to days, and density bins when there are too many events to draw one by one.
 * Pure functions; the component only draws.
 */
export const DAY_MS = 86_400_000

export function dayOf(ymd: string): number {
  return Math.floor(Date.parse(ymd + 'T00:00:00Z') / DAY_MS)
}

export function ymdOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export interface View {
  /** first visible day (fractional) */
  start: number
  /** visible days per pixel */
  scale: number
  width: number
}

export function toX(v: View, day: number): number {
  return (day - v.start) / v.scale
}

export function toDay(v: View, x: number): number {
  return v.start + x * v.scale
}

/** Fit [first, last] days with a margin. */
export function fit(first: number, last: number, width: number): View {
  const span = Math.max(7, last - first + 1)
  const margin = span * 0.05
  return { start: first - margin, scale: (span + 2 * margin) / Math.max(1, width), width }
}

// from 40 years down to 2 weeks across the window
const MIN_SCALE_DAYS = 14
const MAX_SCALE_DAYS = 365 * 40

/** Zoom by `factor` (< 1 zooms in) keeping the day under pixel x where it is. */
export function zoom(v: View, factor: number, x: number): View {
  const span = Math.min(MAX_SCALE_DAYS, Math.max(MIN_SCALE_DAYS, v.scale * factor * v.width))
  const scale = span / v.width
  const anchor = toDay(v, x)
  return { start: anchor - x * scale, scale, width: v.width }
}

export function pan(v: View, dx: number): View {
  return { ...v, start: v.start - dx * v.scale }
}

export type TickUnit = 'year' | 'month' | 'day'

/** Tick positions and labels for the view: years, months or days depending on the zoom. */
export function ticks(v: View): { unit: TickUnit; ticks: Array<{ day: number; label: string }> } {
  const daysVisible = v.scale * v.width
  const unit: TickUnit = daysVisible > 365 * 3 ? 'year' : daysVisible > 60 ? 'month' : 'day'
  const out: Array<{ day: number; label: string }> = []
  const first = new Date(Math.floor(v.start) * DAY_MS)
  const end = v.start + daysVisible
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  if (unit === 'year') {
    const step = daysVisible > 365 * 30 ? 5 : daysVisible > 365 * 12 ? 2 : 1
    for (let y = Math.floor(first.getUTCFullYear() / step) * step; ; y += step) {
      const day = Math.floor(Date.UTC(y, 0, 1) / DAY_MS)
      if (day > end) break
      if (day >= v.start) out.push({ day, label: String(y) })
    }
  } else if (unit === 'month') {
    for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); ; m++) {
      const day = Math.floor(Date.UTC(y, m, 1) / DAY_MS)
      if (day > end) break
      const d = new Date(day * DAY_MS)
      if (day >= v.start) out.push({ day, label: d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : MONTHS[d.getUTCMonth()]! })
    }
  } else {
    const step = daysVisible > 30 ? 7 : 1
    for (let day = Math.ceil(v.start); day <= end; day++) {
      const d = new Date(day * DAY_MS)
      if (step === 7 && d.getUTCDay() !== 1) continue
      out.push({ day, label: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` })
    }
  }
  return { unit, ticks: out }
}

export interface Span {
  start: number
  end: number
}

/** Greedy lanes: each event goes to the first lane whose last event ends before it starts (in pixels). */
export function assignLanes(items: readonly Span[], v: View, gapPx = 2, maxLanes = 40): number[] {
  const laneEnds: number[] = []
  const lanes = new Array<number>(items.length)
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.start - items[b]!.start)
  for (const i of order) {
    const x0 = toX(v, items[i]!.start)
    const x1 = Math.max(x0 + 4, toX(v, items[i]!.end + 1))
    let lane = laneEnds.findIndex((end) => end + gapPx <= x0)
    if (lane < 0) lane = laneEnds.length < maxLanes ? laneEnds.length : laneEnds.indexOf(Math.min(...laneEnds))
    laneEnds[lane] = x1
    lanes[i] = lane
  }
  return lanes
}

/** Events per pixel column (counting an event in the column of its middle day). */
export function densityBins(items: readonly Span[], v: View, binPx = 4): number[] {
  const bins = new Array<number>(Math.ceil(v.width / binPx)).fill(0)
  for (const it of items) {
    const x = toX(v, (it.start + it.end) / 2)
    if (x < 0 || x >= v.width) continue
    bins[Math.floor(x / binPx)]!++
  }
  return bins
}
