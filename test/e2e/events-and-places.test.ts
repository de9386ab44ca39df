// #24: the entity page shows the entity's events on a small timeline, each event named by what the
// core knows of it (kind, count, place) with its sources, and a source opens in the reader; the
// timeline saves the source list behind the events it shows; the map draws the results' places
// offline and filters by one when it is clicked.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeTimelineArchive } from '../fixtures/timeline'
import { screenshots } from './screenshots'
import { archiveShown, openEntityFromReader, startWindow, type TestWindow } from './window'

let win: TestWindow
const fx = writeTimelineArchive()
let saved = ''

beforeAll(async () => {
  win = await startWindow(fx, { pickSaveFile: async (name) => (saved = path.join(path.dirname(fx.root), name)) })
})

afterAll(() => win?.close())

describe('the entity page’s events', () => {
  it('lists the events a place is the scene of, with every source, and opens one', async () => {
    const { page, errors, external } = await win.open()
    await archiveShown(page)
    const ent = await openEntityFromReader(page, 'kirkuk', 'kirkuk/wire.txt', /^Kirkuk$/, /^Entity: Kirkuk$/)
    const events = ent.getByRole('list', { name: 'Events with Kirkuk' }).getByRole('listitem')
    await expect.poll(() => events.count(), { timeout: 10_000 }).toBe(1)
    // named by kind, count and place, not by a cut sentence; dated; all three reports as sources
    expect(await events.first().textContent()).toMatch(/2016-04-10\s+attack ×7 — Kirkuk/)
    const sources = events.first().getByRole('button')
    expect(await sources.allTextContents()).toEqual(expect.arrayContaining(['scrape.txt', 'wire.txt', 'rewrite.txt']))
    const strip = ent.getByRole('img', { name: /^1 dated events with Kirkuk, 2016-04-10 to 2016-04-10$/ })
    // its dot is drawn (an SVG circle, with the event in its tooltip)
    expect(await strip.locator('circle').evaluate((c) => [(c as SVGCircleElement).getBBox().width > 0, c.textContent])).toEqual([true, '2016-04-10 · attack ×7 — Kirkuk (3 sources)'])
    await screenshots(page, 'entity-page-events')
    await sources.filter({ hasText: 'rewrite.txt' }).click()
    await expect.poll(() => page.locator('reader-panel h2').textContent()).toMatch(/police mourn colleagues/)
    expect(await ent.count()).toBe(0)
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })
})

describe('the timeline’s source list', () => {
  it('saves a row per event and article for the events of the results', async () => {
    const { page, errors } = await win.open()
    await archiveShown(page)
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('kirkuk')
    await expect.poll(() => page.locator('result-list li').count()).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Timeline' }).click()
    await page.locator('timeline-panel').getByRole('button', { name: 'Export sources…' }).click()
    await expect.poll(() => saved && existsSync(saved)).toBe(true)
    await expect.poll(() => page.locator('dateline-app').evaluate((el) => el.shadowRoot!.querySelector('.notice')?.textContent ?? '')).toMatch(/^Saved \d+ sources? to .*dateline-sources\.csv$/)
    const rows = readFileSync(saved, 'utf-8').trim().split('\r\n')
    expect(rows[0]).toBe('event_id,event,start_date,end_date,status,source,published,role,date_as_written,dated_by,sentence')
    const attack = rows.filter((r) => r.includes(',attack ×7 — Kirkuk,'))
    expect(attack.map((r) => r.split(',')[5]).sort()).toEqual(['kirkuk/rewrite.txt', 'kirkuk/scrape.txt', 'kirkuk/wire.txt'])
    // every row is an event reported by an article of the results (the search was "kirkuk")
    for (const r of rows.slice(1)) expect(r.split(',')[5]).toMatch(/^kirkuk\//)
    expect(errors).toEqual([])
  })
})

describe('the map of places', () => {
  it('draws the places of the results where they are, and a click on one filters the results by it', async () => {
    const { page, errors, external } = await win.open()
    await archiveShown(page)
    await page.getByRole('button', { name: 'Map' }).click()
    const map = page.getByRole('region', { name: 'Map of places' })
    const listed = map.getByRole('list', { name: 'Places on the map' })
    await expect.poll(() => listed.textContent(), { timeout: 15_000 }).toMatch(/Kirkuk/)
    const all = await page.locator('place-map').evaluate((el) => (el as unknown as { hitDots: Array<{ name: string; x: number; y: number; r: number }> }).hitDots)
    expect(all.map((d) => d.name)).toEqual(expect.arrayContaining(['Kirkuk', 'Mosul', 'Idlib']))
    // where they are: Mosul north-west of Kirkuk, both east of Idlib
    const at = (n: string) => all.find((d) => d.name === n)!
    expect(at('Mosul').x).toBeLessThan(at('Kirkuk').x)
    expect(at('Mosul').y).toBeLessThan(at('Kirkuk').y)
    expect(at('Idlib').x).toBeLessThan(at('Mosul').x)
    await screenshots(page, 'map')
    // a click on Kirkuk's dot
    const box = (await map.locator('canvas').boundingBox())!
    await page.mouse.click(box.x + at('Kirkuk').x, box.y + at('Kirkuk').y)
    await expect.poll(() => page.getByLabel('Active filters').textContent()).toMatch(/Kirkuk/)
    // the map follows the filtered results: every place left is mentioned with Kirkuk
    await expect.poll(async () => (await page.locator('place-map').evaluate((el) => (el as unknown as { hitDots: Array<{ name: string }> }).hitDots.map((d) => d.name))).includes('Idlib')).toBe(false)
    expect(errors).toEqual([])
    // nothing fetched: the outlines are part of the app
    expect(external).toEqual([])
  })
})

describe('corrections from the entity page', () => {
  // last in this file: it changes the archive's entities
  it('renames the entity (the page follows it under its new name), then hides it (the page closes)', async () => {
    const { page, errors } = await win.open()
    await archiveShown(page)
    const before = await openEntityFromReader(page, 'kirkuk', 'kirkuk/wire.txt', /^Hawija$/, /^Entity: Hawija$/)
    await before.getByRole('button', { name: 'Rename…' }).click()
    await before.getByRole('textbox', { name: 'New name' }).fill('Al-Hawija')
    await before.getByRole('textbox', { name: 'New name' }).press('Enter')
    const after = page.getByRole('region', { name: /^Entity: Al-Hawija$/ })
    await expect.poll(() => after.count()).toBe(1)
    const facets = async () => (await page.locator('entity-panel li').allTextContents()).join(' ')
    await expect.poll(facets).toMatch(/Al-Hawija/)
    await after.getByRole('button', { name: 'Hide (not an entity)' }).click()
    await expect.poll(() => page.getByRole('region', { name: /^Entity: / }).count()).toBe(0)
    await expect.poll(facets).not.toMatch(/Hawija/)
    expect(errors).toEqual([])
  })
})
