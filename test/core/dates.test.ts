// Publication dates: evidence found in the text, resolution order, story inference, user dates.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { dayOf, parseYmd, ymd } from '../../src-main/core/dates/calendar'
import { findDateEvidence } from '../../src-main/core/dates/evidence'
import { resolvePublication } from '../../src-main/core/dates/publication'
import { tempDir } from '../fixtures/imports'
import { HISTORY, writeStoriesArchive } from '../fixtures/stories'

/** When each fixture was "really" published (we wrote them); null: nothing in the file can tell. */
const TRUTH: Record<string, string | null> = {
  'wire/levee-original.txt': '2019-04-11',
  'syndication/levee-copy.txt': '2019-04-11',
  'scraped/levee-stripped.txt': '2019-04-11',
  'blogs/levee-rewrite.txt': '2019-04-12',
  'paywall/levee-teaser.txt': '2019-04-11',
  'local/market-fire.txt': '2019-03-04',
  'local/levee-council.txt': null,
  'local/levee-history.txt': null,
  'opinion/river-essay.txt': null
}

describe('publication dates on the fixture archive', () => {
  let svc: ArchiveService
  let root: string
  beforeAll(async () => {
    let dataDir: string
    ;({ root, dataDir } = writeStoriesArchive())
    svc = await ArchiveService.open(root, { dataDir })
    await svc.update()
  }, 60_000)

  it('finds each date with its source, and says unknown rather than guess', () => {
    const got = Object.fromEntries(svc.documents().map((d) => [d.path, svc.published(d.id)]))
    expect(got['wire/levee-original.txt']).toMatchObject({ date: '2019-04-11', source: 'dateline', precision: 'day' })
    expect(got['syndication/levee-copy.txt']).toMatchObject({ date: '2019-04-11', source: 'dateline' })
    expect(got['blogs/levee-rewrite.txt']).toMatchObject({ date: '2019-04-12', source: 'header', earliest: '2019-04-12', latest: '2019-04-12' })
    // the scrape lost its dateline's punctuation: its date comes from its story
    expect(got['scraped/levee-stripped.txt']).toMatchObject({ date: '2019-04-11', source: 'story' })
    expect(got['paywall/levee-teaser.txt']).toMatchObject({ date: '2019-04-11', source: 'story' })
    // caption "March 3, 2019" (a Sunday) + "on Sunday night" + "on Monday": the week after March 3
    expect(got['local/market-fire.txt']).toMatchObject({ date: '2019-03-04', source: 'weekday', earliest: '2019-03-04', latest: '2019-03-09' })
    for (const p of ['local/levee-council.txt', 'local/levee-history.txt', 'opinion/river-essay.txt']) {
      expect(got[p], p).toMatchObject({ date: null, source: 'none', confidence: 0 })
    }
    let right = 0
    let dated = 0
    for (const [p, truth] of Object.entries(TRUTH)) {
      if (truth) dated++
      if (got[p]!.date === truth && truth) right++
      if (!truth) expect(got[p]!.date).toBeNull()
    }
    console.log(`publication dates: ${right}/${dated} dated fixtures exact, ${Object.values(TRUTH).filter((t) => !t).length} undatable left unknown`)
    expect(right).toBe(dated)
  })

  it('never takes the file date as the publication date', () => {
    for (const d of svc.documents()) {
      const p = svc.published(d.id)
      expect(p.fileDate).toBe('2026-11-22')
      expect(p.date).not.toBe('2026-11-22')
      expect(p.evidence.length > 0 || p.date === null).toBe(true)
    }
  })

  it('a date the user sets wins, flows to the story, and can be declared unknown or cleared', async () => {
    expect(await svc.setPublicationDate('wire/levee-original.txt', '2019-04-10')).toMatchObject({ date: '2019-04-10', source: 'user', confidence: 1 })
    // re-resolved from the new date: the scrape takes it, the teaser cannot predate its caption (April 10) either way
    expect(svc.published('scraped/levee-stripped.txt')).toMatchObject({ date: '2019-04-10', source: 'story' })
    expect(svc.published('paywall/levee-teaser.txt').date).toBe('2019-04-10')

    const unknown = await svc.setPublicationDate('wire/levee-original.txt', 'unknown')
    expect(unknown).toMatchObject({ date: null, source: 'user' })
    // the syndicated copy's own dateline still dates the story
    expect(svc.published('scraped/levee-stripped.txt').date).toBe('2019-04-11')

    expect(await svc.setPublicationDate('wire/levee-original.txt', null)).toMatchObject({ date: '2019-04-11', source: 'dateline' })
    await expect(svc.setPublicationDate('wire/levee-original.txt', '2019-02-30')).rejects.toThrow(/not a date/)
    await expect(svc.setPublicationDate('nowhere.txt', '2019-02-03')).rejects.toThrow(/not an indexed document/)
  })

  it('keeps the user date when the file is moved, and across a restart', async () => {
    await svc.setPublicationDate('opinion/river-essay.txt', '2019-04-20')
    renameSync(path.join(root, 'opinion/river-essay.txt'), path.join(root, 'opinion/essay-moved.txt'))
    await svc.update()
    const reopened = await ArchiveService.open(root, { dataDir: path.join(root, '..', 'data') })
    expect(reopened.published('opinion/essay-moved.txt')).toMatchObject({ date: '2019-04-20', source: 'user' })
  })
})

