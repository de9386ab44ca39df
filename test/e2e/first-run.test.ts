// #22 item 9: the first run — a welcome that says what to do, then the archive named and a real
// progress bar while it is indexed, and its articles searchable at the end.
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerIpcHandlers } from '../../src-main/shell/ipc'
import { writeFixtureArchive } from '../fixtures/archive'
import { firstRunServices } from '../fixtures/services'
import { CHROMIUM, CHROMIUM_ARGS, accessibilityViolations, emitTo, installPreload, recordingIpc, serveRenderer } from './harness'

const outDir = path.resolve('out')
const { ipc, handlers } = recordingIpc()
let browser: Browser
let server: { base: string; close(): Promise<void> }
let page: Page
const progress: Array<{ archive: string; phase: string }> = []
const fx = writeFixtureArchive()

beforeAll(async () => {
  server = await serveRenderer(outDir)
  const services = firstRunServices(fx, {
    send: (channel, payload) => {
      if (channel === 'archive:index-progress') progress.push(payload as { archive: string; phase: string })
      if (page) emitTo(page, channel, payload)
    }
  })
  registerIpcHandlers(ipc, services, { app: { protocol: 'app:', host: 'bundle' }, devServer: server.base })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the first run', () => {
  it('welcomes with what to do, names the archive while indexing it, and ends searchable', async () => {
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await installPreload(page, handlers, outDir)
    await page.goto(server.base + '/')
    const welcome = page.getByRole('region', { name: 'Welcome' })
    await expect.poll(() => welcome.textContent()).toMatch(/Open a folder of news articles to start/)
    expect(await page.getByRole('listbox', { name: 'Results' }).isVisible()).toBe(false)
    expect(await accessibilityViolations(page)).toEqual([])
    await welcome.getByRole('button', { name: 'Open archive…' }).click()
    await expect.poll(() => page.getByTestId('doc-count').textContent(), { timeout: 20_000 }).toBe('5 documents')
    // every progress message named the archive being indexed (the header shows it before the status does)
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.every((p) => p.archive === fx.root)).toBe(true)
    expect(await welcome.count()).toBe(0)
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('haddad')
    await expect.poll(() => page.getByRole('listbox', { name: 'Results' }).getByRole('option').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
  })
})
