/**
 * npm run bench:ui [-- N]: the window's own numbers, in Debian's Chromium with the built renderer
 * and preload, talking to the real core on the N-article bench archive (default 10,000):
 * - typing a query: time from the last keystroke to the results list showing the new results
 *   (debounce included), median and p95 over a fixed query set;
 * - opening the timeline on every result: click → the panel shows the events' counts (median of 3);
 * - the timeline with 10,000 events: frames per second while panning continuously for 3 s
 *   (frames the panel drew, with pan events arriving between frames as a pointer sends them),
 *   once with every event in view (density) and once zoomed to bars;
 * - the map with 500 places: the time one drawing takes (outlines and dots, median of 5);
 * - an entity page with its events, for the entity in the most articles: open → page and events
 *   shown (median of 3).
 * Run `npm run build` first. Prints JSON and a table.
 */
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { registerIpcHandlers } from '../src-main/shell/ipc'
import { createServices } from '../src-main/shell/services'
import { CHROMIUM, CHROMIUM_ARGS, emitTo, installPreload, recordingIpc, serveRenderer } from '../test/e2e/harness'
import { ensureArchive } from './generate'

const n = Number(process.argv[2] ?? 10_000)
const archive = ensureArchive(n)
const dataDir = path.resolve('.bench', `data-${n}`)
const out = path.resolve('out')
const server = await serveRenderer(out)
const base = server.base
const { ipc, handlers } = recordingIpc()
// main → window messages reach the page as webContents.send would (the end of the start-up check among them)
let page: Page | undefined
const services = createServices({ dataDir, pickFolder: async () => null, lastArchive: () => archive, rememberArchive: () => {}, pickImport: async () => null, send: (ch, body) => page && emitTo(page, ch, body), watch: false })
registerIpcHandlers(ipc, services, { app: { protocol: 'app:', host: 'bundle' }, devServer: base })

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
// tsx names functions with a __name helper that page.evaluate code does not have
await page.addInitScript({ content: 'globalThis.__name = (f) => f' })
await installPreload(page, handlers, out)
const t0 = performance.now()
await page.goto(base + '/')
await page.waitForFunction(() => /results? ·/.test(document.querySelector('dateline-app')?.shadowRoot?.querySelector('.summary')?.textContent ?? ''), undefined, { timeout: 600_000 })
const firstResultsMs = performance.now() - t0
// the archive reopens in the background: measure typing only once the whole archive is indexed
await page.waitForFunction((n) => document.querySelector('dateline-app')?.shadowRoot?.querySelector('[data-testid="doc-count"]')?.textContent === `${n} documents`, n, { timeout: 1_800_000 })

// 1. typing: last keystroke → the summary shows the new query's results
const queries = ['haddad', 'strike port', '"is fragile"', 'flood OR explosion', 'kestr*', 'okafr~1', 'title:ceasefire -valmora', 'ministry transport', 'ceasefire', 'bridge collapse']
const box = page.getByRole('searchbox', { name: 'Search the archive' })
const typing: number[] = []
const perQuery: Array<{ q: string; ms: number; coreMs: number }> = []
for (let pass = 0; pass < 3; pass++) {
  for (const q of queries) {
    await box.fill('')
    await page.waitForTimeout(200)
    const ms = await page.evaluate(async (q) => {
      const app = document.querySelector('dateline-app')!
      const input = app.shadowRoot!.querySelector('input[type="search"]') as HTMLInputElement
      const summary = () => app.shadowRoot!.querySelector('.summary')?.textContent ?? ''
      const before = summary()
      input.value = q
      const t = performance.now()
      input.dispatchEvent(new Event('input', { bubbles: true }))
      // the list is rendered when the summary changes and the next frame has been painted
      while (summary() === before) await new Promise((r) => setTimeout(r, 2))
      await new Promise((r) => requestAnimationFrame(() => r(null)))
      return { ms: performance.now() - t, coreMs: Number(/([\d.]+) ms$/.exec(summary())?.[1] ?? NaN) }
    }, q)
    if (pass > 0) {
      typing.push(ms.ms)
      perQuery.push({ q, ...ms })
    }
  }
}
typing.sort((x, y) => x - y)
// 2. opening the timeline on every result of the archive: click → the panel shows the events' counts
await box.fill('')
await page.waitForTimeout(300)
const timelineOpen: number[] = []
for (let pass = 0; pass < 3; pass++) {
  const ms = await page.evaluate(async () => {
    const app = document.querySelector('dateline-app')!
    const button = [...app.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Timeline')!
    const counts = () => app.shadowRoot!.querySelector('timeline-panel')?.shadowRoot?.querySelector('[data-testid="timeline-counts"]')?.textContent ?? ''
    const t = performance.now()
    button.click()
    while (!/\d+ dated/.test(counts()) || /0 dated, 0 undated, 0 awaiting/.test(counts())) await new Promise((r) => setTimeout(r, 2))
    await new Promise((r) => requestAnimationFrame(() => r(null)))
    const took = performance.now() - t
    button.click() // closed again for the next pass
    await new Promise((r) => setTimeout(r, 100))
    return took
  })
  timelineOpen.push(ms)
}
timelineOpen.sort((x, y) => x - y)
// 3. the timeline with 10,000 synthetic events (2010-2020), panned for 3 s
const fps = await page.evaluate(async () => {
  const app = document.querySelector('dateline-app')!
  ;(app as unknown as { state: { timeline: { set(p: { show: boolean }): void } } }).state.timeline.set({ show: true })
  await (app as unknown as { updateComplete: Promise<void> }).updateComplete
  const panel = app.shadowRoot!.querySelector('timeline-panel') as unknown as HTMLElement & {
    events: unknown[]; updateComplete: Promise<void>; frames: number; view: { start: number; scale: number; width: number } | null; panBy(dx: number): void; zoomBy(f: number): void; fitAll(): void
  }
  let x = 12345
  const rnd = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  const events = Array.from({ length: 10_000 }, (_, i) => {
    const start = new Date(Date.UTC(2010, 0, 1) + Math.floor(rnd() * 3650) * 86400000)
    const len = rnd() < 0.6 ? 0 : Math.floor(rnd() * 30)
    const end = new Date(start.getTime() + len * 86400000)
    return { id: `e${i}`, status: 'dated', start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10), precision: len ? 'month' : 'day', notAfter: null, kind: 'attack', label: `event ${i}`, count: null, places: [], actors: [], sources: [{ path: 'x.txt', sentence: '', offsets: [0, 1], dateText: null, basis: null, published: null, archived: '2020-01-01' }], independentSources: 1, reported: null, archived: '2020-01-01' }
  })
  panel.events = events
  await panel.updateComplete
  await new Promise((r) => setTimeout(r, 100))
  // pan the way a pointer does: events arrive between frames, the panel draws once per frame
  const measure = async () => {
    const f0 = panel.frames
    const d0 = (panel as unknown as { drawMs: number }).drawMs
    const t = performance.now()
    await new Promise<void>((done) => {
      const step = () => {
        panel.panBy(-2)
        if (performance.now() - t < 3000) setTimeout(step, 4)
        else done()
      }
      step()
    })
    const secs = (performance.now() - t) / 1000
    const drawn = panel.frames - f0
    return { fps: Math.round((drawn / secs) * 10) / 10, drawMs: Math.round((((panel as unknown as { drawMs: number }).drawMs - d0) / Math.max(1, drawn)) * 100) / 100 }
  }
  panel.fitAll()
  await panel.updateComplete
  const density = await measure() // all 10,000 in view: density bars
  panel.zoomBy(0.02) // about two months in view: individual bars in lanes
  const bars = await measure()
  return { density, bars }
})

