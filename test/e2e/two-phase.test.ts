// #23 in the window: an archive whose text is indexed and whose analysis is still to come answers
// searches, and the entity facets and the timeline say how much of the results they cover instead
// of looking empty or complete. Once everything is analysed, nothing is said.
import { afterAll, describe, expect, it } from 'vitest'
import { writeFixtureArchive } from '../fixtures/archive'
import { accessibilityViolations } from './harness'
import { screenshots } from './screenshots'
import { startWindow, type TestWindow } from './window'

const windows: TestWindow[] = []
afterAll(async () => {
  for (const w of windows) await w.close()
})

describe('a window on an archive being analysed', () => {
  it('searches the text at once; facets and timeline say "for 0 of N articles — analysing the rest…"', async () => {
    const fx = writeFixtureArchive()
    // phase 1 only (as when the app is quit before its analysis ends): every article is pending
    const win = await startWindow(fx, { indexing: { analyseLaterFrom: 0, textOnly: true, workers: false } })
    windows.push(win)
    const { page, errors, external } = await win.open()
    await expect.poll(() => page.getByTestId('doc-count').textContent(), { timeout: 15_000 }).toMatch(/^\d+ documents$/)
    const box = page.getByRole('searchbox', { name: 'Search the archive' })
    await box.fill('strike')
    const rows = page.getByRole('listbox', { name: 'Results' }).getByRole('option')
    // the wire story and its scraped copy (the empty query's list of every article comes first: wait for this one)
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')).sort())).toEqual(['scraped/harbour-strike-copy.txt', 'wire/harbour-strike.txt'])
    const n = 2
    // no date yet: the rows say it is being found, not that it is unknown
    expect(await page.locator('result-list li .date').allTextContents()).toEqual(['dating…', 'dating…'])
    const coverage = page.getByTestId('entity-coverage')
    await expect.poll(() => coverage.textContent()).toBe(`Entities for 0 of ${n} articles — analysing the rest…`)
    await page.getByRole('button', { name: 'Timeline' }).click()
    await expect.poll(() => page.getByTestId('timeline-coverage').textContent()).toBe(`Events for 0 of ${n} articles — analysing the rest…`)
    await screenshots(page, 'analysing')
    expect(await accessibilityViolations(page)).toEqual([])
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })

  it('says nothing about coverage once the archive is analysed', async () => {
    const fx = writeFixtureArchive()
    const win = await startWindow(fx, { indexing: { analyseLaterFrom: 0, workers: false } })
    windows.push(win)
    const { page, errors } = await win.open()
    // the reconcile at start-up runs both phases; the count is shown once the first is done
    await expect.poll(() => page.getByTestId('doc-count').textContent(), { timeout: 15_000 }).toMatch(/^\d+ documents$/)
    await expect.poll(() => win.services.status().then((r) => r.ok && !r.value.indexing), { timeout: 15_000 }).toBe(true)
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('strike')
    await expect.poll(() => page.locator('entity-panel').evaluate((el) => el.shadowRoot!.querySelectorAll('li').length)).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Timeline' }).click()
    await expect.poll(() => page.locator('timeline-panel').count()).toBe(1)
    expect(await page.getByTestId('entity-coverage').count()).toBe(0)
    expect(await page.locator('result-list li .date').allTextContents()).not.toContain('dating…')
    expect(await page.getByTestId('timeline-coverage').count()).toBe(0)
    expect(errors).toEqual([])
  })
})
