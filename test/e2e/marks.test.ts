// #24 in the window, on the real core: saved searches ("1 new"), the history and batch search;
// star, tag and note a selected passage, find them with is:, tag:, note:, export the results; the
// entity page.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFixtureArchive } from '../fixtures/archive'
import { accessibilityViolations } from './harness'
import { screenshots } from './screenshots'
import { archiveShown, openEntityFromReader, startWindow, type TestWindow } from './window'

const fx = writeFixtureArchive()
let saved = ''
let win: TestWindow

beforeAll(async () => {
  win = await startWindow(fx, { pickSaveFile: async (name) => (saved = path.join(path.dirname(fx.root), name)) })
})

afterAll(() => win?.close())

describe('saved searches in the window', () => {
  it('save a search, add an article elsewhere, and see "1 new", marked when it is run', async () => {
    const { page, errors, external } = await win.open()
    await archiveShown(page)
    const box = page.getByRole('searchbox', { name: 'Search the archive' })
    await box.fill('ferry')
    await page.getByRole('button', { name: 'Save search…' }).click()
    const name = page.getByRole('textbox', { name: 'Name of the saved search' })
    await name.fill('Ferries')
    await name.press('Enter')
    await expect.poll(() => page.locator('dateline-app').evaluate((el) => el.shadowRoot!.querySelector('.notice')?.textContent ?? '')).toBe('Saved the search as "Ferries"')
    // an article about ferries arrives (an import from elsewhere)
    const file = path.join(path.dirname(fx.root), 'ferry-cuts.txt')
    writeFileSync(file, 'Ferry timetable cut\n\nThe island ferry will sail twice a day until March, the operator said.\n')
    expect((await win.services.importPaths([file])).ok).toBe(true)
    await box.fill('')
    await page.getByRole('button', { name: 'Saved searches' }).click()
    const list = page.getByRole('region', { name: 'Saved searches' })
    await expect.poll(() => list.textContent()).toMatch(/Ferries\s*ferry\s*1 new/)
    await list.getByRole('button', { name: 'Ferries', exact: true }).click()
    await expect.poll(() => box.inputValue()).toBe('ferry')
    const fresh = page.locator('result-list li .new')
    await expect.poll(() => fresh.count()).toBe(1)
    expect(await page.locator('result-list li', { has: page.locator('.new') }).getAttribute('data-path')).toMatch(/ferry-cuts\.txt$/)
    // run: seen from now on
    await expect.poll(() => list.textContent()).not.toMatch(/\d new/)
    // opening a result keeps the search in the history, listed under Recent searches; clear forgets it
    await page.locator('result-list li').first().click()
    await expect.poll(() => list.locator('ul.history').textContent()).toMatch(/ferry/)
    await list.getByRole('button', { name: 'Clear history' }).click()
    await expect.poll(() => list.textContent()).toMatch(/Recent searches\s*None yet\./)
    // a batch search of 50 names: one line per name, each counted on its own; a row runs its search
    const names = ['ferry', 'Nobody Of That Name', ...Array.from({ length: 48 }, (_, i) => `Invented Person ${i + 1}`)]
    await list.getByRole('textbox', { name: 'Names or phrases, one per line' }).fill(names.join('\n') + '\n')
    await list.getByRole('button', { name: 'Search each line' }).click()
    const table = list.getByRole('table', { name: 'Batch search results' })
    await expect.poll(() => table.locator('tbody tr').count()).toBe(50)
    const rows = await table.locator('tbody tr').allTextContents()
    expect(rows.slice(0, 2)).toEqual([expect.stringMatching(/^ferry[2-9]/), expect.stringMatching(/^Nobody Of That Name0—/)])
    expect(rows.slice(2).every((r, i) => r.startsWith(`Invented Person ${i + 1}0—`))).toBe(true)
    await screenshots(page, 'saved-searches')
    await table.getByRole('button', { name: 'Nobody Of That Name' }).click()
    await expect.poll(() => box.inputValue()).toBe('"Nobody Of That Name"')
    expect(await accessibilityViolations(page)).toEqual([])
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })
})

