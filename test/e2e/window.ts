/**
 * The window on an archive for a browser test: the built renderer served, the real services and
 * IPC handlers over the core, Chromium launched; `open()` gives a page with the preload installed
 * and the app loaded, with the page errors and any request off the page's origin collected.
 */
import path from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { registerIpcHandlers } from '../../src-main/shell/ipc'
import { createServices, type ServiceDeps } from '../../src-main/shell/services'
import { CHROMIUM, CHROMIUM_ARGS, emitTo, installPreload, recordingIpc, serveRenderer } from './harness'

export interface TestWindow {
  services: ReturnType<typeof createServices>
  open(): Promise<{ page: Page; errors: string[]; external: string[] }>
  close(): Promise<void>
}

/** `deps` adds to (or replaces) the defaults: no dialogs, no watching, the archive reopened at start. */
export async function startWindow(archive: { root: string; dataDir: string }, deps: Partial<ServiceDeps> = {}): Promise<TestWindow> {
  const outDir = path.resolve('out')
  const server = await serveRenderer(outDir)
  const { ipc, handlers } = recordingIpc()
  const pages = new Set<Page>()
  const services = createServices({
    dataDir: archive.dataDir,
    pickFolder: async () => null,
    lastArchive: () => archive.root,
    rememberArchive: () => {},
    pickImport: async () => null,
    // main → window messages reach the open pages as Electron's webContents.send would
    send: (channel, payload) => {
      for (const p of pages) emitTo(p, channel, payload)
    },
    watch: false,
    ...deps
  })
  registerIpcHandlers(ipc, services, { app: { protocol: 'app:', host: 'bundle' }, devServer: server.base })
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  return {
    services,
    async open() {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
      const errors: string[] = []
      const external: string[] = []
      page.on('request', (r) => {
        if (!r.url().startsWith(server.base + '/') && !r.url().startsWith('data:')) external.push(r.url())
      })
      page.on('pageerror', (e) => errors.push(e.message))
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
      await installPreload(page, handlers, outDir)
      pages.add(page)
      page.on('close', () => pages.delete(page))
      await page.goto(server.base + '/')
      return { page, errors, external }
    },
    async close() {
      await browser.close()
      await server.close()
    }
  }
}

/** Wait until the window shows the open archive (its document count). */
export async function archiveShown(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('doc-count').textContent(), { timeout: 15_000 }).toMatch(/^\d+ documents$/)
}

/** Search `query`, open the result at `path`, click the first underline of `name` in the reader: the entity's page. */
export async function openEntityFromReader(page: Page, query: string, path: string, name: RegExp | string, region: RegExp): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Search the archive' }).fill(query)
  await page.locator(`result-list li[data-path="${path}"]`).click()
  await page.locator('reader-panel article [data-entity]', { hasText: name }).first().click()
  return page.getByRole('region', { name: region })
}
