// #21: one file of every format dropped on the window is imported with its metadata; an article
// inside a mailbox is found, opened, shows what its file states, and opens its original file; a
// saved page's original is shown in its folder instead (a browser would fetch its trackers).
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFixtureArchive } from '../fixtures/archive'
import { allFormatFiles } from '../fixtures/formats'
import { tempDir } from '../fixtures/imports'
import { screenshots } from './screenshots'
import { startWindow, type TestWindow } from './window'

const opened: string[] = []
const revealed: string[] = []
const fx = writeFixtureArchive()
let win: TestWindow

beforeAll(async () => {
  win = await startWindow(fx, {
    openFile: async (abs) => {
      opened.push(abs)
      return ''
    },
    revealFile: (abs) => void revealed.push(abs)
  })
})

afterAll(() => win?.close())

describe('dropping files of every format', () => {
  it('imports each with its metadata; an article of a mailbox is found, shows its outlet and opens its file', async () => {
    const { page, errors, external } = await win.open()
    await expect.poll(() => page.getByTestId('doc-count').textContent(), { timeout: 15_000 }).toBe('5 documents')

    const dir = tempDir('e2e-formats')
    const drop: Record<string, string> = {}
    for (const [rel, bytes] of Object.entries(allFormatFiles())) {
      const name = path.basename(rel)
      writeFileSync(path.join(dir, name), bytes)
      drop[name] = path.join(dir, name)
    }
    await page.evaluate((paths) => {
      ;(window as unknown as { __dropPaths: Record<string, string> }).__dropPaths = paths
      const dt = new DataTransfer()
      for (const name of Object.keys(paths)) dt.items.add(new File(['x'], name))
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }))
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    }, drop)
    const outcome = page.getByRole('region', { name: 'Import results' })
    const files = Object.keys(drop).length
    await expect.poll(() => outcome.getByRole('status').textContent(), { timeout: 30_000 }).toBe(`${files} imported · 0 already in the archive · 0 rejected`)
    // 14 files hold 25 articles (a mailbox of 3, two feeds of 3, two exports of 5)
    await expect.poll(() => page.getByTestId('doc-count').textContent()).toBe(`${5 + 25} documents`)

    // the outlets of the results, each a way to narrow the search to it
    const box = page.getByRole('searchbox', { name: 'Search the archive' })
    await box.fill('council')
    const results = page.getByRole('listbox', { name: 'Results' }).getByRole('option')
    const outlets = page.getByLabel('Outlets of these results')
    await expect.poll(() => outlets.textContent()).toMatch(/Harbour Gazette \(\d+\)/)
    await outlets.getByRole('button', { name: 'Harbour Gazette' }).click()
    await expect.poll(() => box.inputValue()).toBe('council source:"Harbour Gazette"')
    await expect.poll(async () => (await results.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')))).join(' ')).toMatch(/^(?:\S+(?:lighthouse\.html|factiva-january\.txt#2)\s?)+$/)

    await box.fill('source:"lantern briefing"')
    await expect.poll(() => results.first().getAttribute('data-path')).toMatch(/newsletters\.mbox#2$/)
    expect(await results.count()).toBe(1)
    await results.first().click()
    const source = page.locator('reader-panel .source-line')
    await expect.poll(() => source.textContent()).toMatch(/Lantern Briefing/)
    await expect.poll(() => page.locator('reader-panel .published').textContent()).toBe('Published 6 February 2024 — as the file states it')
    await screenshots(page, 'formats')
    await source.getByRole('button', { name: /Open original/ }).click()
    await expect.poll(() => opened.length).toBe(1)
    expect(opened[0]).toMatch(/newsletters\.mbox$/)
    expect(opened[0]!.startsWith(fx.root)).toBe(true)
    // a saved page is shown in its folder, never opened in a browser that would fetch its trackers
    await box.fill('gull source:"harbour gazette"')
    await expect.poll(() => results.first().getAttribute('data-path')).toMatch(/lighthouse\.html$/)
    await results.first().click()
    await expect.poll(() => source.textContent()).toMatch(/Harbour Gazette/)
    expect(await source.getByRole('button', { name: /Open original/ }).count()).toBe(0)
    await source.getByRole('button', { name: 'Show original in folder' }).click()
    await expect.poll(() => revealed.length).toBe(1)
    expect(revealed[0]).toMatch(/lighthouse\.html$/)
    expect(opened).toHaveLength(1)
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })
})