describe('stars, tags and notes in the window', () => {
  it('star, tag and note a passage from the reader, and find them again', async () => {
    const { page, errors, external } = await win.open()
    await archiveShown(page)
    const box = page.getByRole('searchbox', { name: 'Search the archive' })
    const results = page.getByRole('listbox', { name: 'Results' }).getByRole('option')
    await box.fill('dockworkers')
    const row = page.locator('result-list li[data-path="wire/harbour-strike.txt"]')
    await row.click()
    const marks = page.getByRole('region', { name: 'Your marks' })
    await expect.poll(() => marks.count()).toBe(1)

    await marks.getByRole('button', { name: '☆ Star' }).click()
    await expect.poll(() => marks.getByRole('button', { name: '★ Starred' }).getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => row.locator('.star').count()).toBe(1)
    const tag = marks.getByRole('textbox', { name: 'Add a tag' })
    await tag.fill('Port-Strike')
    await tag.press('Enter')
    await expect.poll(() => marks.getByLabel('Tags').textContent()).toMatch(/#port-strike/)
    await expect.poll(() => row.locator('.tags').first().textContent()).toBe('#port-strike')

    // a note on a selected passage: the words are marked in the text
    await marks.locator('summary').click()
    await page.evaluate(() => {
      const article = document.querySelector('dateline-app')!.shadowRoot!.querySelector('reader-panel')!.shadowRoot!.querySelector('article.text')!
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf('4,200 containers')
        if (at >= 0) {
          document.getSelection()!.setBaseAndExtent(n, at, n, at + '4,200 containers'.length)
          return
        }
      }
      throw new Error('passage not found')
    })
    await marks.getByRole('textbox', { name: 'Note text' }).fill('Only the union gives this figure')
    await marks.getByRole('button', { name: 'Note on selection' }).click()
    await expect.poll(() => marks.locator('q').textContent()).toBe('4,200 containers')
    await expect.poll(() => page.locator('reader-panel article .noted').textContent()).toBe('4,200 containers')
    await screenshots(page, 'marks')

    const shown = () => results.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')).join(' '))
    for (const [q, want] of [
      ['dockworkers -is:starred', 'scraped/harbour-strike-copy.txt'],
      ['is:starred', 'wire/harbour-strike.txt'],
      ['dockworkers -tag:port-strike', 'scraped/harbour-strike-copy.txt'],
      ['tag:port-strike', 'wire/harbour-strike.txt'],
      ['dockworkers -note:"union gives"', 'scraped/harbour-strike-copy.txt'],
      ['note:"union gives"', 'wire/harbour-strike.txt']
    ] as const) {
      await box.fill(q)
      await expect.poll(shown, { message: q }).toBe(want)
    }
    // the results saved as CSV where the (faked) save dialog says, and read back
    await page.getByRole('button', { name: 'Export CSV…' }).click()
    await expect.poll(() => page.locator('dateline-app').evaluate((el) => el.shadowRoot!.querySelector('.notice')?.textContent ?? '')).toMatch(/^Saved 1 result to .*dateline-results\.csv$/)
    const csv = readFileSync(saved, 'utf-8').trim().split(/\r\n/)
    expect(csv[0]).toMatch(/^path,title,outlet,/)
    expect(csv.slice(1)).toEqual([expect.stringMatching(/^wire\/harbour-strike\.txt,.*,true,port-strike,Only the union gives this figure,/)])
    // an unknown tag says so
    await box.fill('tag:harbour')
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/No article has the tag "harbour"; your tags: port-strike/)
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })
})

describe('the entity page', () => {
  it('opens from a name in the reader: its articles, the span of their dates, who it appears with; reads one, filters by it', async () => {
    const { page, errors, external } = await win.open()
    await archiveShown(page)
    const ent = await openEntityFromReader(page, 'dockworkers', 'wire/harbour-strike.txt', 'Daniel al-Haddad', /^Entity: Daniel Al-Haddad$/i)
    await expect.poll(() => ent.locator('.meta').first().textContent()).toMatch(/^person · 3 articles/)
    // in the reader's place, not beside or below it
    expect(await page.locator('reader-panel').isVisible()).toBe(false)
    const articles = ent.getByRole('list', { name: /Articles mentioning/ }).getByRole('listitem')
    expect(await articles.count()).toBe(3)
    await expect.poll(() => ent.getByRole('list', { name: /Organisations appearing with/ }).textContent()).toMatch(/Coastal Workers League/)
    await screenshots(page, 'entity-page')
    // read one of its articles: the reader comes back with it
    await articles.filter({ hasText: 'dispute' }).getByRole('button').click()
    await expect.poll(() => page.locator('reader-panel h2').textContent()).toMatch(/dispute/)
    expect(await ent.count()).toBe(0)
    // from the facet menu, then filter the results by it
    await page.locator('entity-panel').getByRole('button', { name: /^Correct .*Haddad/ }).first().click()
    await page.getByRole('menuitem', { name: 'Open its page' }).click()
    await ent.getByRole('button', { name: /^Filter the results by/ }).click()
    await expect.poll(() => page.getByLabel('Active filters').textContent()).toMatch(/Haddad/)
    await ent.getByRole('button', { name: '← Back to the article' }).click()
    await expect.poll(() => ent.count()).toBe(0)
    // the archive's entity list, saved and read back
    saved = ''
    await page.getByRole('button', { name: 'Export the entity list as CSV' }).click()
    await expect.poll(() => saved !== '' && existsSync(saved)).toBe(true)
    const rows = readFileSync(saved, 'utf-8').trim().split(/\r?\n/)
    expect(rows[0]).toBe('id,type,name,aliases,documents')
    expect(rows.find((r) => r.includes('Daniel Al-Haddad'))).toMatch(/^person:[^,]+,person,Daniel Al-Haddad,.*,3$/)
    await expect.poll(() => page.locator('dateline-app').evaluate((el) => el.shadowRoot!.querySelector('.notice')?.textContent ?? '')).toMatch(/^Saved \d+ entities to .*dateline-entities\.csv$/)
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })
})