describe('dates follow the archive', () => {
  it('a newly arrived dated copy dates its undated original', async () => {
    const { root, dataDir } = writeStoriesArchive()
    const svc = await ArchiveService.open(root, { dataDir })
    await svc.update()
    expect(svc.published('local/levee-history.txt').date).toBeNull()
    writeFileSync(path.join(root, 'local/history-reprint.txt'), `Published: 2 June 2020\n\n${HISTORY}`)
    await svc.update()
    expect(svc.documentStory('local/history-reprint.txt')).toMatchObject({ role: 'copy', of: 'local/levee-history.txt' })
    expect(svc.published('local/levee-history.txt')).toMatchObject({ date: '2020-06-02', source: 'story', latest: '2020-06-02' })
    rmSync(path.join(root, 'local/history-reprint.txt'))
    await svc.update()
    expect(svc.published('local/levee-history.txt').date).toBeNull()
  }, 60_000)
})

describe('dates through stories pass only between reports of the same facts', () => {
  // a wire template: the same sentence frame for unrelated reports, only the figures and names differ
  const frame = (co: string, a: string, b: string, sales: string, div: string) =>
    `${co} said on Wednesday that its first-quarter net profit rose to ${a} million crowns from ${b} million crowns a year earlier, on sales of ${sales} million crowns, helped by strong demand for timber from builders in the north and lower costs for energy and transport.\n\nThe company said it expected demand to remain firm through the second quarter and that its board would propose a dividend of ${div} crowns a share at the annual meeting, unchanged from the previous year, subject to the approval of shareholders.\n`

  it('a report in the same frame with other figures takes no date from its story; a copy does', async () => {
    const root = tempDir('dates-template')
    mkdirSync(path.join(root, 'wire'), { recursive: true })
    writeFileSync(path.join(root, 'wire/kestrel.txt'), 'HARLOW, April 3, 2019 (Reuters) – ' + frame('Kestrel Mills Corp', '12.4', '9.1', '310', '1.20'))
    writeFileSync(path.join(root, 'wire/varn.txt'), frame('Varn Timber Holdings', '48.7', '31.5', '920', '2.10'))
    writeFileSync(path.join(root, 'wire/kestrel-copy.txt'), frame('Kestrel Mills Corp', '12.4', '9.1', '310', '1.20'))
    const svc = await ArchiveService.open(root, { dataDir: tempDir('dates-template-data') })
    await svc.update()
    // the shared frame makes the story module group it (text reuse is what it measures)…
    expect(svc.documentStory('wire/varn.txt')).toMatchObject({ role: 'copy', of: 'wire/kestrel.txt' })
    // …but its facts differ, so no date passes
    expect(svc.published('wire/varn.txt')).toMatchObject({ date: null, source: 'none' })
    expect(svc.published('wire/kestrel-copy.txt')).toMatchObject({ date: '2019-04-03', source: 'story' })
  }, 60_000)
})

