// The closest thing to running the app without an Electron binary: the built renderer and the
// built preload run in Debian's Chromium; ipcRenderer.invoke is bridged to the real IPC handlers
// in Node, which run the real core on a real archive folder.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { articleText, tempDir, uniqueName } from '../fixtures/imports'
import { writeFixtureArchive } from '../fixtures/archive'
import { TIMELINE_FILES } from '../fixtures/timeline'
import { screenshots } from './screenshots'
import { accessibilityViolations, indicatorContrast } from './harness'
import { startWindow, type TestWindow } from './window'

const DOCS = 5 + Object.keys(TIMELINE_FILES).length

let win: TestWindow

beforeAll(async () => {
  // the messy fixture archive plus the timeline articles (events reported by several outlets)
  const fx = writeFixtureArchive()
  for (const [rel, text] of Object.entries(TIMELINE_FILES)) {
    mkdirSync(path.dirname(path.join(fx.root, 'timeline', rel)), { recursive: true })
    writeFileSync(path.join(fx.root, 'timeline', rel), text)
  }
  // the dev-server origin is trusted exactly as ELECTRON_RENDERER_URL is in `electron-vite dev`;
  // every request off the page's origin is collected (the app must never reach the network)
  win = await startWindow(fx)
})

afterAll(() => win?.close())

async function openApp() {
  const opened = await win.open()
  await expect.poll(() => opened.page.getByTestId('doc-count').textContent(), { timeout: 15_000 }).toBe(`${DOCS} documents`)
  return opened
}

const results = (page: Page) => page.getByRole('listbox', { name: 'Results' }).getByRole('option')
const summary = (page: Page) => page.getByRole('status').filter({ hasText: /results? ·/ })

