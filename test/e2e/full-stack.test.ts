// The closest thing to running the app without an Electron binary: the built renderer and the
// built preload run in Debian's Chromium; ipcRenderer.invoke is bridged to the real IPC handlers
// in Node, which run the real core on a real archive folder.
import { readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { articleText, tempDir, uniqueName } from '../fixtures/imports'
import { registerIpcHandlers, type InvokeEventLike, type IpcMainLike } from '../../src-main/shell/ipc'
import { createServices } from '../../src-main/shell/services'
import { writeFixtureArchive } from '../fixtures/archive'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const outDir = path.resolve('out')

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown
const handlers = new Map<string, Listener>()
const pages = new Set<Page>()
let browser: Browser
let server: http.Server
let base = ''

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = path.join(outDir, 'renderer', rel === '/' ? 'index.html' : rel)
    if (!file.startsWith(path.join(outDir, 'renderer'))) return void res.writeHead(404).end()
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
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`

  const fx = writeFixtureArchive()
  const services = createServices({
    dataDir: fx.dataDir,
    pickFolder: async () => null,
    lastArchive: () => fx.root,
    rememberArchive: () => {},
    pickImport: async () => null,
    // main → window messages reach the open pages as Electron's webContents.send would
    send: (channel, payload) => {
      for (const p of pages) void p.evaluate(([ch, body]) => (window as unknown as { __ipcEmit(c: unknown, b: unknown): void }).__ipcEmit(ch, body), [channel, payload] as const).catch(() => {})
    },
    watch: false
  })
  const ipc: IpcMainLike = { handle: (ch, fn) => void handlers.set(ch, fn) }
  // the dev-server origin is trusted here exactly as ELECTRON_RENDERER_URL is in `electron-vite dev`
  registerIpcHandlers(ipc, services, { app: { protocol: 'app:', host: 'bundle' }, devServer: base })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
})

afterAll(async () => {
  await browser?.close()
  await new Promise((r) => server?.close(r))
})

async function openApp() {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
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
  pages.add(page)
  page.on('close', () => pages.delete(page))
  await page.goto(base + '/')
  return { page, errors }
}

describe('the window, through the preload, on the real core', () => {
  it('shows the document count and finds articles as the user types', async () => {
    const { page, errors } = await openApp()
    await expect.poll(() => page.getByTestId('doc-count').textContent(), { timeout: 15_000 }).toBe('5 documents')
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('haddad -lantern')
    const items = page.getByRole('list', { name: 'Results' }).getByRole('listitem')
    await expect.poll(() => items.count()).toBe(2)
    await expect.poll(() => page.getByRole('status').textContent()).toBe('2 results')
    const marks = await page.locator('li mark').allTextContents()
    expect(marks.length).toBeGreaterThan(0)
    for (const m of marks) expect(m.toLowerCase()).toBe('haddad')
    expect(errors).toEqual([])
  })

  it('shows a query error inline instead of failing', async () => {
    const { page, errors } = await openApp()
    await expect.poll(() => page.getByTestId('doc-count').textContent(), { timeout: 15_000 }).toBe('5 documents')
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('title:')
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/needs a word after it/)
    expect(errors).toEqual([])
  })

  // last: it adds a document to the shared fixture archive
  it('imports files dropped on the window, shows each outcome, and finds the new article', async () => {
    const { page, errors } = await openApp()
    await expect.poll(() => page.getByTestId('doc-count').textContent(), { timeout: 15_000 }).toBe('5 documents')
    const dir = tempDir('e2e-drop')
    writeFileSync(path.join(dir, 'ferry-report.txt'), articleText(700))
    writeFileSync(path.join(dir, 'blank.txt'), '')
    await page.evaluate((paths) => {
      ;(window as unknown as { __dropPaths: Record<string, string> }).__dropPaths = paths
      const dt = new DataTransfer()
      for (const name of Object.keys(paths)) dt.items.add(new File(['x'], name, { type: 'text/plain' }))
      ;(window as unknown as { __dt: DataTransfer }).__dt = dt
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }))
    }, { 'ferry-report.txt': path.join(dir, 'ferry-report.txt'), 'blank.txt': path.join(dir, 'blank.txt') })
    await expect.poll(() => page.getByTestId('drop-overlay').isVisible()).toBe(true)
    await page.evaluate(() => {
      const dt = (window as unknown as { __dt: DataTransfer }).__dt
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    })
    const results = page.getByRole('region', { name: 'Import results' })
    await expect.poll(() => results.getByRole('status').textContent(), { timeout: 15_000 }).toBe('1 imported · 0 already in the archive · 1 rejected')
    expect(await page.getByTestId('drop-overlay').count()).toBe(0)
    const items = await results.getByRole('listitem').allTextContents()
    expect(items).toEqual([expect.stringMatching(/^Imported ferry-report\.txt → Imported\/\d{4}-\d\d-\d\d\/ferry-report\.txt$/), 'blank.txt: empty file'])
    await expect.poll(() => page.getByTestId('doc-count').textContent()).toBe('6 documents')
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill(uniqueName(700))
    await expect.poll(() => page.getByRole('status').filter({ hasText: /results?$/ }).textContent()).toBe('1 result')
    expect(await page.getByRole('list', { name: 'Results' }).getByRole('listitem').getAttribute('data-path')).toMatch(/ferry-report\.txt$/)
    expect(errors).toEqual([])
  })
})