describe('a partial date through its life: found, completed by a folder year, by the user, cleared', () => {
  it('completes "Feb 26" with the year the user gives its folder, dates the undated to the year, and leaves stated dates alone', async () => {
    const root = tempDir('dates-folder')
    mkdirSync(path.join(root, 'wire/feb'), { recursive: true })
    mkdirSync(path.join(root, 'other'), { recursive: true })
    writeFileSync(path.join(root, 'wire/feb/salvador.txt'), 'SALVADOR, Feb 26 - Dockworkers walked off the job at the port on Tuesday, officials said.\nREUTER\n')
    writeFileSync(path.join(root, 'wire/feb/undated.txt'), 'Talks on the harbour dispute will resume after a pause, both sides said in a statement.\n')
    writeFileSync(path.join(root, 'wire/feb/stated.txt'), 'Harbour talks\n3 March 1985\n\nTalks on the harbour dispute resumed.\n')
    writeFileSync(path.join(root, 'other/quito.txt'), 'QUITO, Feb 26 - The ferry service was cut on Tuesday, officials said.\n')
    const svc = await ArchiveService.open(root, { dataDir: tempDir('dates-folder-data') })
    await svc.update()
    // found: month and day, the year unknown — never guessed
    expect(svc.published('wire/feb/salvador.txt')).toMatchObject({ date: null, source: 'dateline', partial: { month: 2, day: 26 } })

    expect(await svc.setFolderYear('wire/', 1987)).toEqual({ folder: 'wire', year: 1987, documents: 3 })
    expect(svc.published('wire/feb/salvador.txt')).toMatchObject({ date: '1987-02-26', precision: 'day', source: 'folder' })
    expect(svc.published('wire/feb/salvador.txt').evidence[0]).toBe('the year 1987 you gave its folder')
    expect(svc.published('wire/feb/undated.txt')).toMatchObject({ date: '1987', precision: 'year', source: 'folder' })
    expect(svc.published('wire/feb/stated.txt')).toMatchObject({ date: '1985-03-03', source: 'header' })
    expect(svc.published('other/quito.txt')).toMatchObject({ date: null, partial: { month: 2, day: 26 } })

    // the user's own date for the article wins over the folder's year
    await svc.setPublicationDate('wire/feb/salvador.txt', '1988-02-26')
    expect(svc.published('wire/feb/salvador.txt')).toMatchObject({ date: '1988-02-26', source: 'user' })
    await svc.setPublicationDate('wire/feb/salvador.txt', null)

    // cleared: partial again; the hint survives a reopen until then
    const again = await ArchiveService.open(root, { dataDir: svc.dataDir })
    expect(again.published('wire/feb/salvador.txt')).toMatchObject({ date: '1987-02-26', source: 'folder' })
    await again.setFolderYear('wire', null)
    expect(again.published('wire/feb/salvador.txt')).toMatchObject({ date: null, partial: { month: 2, day: 26 } })

    await expect(again.setFolderYear('nowhere', 1987)).rejects.toThrow(/No indexed article is under "nowhere\/"/)
    await expect(again.setFolderYear('wire', 3000)).rejects.toThrow(/not a year a news article can have/)
    await expect(again.setFolderYear('../outside', 1987)).rejects.toThrow(/not a folder inside the archive/)
  }, 60_000)
})