describe('the window, through the preload, on the real core', () => {
  it('finds articles as the user types, with highlighted snippets', async () => {
    const { page, errors, external } = await openApp()
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('haddad -lantern')
    await expect.poll(() => results(page).count()).toBe(2)
    await expect.poll(() => summary(page).textContent()).toMatch(/^2 results · /)
    const marks = await page.locator('result-list mark').allTextContents()
    expect(marks.length).toBeGreaterThan(0)
    for (const m of marks) expect(m.toLowerCase()).toBe('haddad')
    await screenshots(page, 'search')
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })

  it('shows why each row matched: passages with every query word, the filtered entity marked, and the position (#22 item 8)', async () => {
    const { page, errors } = await openApp()
    const box = page.getByRole('searchbox', { name: 'Search the archive' })
    // two words three paragraphs apart (one passage of the old row held only the first): the row shows both
    await box.fill('dockworkers ferry')
    const row = page.locator('result-list li[data-path="wire/harbour-strike.txt"]')
    await expect.poll(async () => (await row.locator('mark').allTextContents()).map((m) => m.toLowerCase().slice(0, 4)).sort().join(' ')).toMatch(/^dock.* ferr/)
    expect(await row.locator('.gap').count()).toBeGreaterThan(0)
    // filtered by a person with no query: the person's mentions are what is marked
    await box.fill('')
    await expect.poll(() => summary(page).textContent()).toMatch(new RegExp(`^${DOCS} results`))
    await page.getByRole('list', { name: 'People' }).getByRole('button', { name: /Haddad/ }).first().click()
    await expect.poll(() => summary(page).textContent()).toMatch(/^3 results/)
    for (const marks of await results(page).evaluateAll((els) => els.map((e) => [...e.querySelectorAll('mark')].map((m) => m.textContent ?? '')))) {
      expect(marks.length).toBeGreaterThan(0)
      expect(marks.some((m) => /haddad/i.test(m))).toBe(true)
    }
    await page.getByRole('button', { name: /^Remove filter .*Haddad/ }).click()
    // in a short window not every row is in view: the summary says which are
    await page.setViewportSize({ width: 1400, height: 560 })
    await expect.poll(() => summary(page).textContent()).toMatch(new RegExp(`^${DOCS} results · 1–\\d+ of ${DOCS} · `))
    await page.locator('result-list').evaluate((el) => el.scrollTo({ top: 2 * 96 }))
    await expect.poll(() => summary(page).textContent()).toMatch(new RegExp(`^${DOCS} results · 3–\\d+ of ${DOCS} · `))
    await screenshots(page, 'result-rows')
    expect(errors).toEqual([])
  })

  it('shows a query error inline instead of failing', async () => {
    const { page, errors } = await openApp()
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('title:')
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/needs a word after it/)
    expect(errors).toEqual([])
  })

  it('filters by an entity, excludes one, and removes filters from their chips', async () => {
    const { page, errors, external } = await openApp()
    await expect.poll(() => summary(page).textContent()).toMatch(new RegExp(`^${DOCS} results`))
    const people = page.getByRole('list', { name: 'People' })
    const haddad = people.getByRole('button', { name: /Haddad/ }).first()
    await haddad.click()
    await expect.poll(() => summary(page).textContent()).toMatch(/^3 results/)
    const chips = page.getByLabel('Active filters')
    await expect.poll(() => chips.textContent()).toMatch(/Haddad/)
    await page.getByRole('button', { name: /^Remove filter .*Haddad/ }).click()
    await expect.poll(() => summary(page).textContent()).toMatch(new RegExp(`^${DOCS} results`))
    await people.getByRole('button', { name: /^Exclude .*Haddad/ }).click()
    await expect.poll(() => summary(page).textContent()).toMatch(new RegExp(`^${DOCS - 3} results`))
    for (const p of await results(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-path')))) expect(p).not.toMatch(/harbour|selwyn/)
    await screenshots(page, 'entities')
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })

  it('finds any entity of the archive by name, filters by it, and hides, unhides and retypes it', async () => {
    const { page, errors, external } = await openApp()
    const panel = page.locator('entity-panel')
    const find = page.getByRole('searchbox', { name: 'Find an entity' })
    // a fragment in lower case finds the entity of the whole archive, with its document count
    await find.fill('haddad')
    const inArchive = page.getByRole('list', { name: /In the whole archive/ })
    await expect.poll(() => inArchive.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/Daniel Al-Haddad\s*3/)])
    await inArchive.getByRole('button', { name: 'Daniel Al-Haddad', exact: true }).click()
    await expect.poll(() => summary(page).textContent()).toMatch(/^3 results/)
    await expect.poll(() => page.getByLabel('Active filters').textContent()).toMatch(/Haddad/)
    await screenshots(page, 'entity-find')
    await page.getByRole('button', { name: /^Remove filter .*Haddad/ }).click()

    // hide it: gone from the find box and the facets, listed under Hidden entities; unhide brings it back
    await inArchive.getByRole('button', { name: 'Correct Daniel Al-Haddad' }).click()
    await page.getByRole('menuitem', { name: 'Hide (not an entity)' }).click()
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/No entity in the archive matches/)
    await page.getByRole('button', { name: /Hidden entities/ }).click()
    const hidden = page.getByRole('list', { name: 'Hidden entities' })
    await expect.poll(() => hidden.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/Daniel Al-Haddad/)])
    await hidden.getByRole('button', { name: 'Unhide Daniel Al-Haddad' }).click()
    await expect.poll(() => panel.getByText('Nothing is hidden.').count()).toBe(1)
    await expect.poll(() => inArchive.getByRole('listitem').count()).toBe(1)

    // Esc empties the find box only; the facets of the results come back
    await find.press('Escape')
    expect(await page.getByRole('searchbox', { name: 'Search the archive' }).inputValue()).toBe('')
    const orgs = page.getByRole('list', { name: 'Organisations' })
    const places = page.getByRole('list', { name: 'Places' })
    await expect.poll(() => orgs.getByRole('button', { name: 'Coastal Workers League', exact: true }).count()).toBe(1)
    // change its type from the menu, then back
    await orgs.getByRole('button', { name: 'Correct Coastal Workers League' }).click()
    await page.getByRole('menuitem', { name: 'It is a place' }).click()
    await expect.poll(() => places.getByRole('button', { name: 'Coastal Workers League', exact: true }).count()).toBe(1)
    expect(await orgs.getByRole('button', { name: 'Coastal Workers League', exact: true }).count()).toBe(0)
    await places.getByRole('button', { name: 'Correct Coastal Workers League' }).click()
    await page.getByRole('menuitem', { name: 'It is an organisation' }).click()
    await expect.poll(() => orgs.getByRole('button', { name: 'Coastal Workers League', exact: true }).count()).toBe(1)
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })

  it('sets an article\'s publication date from the reader, and forgets it again', async () => {
    const { page, errors, external } = await openApp()
    const target = 'legacy/cafe-cp1252.txt'
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('léonville')
    await expect.poll(() => results(page).count()).toBe(1)
    await results(page).first().click()
    const meta = page.locator('reader-panel .meta').first()
    await expect.poll(() => meta.textContent()).toMatch(/Publication date unknown/)
    await page.getByRole('button', { name: 'Set the publication date' }).click()
    const input = page.getByRole('textbox', { name: 'Publication date' }).or(page.getByLabel('Publication date', { exact: true }))
    await input.fill('2014-02-11')
    await screenshots(page, 'set-date')
    await input.press('Enter')
    await expect.poll(() => meta.textContent()).toMatch(/Published 11 February 2014 — set by you/)
    // the result list shows it at once
    await expect.poll(() => results(page).filter({ hasText: target }).locator('.date').textContent()).toBe('11 Feb 2014')
    await page.getByRole('button', { name: 'Set the publication date' }).click()
    await page.getByRole('button', { name: 'Use the inferred date' }).click()
    await expect.poll(() => meta.textContent()).toMatch(/Publication date unknown/)
    await expect.poll(() => results(page).filter({ hasText: target }).locator('.date').textContent()).toBe('date unknown')
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })

  it('opens an article in the reader with search words, entities, date, story and events', async () => {
    const { page, errors, external } = await openApp()
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('haddad')
    await expect.poll(() => results(page).count()).toBe(3)
    await results(page).filter({ hasText: 'wire/harbour-strike.txt' }).click()
    const reader = page.getByLabel('Article text')
    await expect.poll(() => reader.textContent()).toMatch(/Dockworkers walked off the job/)
    const marked = await page.locator('reader-panel article mark').allTextContents()
    expect(marked.map((m) => m.toLowerCase())).toEqual(marked.map(() => 'haddad'))
    expect(await page.locator('reader-panel .e-person').count()).toBeGreaterThan(0)
    expect(await page.locator('reader-panel .e-place').count()).toBeGreaterThan(0)
    // a date says on hover what it stands for and why; this article's year is unknown, so "on Tuesday" is unresolved
    const tuesday = page.locator('reader-panel span.date', { hasText: 'Tuesday' }).first()
    await expect.poll(() => tuesday.getAttribute('title')).toBe('Tuesday: unresolved: the publication date is unknown — weekday, the latest one on or before publication')
    const story = page.getByRole('region', { name: 'Story' })
    await expect.poll(() => story.textContent()).toMatch(/copy/)
    // follow the story to the scraped copy: its text taken from the original is shaded
    await story.getByRole('button').first().click()
    await expect.poll(() => page.locator('reader-panel .reused').count()).toBeGreaterThan(0)
    await screenshots(page, 'reader')
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })

  it('draws the timeline, zooms it, brushes a range into a filter, and opens an event at its sentence', async () => {
    const { page, errors, external } = await openApp()
    await page.getByRole('button', { name: 'Timeline' }).click()
    const panel = page.locator('timeline-panel')
    await expect.poll(() => panel.getByRole('list', { name: 'Events in view' }).getByRole('listitem').count(), { timeout: 15_000 }).toBeGreaterThan(5)
    const range = () => page.getByTestId('timeline-range').textContent()
    const before = await range()
    await panel.getByRole('button', { name: 'Zoom in' }).click()
    await expect.poll(range).not.toBe(before)
    await panel.getByRole('button', { name: 'Fit' }).click()
    await expect.poll(range).toBe(before)
    // click the market airstrike bar on the canvas (where the component drew it)
    const box = await panel.evaluate((el: HTMLElement & { hitBoxes: Array<{ id: string; box: number[] }>; events: Array<{ id: string; label: string }> }) => {
      const ev = el.events.find((e) => /strike/i.test(e.label))!
      return el.hitBoxes.find((h) => h.id === ev.id)!.box
    })
    const canvas = panel.locator('canvas')
    const cb = (await canvas.boundingBox())!
    await page.mouse.click(cb.x + (box[0]! + box[2]!) / 2, cb.y + (box[1]! + box[3]!) / 2)
    await expect.poll(async () => (await page.locator('reader-panel .focus').allTextContents()).join('')).toMatch(/strike/i)
    await screenshots(page, 'timeline')
    // Shift+drag across the Kirkuk events (February to April 2016) keeps only the articles reporting them
    const span = await panel.evaluate((el: HTMLElement & { hitBoxes: Array<{ id: string; box: number[] }>; events: Array<{ id: string; sources: Array<{ path: string }> }> }) => {
      const ids = new Set(el.events.filter((e) => e.sources.every((s) => s.path.includes('kirkuk'))).map((e) => e.id))
      const xs = el.hitBoxes.filter((h) => ids.has(h.id)).flatMap((h) => [h.box[0]!, h.box[2]!])
      return [Math.min(...xs) + 1, Math.max(...xs) - 1]
    })
    await page.keyboard.down('Shift')
    await page.mouse.move(cb.x + span[0]!, cb.y + 20)
    await page.mouse.down()
    await page.mouse.move(cb.x + span[1]!, cb.y + 20, { steps: 5 })
    await page.mouse.up()
    await page.keyboard.up('Shift')
    await expect.poll(() => page.getByLabel('Active filters').textContent()).toMatch(/events 2016-0[1-3]-\d\d – 2016-0[3-4]-\d\d/)
    await expect.poll(async () => (await results(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-path')))).sort()).toEqual(['timeline/kirkuk/rewrite.txt', 'timeline/kirkuk/scrape.txt', 'timeline/kirkuk/wire.txt'])
    expect(await results(page).count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })

  it('works from the keyboard: Ctrl+K, arrows, Enter, Esc, clear and Alt+← back, and the help panel', async () => {
    const { page, errors } = await openApp()
    await page.keyboard.press('Control+k')
    const box = page.getByRole('searchbox', { name: 'Search the archive' })
    expect(await box.evaluate((el) => el.matches(':focus'))).toBe(true)
    await page.keyboard.type('strike')
    // wait for the answer to the query typed, not the rows of the one before it
    await expect.poll(() => page.getByRole('listbox', { name: 'Results' }).getAttribute('aria-busy')).toBe('false')
    await expect.poll(() => results(page).count()).toBeGreaterThan(1)
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => results(page).nth(1).getAttribute('aria-selected')).toBe('true')
    const path1 = await results(page).nth(1).getAttribute('data-path')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('reader-panel .meta').first().textContent()).toContain(path1!)
    // Esc closes the innermost thing and clears nothing (#22 item 6); clearing is the × button, and Alt+← undoes it
    await page.keyboard.press('Escape')
    expect(await box.inputValue()).toBe('strike')
    await page.getByRole('button', { name: 'Clear the search and filters' }).click()
    await expect.poll(() => box.inputValue()).toBe('')
    await expect.poll(() => summary(page).textContent()).toMatch(new RegExp(`^${DOCS} results`))
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Alt+ArrowLeft')
    await expect.poll(() => box.inputValue()).toBe('strike')
    await expect.poll(() => page.getByRole('listbox', { name: 'Results' }).getAttribute('aria-busy')).toBe('false')
    await expect.poll(() => summary(page).textContent()).not.toMatch(new RegExp(`^${DOCS} results`))
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('?')
    await expect.poll(() => page.getByRole('dialog', { name: 'Search syntax and shortcuts' }).isVisible()).toBe(true)
    await screenshots(page, 'help')
    await page.keyboard.press('Escape')
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(errors).toEqual([])
  })

  describe('every screen shows the state of the current query (#22 item 7)', () => {
    it('a query error hides the previous query\'s count and rows', async () => {
      const { page, errors } = await openApp()
      const box = page.getByRole('searchbox', { name: 'Search the archive' })
      await box.fill('haddad')
      await expect.poll(() => results(page).count()).toBe(3)
      await box.fill('title:')
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/needs a word after it/)
      await expect.poll(() => results(page).count()).toBe(0)
      expect(await summary(page).count()).toBe(0)
      await expect.poll(() => page.locator('result-list .empty').textContent()).toMatch(/could not be read/)
      expect(errors).toEqual([])
    })

    it('zero results say what to try, and the reader lets go of an article the results no longer hold', async () => {
      const { page, errors } = await openApp()
      const box = page.getByRole('searchbox', { name: 'Search the archive' })
      await box.fill('haddad')
      await expect.poll(() => results(page).count()).toBe(3)
      await results(page).filter({ hasText: 'wire/harbour-strike.txt' }).click()
      await expect.poll(() => page.getByLabel('Article text').count()).toBe(1)
      await box.fill('zzqxv')
      await expect.poll(() => page.locator('result-list .empty').textContent()).toMatch(/No results for “zzqxv”\. Try fewer or other words/)
      await expect.poll(() => page.getByLabel('Article text').count()).toBe(0)
      await expect.poll(() => page.locator('reader-panel .empty').textContent()).toMatch(/Select a result/)
      expect(errors).toEqual([])
    })

    it('the reader marks the new query\'s words when its article is still among the results', async () => {
      const { page, errors } = await openApp()
      const box = page.getByRole('searchbox', { name: 'Search the archive' })
      await box.fill('haddad')
      await expect.poll(() => results(page).count()).toBe(3)
      await results(page).filter({ hasText: 'wire/harbour-strike.txt' }).click()
      await expect.poll(async () => (await page.locator('reader-panel article mark').allTextContents()).map((m) => m.toLowerCase())).toContain('haddad')
      await box.fill('dockworkers')
      await expect.poll(async () => (await page.locator('reader-panel article mark').allTextContents()).map((m) => m.toLowerCase())).toContain('dockworkers')
      expect((await page.locator('reader-panel article mark').allTextContents()).map((m) => m.toLowerCase())).not.toContain('haddad')
      expect(errors).toEqual([])
    })

    it('following a story link selects that article\'s row, or none', async () => {
      const { page, errors } = await openApp()
      await page.getByRole('searchbox', { name: 'Search the archive' }).fill('haddad')
      await expect.poll(() => results(page).count()).toBe(3)
      await results(page).filter({ hasText: 'wire/harbour-strike.txt' }).click()
      const story = page.getByRole('region', { name: 'Story' })
      await expect.poll(() => story.textContent()).toMatch(/copy/)
      const target = await story.locator('li .meta').first().textContent()
      await story.getByRole('button').first().click()
      await expect.poll(() => page.locator('reader-panel .meta').first().textContent()).toContain(target!)
      const selected = await results(page).evaluateAll((els) => els.filter((e) => e.getAttribute('aria-selected') === 'true').map((e) => e.getAttribute('data-path')))
      expect(selected.filter((p) => p !== target)).toEqual([])
      expect(errors).toEqual([])
    })
  })

  it('says how an article\'s date is known in plain words, with one date format (#22 item 14)', async () => {
    const { page, errors } = await openApp()
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('haddad')
    await expect.poll(() => results(page).count()).toBe(3)
    await results(page).filter({ hasText: 'wire/harbour-strike.txt' }).click()
    const published = page.locator('reader-panel .published')
    await expect.poll(() => published.textContent()).toMatch(/^(Published (\d{1,2} )?[A-Z][a-z]+( \d{4}|, year unknown) — [a-z]|Publication date unknown)/)
    const meta = (await page.locator('reader-panel .meta').first().textContent()) ?? ''
    expect(meta).not.toMatch(/confidence|\d{4}-\d{2}-\d{2}/)
    for (const d of await page.locator('result-list .date').allTextContents()) expect(d).toMatch(/^(\d{1,2} )?[A-Z][a-z]{2} \d{4}$|^\d{4}$|^date unknown$/)
    expect(errors).toEqual([])
  })

  it('opens an article at its first match, moves through matches with n / N, and finds in the article with Ctrl+F (#22 item 4)', async () => {
    const { page, errors } = await openApp()
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('port')
    await expect.poll(() => results(page).filter({ hasText: 'wire/harbour-strike.txt' }).count()).toBe(1)
    await results(page).filter({ hasText: 'wire/harbour-strike.txt' }).click()
    const marks = page.locator('reader-panel article mark')
    await expect.poll(() => marks.count()).toBeGreaterThan(1)
    const current = () => marks.evaluateAll((els) => els.findIndex((e) => e.classList.contains('current')))
    await expect.poll(current).toBe(0)
    // the legend's sample mark is not where the reader goes
    expect(await page.locator('reader-panel .legend .current').count()).toBe(0)
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('n')
    await expect.poll(current).toBe(1)
    await page.keyboard.press('Shift+N')
    await expect.poll(current).toBe(0)
    await page.keyboard.press('Control+f')
    const find = page.getByRole('searchbox', { name: 'Find in the article' })
    await expect.poll(() => find.evaluate((el) => el.matches(':focus'))).toBe(true)
    await find.fill('containers')
    await expect.poll(() => page.locator('reader-panel article mark.find').allTextContents()).toEqual(['containers'])
    await expect.poll(() => page.locator('reader-panel .find-bar [role="status"]').textContent()).toBe('1 of 1')
    await find.press('Escape')
    await expect.poll(() => find.count()).toBe(0)
    expect(await page.getByRole('searchbox', { name: 'Search the archive' }).inputValue()).toBe('port')
    expect(errors).toEqual([])
  })

  it('marks the selected result with at least 3:1 contrast in both themes (#22 item 11)', async () => {
    const { page, errors } = await openApp()
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('haddad')
    await expect.poll(() => results(page).count()).toBe(3)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await expect.poll(() => indicatorContrast(page, 'li[aria-selected="true"]'), { message: scheme }).toBeGreaterThanOrEqual(3)
    }
    expect(errors).toEqual([])
  })

  it('shows an active facet as selected and an excluded one struck through (#22 item 12)', async () => {
    const { page, errors } = await openApp()
    await expect.poll(() => summary(page).textContent()).toMatch(new RegExp(`^${DOCS} results`))
    const people = page.getByRole('list', { name: 'People' })
    const haddad = people.getByRole('button', { name: /Haddad/ }).first()
    await expect.poll(() => haddad.getAttribute('aria-pressed')).toBe('false')
    await haddad.click()
    await expect.poll(() => summary(page).textContent()).toMatch(/^3 results/)
    await expect.poll(() => people.getByRole('button', { name: /Haddad/ }).first().getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => indicatorContrast(page, 'li.include > button.name')).toBeGreaterThanOrEqual(3)
    expect(errors).toEqual([])
  })

  it('confirms a merge with both names and counts, and undoes it from the corrections (#22 item 5)', async () => {
    const { page, errors } = await openApp()
    await expect.poll(() => summary(page).textContent()).toMatch(new RegExp(`^${DOCS} results`))
    const places = page.getByRole('list', { name: 'Places' })
    await expect.poll(() => places.getByRole('listitem').count()).toBeGreaterThan(1)
    const names = async () => (await places.locator('button.name').allTextContents()).sort()
    const before = await names()
    const first = (await places.locator('button.name').first().textContent())!
    await places.getByRole('button', { name: `Correct ${first}` }).click()
    const mergeItem = page.getByRole('menuitem', { name: /^Merge into / }).first()
    const into = (await mergeItem.textContent())!.replace(/^Merge into (.*) \(\d+\)…$/, '$1')
    await mergeItem.click()
    const dialog = page.getByRole('alertdialog', { name: 'Confirm the merge' })
    await expect.poll(() => dialog.textContent()).toMatch(new RegExp(`Merge ${first} \\(\\d+ documents?\\) into ${into} \\(\\d+ documents?\\)\\?`))
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await names()).toEqual(before)
    // now for real, then take it back
    await places.getByRole('button', { name: `Correct ${first}` }).click()
    await page.getByRole('menuitem', { name: /^Merge into / }).first().click()
    await page.getByRole('alertdialog', { name: 'Confirm the merge' }).getByRole('button', { name: 'Merge' }).click()
    await expect.poll(names).not.toEqual(before)
    await page.getByRole('button', { name: /Corrections/ }).click()
    const corrections = page.getByRole('list', { name: 'Corrections' })
    await expect.poll(() => corrections.getByRole('listitem').first().textContent()).toMatch(new RegExp(`Merged 2 entities into ${into}`))
    await corrections.getByRole('button', { name: /^Undo: Merged/ }).click()
    // (earlier tests' corrections of this shared archive stay listed)
    await expect.poll(() => corrections.getByRole('listitem').filter({ hasText: /^Merged 2 entities into/ }).count()).toBe(0)
    await expect.poll(names).toEqual(before)
    expect(errors).toEqual([])
  })

  it('reaches the results in one Tab, moves with the list box keys, and fits a narrow window (#22 item 10)', async () => {
    const { page, errors } = await openApp()
    await expect.poll(() => summary(page).textContent()).toMatch(new RegExp(`^${DOCS} results`))
    // from the top of the page: the first Tab stop is the skip link, Enter puts the focus in the results
    await page.keyboard.press('Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? '')).toBe('Skip to results')
    await page.keyboard.press('Enter')
    const listbox = page.getByRole('listbox', { name: 'Results' })
    await expect.poll(() => listbox.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true)
    const last = DOCS - 1
    await page.keyboard.press('End')
    await expect.poll(() => listbox.getAttribute('aria-activedescendant')).toBe(`hit-${last}`)
    await expect.poll(() => page.locator(`result-list li#hit-${last}`).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Home')
    await expect.poll(() => listbox.getAttribute('aria-activedescendant')).toBe('hit-0')
    await page.keyboard.press('PageDown')
    await expect.poll(async () => Number((await listbox.getAttribute('aria-activedescendant'))!.slice(4))).toBeGreaterThan(1)
    // a narrow window: the entities pane folds away and the reader is whole
    await page.setViewportSize({ width: 760, height: 700 })
    await page.getByRole('button', { name: 'Entities', exact: true }).click()
    await results(page).first().click()
    await expect.poll(() => page.getByLabel('Article text').count()).toBe(1)
    const box = await page.locator('reader-panel').boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(760)
    expect(box!.width).toBeGreaterThanOrEqual(280)
    expect(errors).toEqual([])
  })

  it('counts and lists the events the axis cannot place, and shows the events of the filtered results (#22 items 1, 2)', async () => {
    const { page, errors } = await openApp()
    await expect.poll(() => summary(page).textContent()).toMatch(new RegExp(`^${DOCS} results`))
    await page.getByRole('button', { name: 'Timeline' }).click()
    const counts = page.getByTestId('timeline-counts')
    await expect.poll(() => counts.textContent()).toMatch(/\d+ dated, \d+ undated, \d+ awaiting their article's date/)
    const numbers = async () => ((await counts.textContent()) ?? '').match(/\d+/g)!.map(Number)
    const [dated, undated, unresolved] = await numbers()
    expect(undated! + unresolved!).toBeGreaterThan(0)
    // the ones the axis cannot place are listed, each opening its article (where Set date… places it)
    await page.locator('timeline-panel details.unplaced summary').click()
    const unplaced = page.locator('timeline-panel details.unplaced li button')
    await expect.poll(() => unplaced.count()).toBe(Math.min(undated!, 100) + Math.min(unresolved!, 100))
    await unplaced.first().click()
    await expect.poll(() => page.getByLabel('Article text').count()).toBe(1)
    // an entity filter: the timeline shows what the remaining results report
    await page.getByRole('list', { name: 'People' }).getByRole('button', { name: /Haddad/ }).first().click()
    await expect.poll(() => summary(page).textContent()).toMatch(/^3 results/)
    await expect.poll(async () => (await numbers()).reduce((a, b) => a + b, 0)).toBeLessThan(dated! + undated! + unresolved!)
    const paths = new Set(await results(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-path'))))
    for (const note of await page.locator('timeline-panel details.unplaced li .empty').allTextContents()) expect(paths.has(note.split(' · ').pop()!.trim())).toBe(true)
    expect(errors).toEqual([])
  })

  // last: it adds a document to the shared fixture archive
  it('imports files dropped on the window, shows each outcome, and finds the new article', async () => {
    const { page, errors, external } = await openApp()
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
    await screenshots(page, 'drop-overlay')
    await page.evaluate(() => {
      const dt = (window as unknown as { __dt: DataTransfer }).__dt
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    })
    const outcome = page.getByRole('region', { name: 'Import results' })
    await expect.poll(() => outcome.getByRole('status').textContent(), { timeout: 15_000 }).toBe('1 imported · 0 already in the archive · 1 rejected')
    expect(await page.getByTestId('drop-overlay').count()).toBe(0)
    const items = await outcome.getByRole('listitem').allTextContents()
    expect(items).toEqual([expect.stringMatching(/^Imported ferry-report\.txt → Imported\/\d{4}-\d\d-\d\d\/ferry-report\.txt$/), 'blank.txt: empty file'])
    await expect.poll(() => page.getByTestId('doc-count').textContent()).toBe(`${DOCS + 1} documents`)
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill(uniqueName(700))
    await expect.poll(() => summary(page).textContent()).toMatch(/^1 result · /)
    expect(await results(page).first().getAttribute('data-path')).toMatch(/ferry-report\.txt$/)
    await screenshots(page, 'import')
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })
})
