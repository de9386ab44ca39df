/**
 * Running the built window without Electron: serve out/renderer over HTTP, and run the built
 * preload in the page with a stand-in `electron` module whose ipcRenderer is bridged to the real
 * IPC handlers in Node. Shared by the browser tests and bench/ui.mts.
 */
import { readFileSync } from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { InvokeEventLike, IpcMainLike } from '../../src-main/shell/ipc'

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

/** Serve the built renderer; `base` is its origin (trusted like electron-vite's dev server). */
export async function serveRenderer(outDir: string): Promise<{ base: string; close(): Promise<void> }> {
  const root = path.join(outDir, 'renderer')
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = path.join(root, rel === '/' ? 'index.html' : rel)
    if (!file.startsWith(root)) return void res.writeHead(404).end()
    try {
      const body = readFileSync(file)
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream'
      res.writeHead(200, { 'content-type': type }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const a = server.address()
  return { base: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, close: () => new Promise((r) => server.close(() => r())) }
}

/** An IpcMainLike that records the handlers, for registerIpcHandlers. */
export function recordingIpc(): { ipc: IpcMainLike; handlers: Map<string, Listener> } {
  const handlers = new Map<string, Listener>()
  return { ipc: { handle: (ch, fn) => void handlers.set(ch, fn) }, handlers }
}

/** Run the built preload in every document of the page, its IPC going to `handlers`. */
export async function installPreload(page: Page, handlers: Map<string, Listener>, outDir: string): Promise<void> {
  await page.exposeBinding('__ipcInvoke', async ({ frame }, channel: string, args: unknown[]) => {
    const h = handlers.get(channel)
    if (!h) throw new Error(`no handler for ${channel}`)
    return h({ senderFrame: { url: frame.url() } as never }, ...args)
  })
  const preload = readFileSync(path.join(outDir, 'preload/index.cjs'), 'utf8')
  await page.addInitScript({
    content: `(() => {
      const listeners = {};
      window.__ipcEmit = (ch, body) => (listeners[ch] || []).forEach((f) => f({}, body));
      const electron = {
        contextBridge: { exposeInMainWorld: (k, v) => Object.defineProperty(window, k, { value: Object.freeze(v) }) },
        ipcRenderer: {
          invoke: (ch, ...args) => window.__ipcInvoke(ch, args),
          on: (ch, fn) => (listeners[ch] ||= []).push(fn),
          removeListener: (ch, fn) => { listeners[ch] = (listeners[ch] || []).filter((f) => f !== fn) }
        },
        // a plain browser has no paths for dropped files: the test says which path each name stands for
        webUtils: { getPathForFile: (f) => (window.__dropPaths || {})[f.name] || '' }
      };
      const fakeRequire = (id) => { if (id === 'electron') return electron; throw new Error('a sandboxed preload cannot require ' + id) };
      const module = { exports: {} };
      (function (require, module, exports) {\n${preload}\n})(fakeRequire, module, module.exports);
    })()`
  })
}

/** Deliver a main → window message to the page, as webContents.send would. */
export function emitTo(page: Page, channel: string, payload: unknown): void {
  void page.evaluate(([ch, body]) => (window as unknown as { __ipcEmit(c: unknown, b: unknown): void }).__ipcEmit(ch, body), [channel, payload] as const).catch(() => {})
}

/**
 * axe-core's WCAG 2.1 A/AA rules over the page as it is now (open shadow roots included).
 * Returns the serious and critical violations, one line each. Run through page.evaluate, which
 * the page's CSP does not apply to (an injected <script> would be refused, rightly).
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(source)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; any: Array<{ message: string }> }> }> }> } }).axe
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => `${JSON.stringify(n.target)} ${n.any[0]?.message ?? ""}`) }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(' ')}`)
}

/**
 * Contrast between a state indicator's colour (the selected row's bar) and the page behind it, as
 * WCAG 2.1 computes it (1.4.11: state indicators need at least 3:1). axe-core does not check states.
 */
export async function indicatorContrast(page: Page, selector: string): Promise<number> {
  const [fg, bg] = await page.evaluate((sel) => {
    const find = (root: Document | ShadowRoot): Element | null => {
      const hit = root.querySelector(sel)
      if (hit) return hit
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) {
        const inner = find(el.shadowRoot)
        if (inner) return inner
      }
      return null
    }
    const el = find(document)
    if (!el) throw new Error(`no element ${sel}`)
    const shadow = getComputedStyle(el).boxShadow
    // the indicator: a bar drawn as an inset shadow, else the row's own tint
    const fg = /rgba?\([^)]*\)/.exec(shadow)?.[0] ?? getComputedStyle(el).backgroundColor
    // the first opaque background behind it, else the page's
    let bg = getComputedStyle(document.body).backgroundColor
    const host = (el.getRootNode() as ShadowRoot).host
    for (let n: Element | null = host; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) {
      const c = getComputedStyle(n).backgroundColor
      if (!/rgba\(.*,\s*0\)$|transparent/.test(c)) {
        bg = c
        break
      }
    }
    return [fg, bg]
  }, selector)
  const lum = (c: string) => {
    const [r, g, b] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
      const s = v / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x) as [number, number]
  return (a + 0.05) / (b + 0.05)
}