describe('date evidence in the text', () => {
  const header = (t: string) => {
    const h = findDateEvidence(t).header
    return h && { date: ymd(h.day), precision: h.precision }
  }

  it('reads a date on a header line of its own, with or without words around it', () => {
    expect(header('Drought talks stall\n\n30 October, 2015\n\nBody text here.')).toEqual({ date: '2015-10-30', precision: 'day' })
    expect(header('Title\nPublished: 9 March 2015 14:05 GMT\nBody.')).toEqual({ date: '2015-03-09', precision: 'day' })
    expect(header('Title\nBy Amal Rahman | March 8, 2015\nBody.')).toEqual({ date: '2015-03-08', precision: 'day' })
    expect(header('Title\nTuesday, March 10, 2015\nBody.')).toEqual({ date: '2015-03-10', precision: 'day' })
    expect(header('Monthly review\nOctober 2015\nBody.')).toEqual({ date: '2015-10-01', precision: 'month' })
  })

  it('reads numeric header dates as news databases print them: MM/DD/YY, YYYYMMDD, with a time, or day-first with dots', () => {
    expect(header('Ferry crews walk out\n11/02/89\nBody.')).toEqual({ date: '1989-11-02', precision: 'day' })
    expect(header('Ferry crews walk out\n19891102\nBody.')).toEqual({ date: '1989-11-02', precision: 'day' })
    expect(header('Ferry crews walk out\n02/13/1998 14:26:00\nBody.')).toEqual({ date: '1998-02-13', precision: 'day' })
    expect(header('Ferry crews walk out\n13.02.98\nBody.')).toEqual({ date: '1998-02-13', precision: 'day' })
    // the first number cannot be a month: day first
    expect(header('Ferry crews walk out\n25/12/2014\nBody.')).toEqual({ date: '2014-12-25', precision: 'day' })
    // not a date: no such day, a number in a table, a year out of range
    expect(header('Ferry crews walk out\n02/30/1998\nBody.')).toBeUndefined()
    expect(header('Ferry crews walk out\n42051205\nBody.')).toBeUndefined()
  })

  it('does not take a date inside a headline or a sentence as the header', () => {
    expect(header('The siege that ended on March 8, 2015 changed the town forever\nBody.')).toBeUndefined()
    expect(header('Title\nThe council met on 3 May 2016 and agreed to nothing at all.\n')).toBeUndefined()
  })

  it('reads wire datelines; one without a year is a partial date, never completed by a guess from the text', async () => {
    const ev = findDateEvidence('Title\n\nBEIRUT, March 8 (Reuters) – Shelling resumed after the truce signed on February 27, 2016 collapsed.')
    expect(ev.dateline).toMatchObject({ month: 3, day: 8 })
    expect(ev.dateline!.year).toBeUndefined()
    const [p] = [...resolvePublication([{ id: 'a', evidence: ev, mtimeMs: 0 }], [], (id) => id).values()]
    expect(p).toMatchObject({ date: null, partial: { month: 3, day: 8 }, source: 'dateline' })
    expect(p!.evidence[0]).toMatch(/year is unknown/)
    expect(findDateEvidence('PORT SELWYN, 3 March 2021 (AFP) - Text.').dateline).toMatchObject({ year: 2021, month: 3, day: 3 })
  })

  it('reads ISO datelines, with a region after the city', () => {
    for (const line of ['LONDON 1996-12-06', 'NABLUS , West Bank 1996-08-22', 'SAN JOSE, Costa Rica 1996-08-26', 'NEW YORK (Reuters) 1996-12-06 -']) {
      const ev = findDateEvidence(`Headline of the story\n${line}\nThe text follows on Sunday.`)
      const [p] = [...resolvePublication([{ id: 'a', evidence: ev, mtimeMs: 0 }], [], (id) => id).values()]
      expect(p, line).toMatchObject({ date: line.match(/\d{4}-\d{2}-\d{2}/)![0], source: 'dateline' })
    }
  })

  it('completes a partial date from the file\'s path, but only when month and day agree', () => {
    const ev = findDateEvidence('Title\n\nSALVADOR, Feb 26 - Cocoa growers met.')
    const resolve = (path: string) => resolvePublication([{ id: 'a', path, evidence: ev, mtimeMs: 0 }], [], (id) => id).get('a')!
    expect(resolve('wire/1987/19870226-cocoa.txt')).toMatchObject({ date: '1987-02-26', source: 'path' })
    expect(resolve('wire/1987/19870301-cocoa.txt')).toMatchObject({ date: null, partial: { month: 2, day: 26 } })
  })

  it('takes a date in the path as evidence: a day, or a month folder', () => {
    const none = findDateEvidence('Title\n\nNothing dated here.')
    const resolve = (path: string) => resolvePublication([{ id: 'a', path, evidence: none, mtimeMs: 0 }], [], (id) => id).get('a')!
    expect(resolve('2015/03/09/ceasefire.txt')).toMatchObject({ date: '2015-03-09', source: 'path' })
    expect(resolve('news/2015-03-09-ceasefire.md')).toMatchObject({ date: '2015-03-09' })
    expect(resolve('archive/2015/03/ceasefire.txt')).toMatchObject({ date: '2015-03', precision: 'month' })
    expect(resolve('reports/report-12345678.txt').date).toBeNull() // not a real day
    expect(resolve('scans/20991231.txt').date).toBeNull() // not a plausible year
    // the folder an import made is the day of the import, not of the article
    expect(resolve('Imported/2026-11-22/ceasefire.txt').date).toBeNull()
    expect(resolve('Imported/2026-11-22/2015/03/09/ceasefire.txt').date).toBe('2015-03-09')
  })

  it('says unknown, with both, when the dates an article states disagree; a day apart is one date', () => {
    const resolve = (text: string, path?: string) => resolvePublication([{ id: 'a', ...(path ? { path } : {}), evidence: findDateEvidence(text), mtimeMs: 0 }], [], (id) => id).get('a')!
    expect(resolve('Ferry strike\n9 March 2015\n\nKESTRELPORT, March 8, 2015 (Reuters) – Crews walked out.')).toMatchObject({ date: '2015-03-09', source: 'header' })
    const conflict = resolve('Ferry strike\n9 March 2015\n\nKESTRELPORT, Feb 20, 2015 (Reuters) – Crews walked out.')
    expect(conflict).toMatchObject({ date: null, source: 'conflict' })
    expect(conflict.evidence[0]).toBe('conflicting: header line "9 March 2015" (2015-03-09) and dateline "Feb 20, 2015" (2015-02-20)')
    expect(resolve('Ferry strike\n9 March 2015\n\nCrews walked out.', '2014/06/01/ferry.txt')).toMatchObject({ date: null, source: 'conflict' })
    expect(resolve('Ferry strike\n9 March 2015\n\nCrews walked out.', '2015/03/ferry.txt')).toMatchObject({ date: '2015-03-09', source: 'header' })
  })

  it('takes no table row or far-off year for a header date, and no bond maturity for a past event', () => {
    const table = findDateEvidence('APR 7 4205\n\nCocoa prices rose.')
    expect(table.header).toBeUndefined()
    expect(table.mentions).toEqual([])
    const ev = findDateEvidence('Title\n\nThe notes are due Nov. 1, 2009, the company said on Monday.')
    expect(ev.mentions.map((m) => m.future)).toEqual([true])
  })

  it('takes past dates as lower bounds, ignores future ones and relative words', () => {
    const ev = findDateEvidence(
      'Title\n\nThe ceasefire agreed on January 4, 2017 held for a week. Talks will resume on March 20, 2017 in Geneva. Last week and three days ago something happened, now it is quiet.'
    )
    expect(ev.mentions.map((m) => [ymd(m.day), !!m.future])).toEqual([
      ['2017-01-04', false],
      ['2017-03-20', true]
    ])
    const [p] = [...resolvePublication([{ id: 'a', evidence: ev, mtimeMs: 0 }], [], (id) => id).values()]
    expect(p).toMatchObject({ date: null, earliest: '2017-01-04', latest: null, source: 'text', confidence: 0 })
  })

  it('uses weekdays only when they are consistent with a recent date', () => {
    // "March 17, 2014" is a Monday; the text never says Monday: no weekday window
    const ev = findDateEvidence('A video released on March 17, 2014 shows fighters. On Friday the group denied it.')
    const [p] = [...resolvePublication([{ id: 'a', evidence: ev, mtimeMs: 0 }], [], (id) => id).values()]
    expect(p).toMatchObject({ date: null, earliest: '2014-03-17', source: 'text' })
  })

  it('warns when a stated date is earlier than an event the text reports as past', () => {
    const ev = findDateEvidence('Title\n2 May 2018\n\nThe bridge reopened on June 3, 2018, officials said.')
    const [p] = [...resolvePublication([{ id: 'a', evidence: ev, mtimeMs: 0 }], [], (id) => id).values()]
    expect(p!.date).toBe('2018-05-02')
    expect(p!.evidence.join(' ')).toMatch(/warning/)
  })
})

describe('calendar', () => {
  it('parses user dates strictly', () => {
    expect(parseYmd('2015-10-30')).toBe(dayOf(2015, 10, 30))
    expect(parseYmd('2016-02-29')).toBe(dayOf(2016, 2, 29))
    for (const bad of ['2015-02-29', '2015-13-01', '30/10/2015', '2015-1-3', '']) expect(parseYmd(bad), bad).toBeUndefined()
  })
})