// 4. the map with 500 places spread over the world: one drawing (outlines and dots), median of 5
const mapDrawMs = await page.evaluate(async () => {
  const app = document.querySelector('dateline-app')!
  ;(app as unknown as { state: { map: { set(p: { show: boolean }): void } } }).state.map.set({ show: true })
  await (app as unknown as { updateComplete: Promise<void> }).updateComplete
  const map = app.shadowRoot!.querySelector('place-map') as unknown as HTMLElement & { data: unknown; updateComplete: Promise<void>; drawMs: number }
  const times: number[] = []
  for (let round = 0; round < 5; round++) {
    let x = 777 + round
    const rnd = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
    const places = Array.from({ length: 500 }, (_, i) => ({ id: `place:p${i}`, name: `Place ${i}`, at: [rnd() * 340 - 170, rnd() * 130 - 55], count: 1 + Math.floor(rnd() * 200) }))
    map.data = { places, unplaced: [], placedTotal: 500, unplacedTotal: 0 }
    await map.updateComplete
    times.push(map.drawMs)
  }
  ;(app as unknown as { state: { map: { set(p: { show: boolean }): void } } }).state.map.set({ show: false })
  return times.sort((a, b) => a - b)[2]!
})

// 5. the page of the entity in the most articles, with its events: open → both shown (median of 3)
const top = services.entities ? await services.entities({ limit: 1 }) : undefined
const topEntity = top?.ok ? top.value[0] : undefined
const entityOpen: number[] = []
for (let k = 0; k < 3 && topEntity; k++) {
  entityOpen.push(
    await page.evaluate(async (id) => {
      const app = document.querySelector('dateline-app')! as unknown as { state: { entityPage: { open(id: string): Promise<void>; close(): void; state: { events: unknown } } } }
      app.state.entityPage.close()
      const t = performance.now()
      await app.state.entityPage.open(id)
      await (document.querySelector('dateline-app') as unknown as { updateComplete: Promise<void> }).updateComplete
      await new Promise((r) => requestAnimationFrame(() => r(null)))
      return performance.now() - t
    }, topEntity.id)
  )
}
entityOpen.sort((x, y) => x - y)

await browser.close()
await server.close()
services.close()
const pct = (p: number) => Math.round(typing[Math.min(typing.length - 1, Math.floor(typing.length * p))]! * 10) / 10
const result = {
  documents: n,
  openToFirstResultsMs: Math.round(firstResultsMs),
  typingToResultsMedianMs: pct(0.5),
  typingToResultsP95Ms: pct(0.95),
  // click on Timeline → the panel drawn with the counts of every result's events (median of 3)
  timelineOpenMs: Math.round(timelineOpen[1]!),
  // frames the timeline drew per second while panning, and the time one frame's drawing takes
  timelineFpsDensity10k: fps.density.fps,
  timelineDrawMsDensity10k: fps.density.drawMs,
  timelineFpsBars: fps.bars.fps,
  timelineDrawMsBars: fps.bars.drawMs,
  mapDraw500Ms: Math.round(mapDrawMs * 10) / 10,
  // the entity in the most articles: its page with its events
  entityPageMs: entityOpen.length ? Math.round(entityOpen[1]!) : null,
  entityPageArticles: topEntity?.documents ?? null
}
// where the slow ones spend their time: the core's own search time vs the rest (IPC, rendering, debounce)
for (const s of perQuery.sort((a, b) => b.ms - a.ms).slice(0, 4)) console.log(`slowest: ${JSON.stringify(s.q)} ${s.ms.toFixed(1)} ms (core ${s.coreMs} ms)`)
console.log(JSON.stringify(result))
console.log(`| ${Object.keys(result).join(' | ')} |\n|${Object.keys(result).map(() => '---').join('|')}|\n| ${Object.values(result).join(' | ')} |`)
