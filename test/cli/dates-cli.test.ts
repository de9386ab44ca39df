// `dateline dates`: every date expression of one article, resolved against its publication date
// as it stands, with the rule behind each (#20). The article is written for this test.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runDateline } from './run-dateline'

const ARTICLE = `Ferry strike spreads

KESTRELPORT, 2015-10-28 – Ferry crews walked out last week, and the union said on Sunday that talks had failed. The final vote will be held on Sunday. The strike has lasted 12 days and the harbour is now closed.
`

interface DatesJson {
  path: string
  published: { date: string | null; source: string }
  dates: Array<{ start: number; end: number; text: string; kind: string; range: { start: string; end: string; precision: string } | null; length?: string; anchor: string | null; rule: string }>
}

describe('dateline dates', () => {
  it('lists each date expression with its span, range and rule, and follows a corrected publication date', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dateline-dates-'))
    const data = mkdtempSync(path.join(tmpdir(), 'dateline-dates-data-'))
    writeFileSync(path.join(root, 'ferry.txt'), ARTICLE)
    const r = await runDateline(['dates', root, 'ferry.txt', '--json', '--data', data])
    expect(r.code, r.stderr).toBe(0)
    const d = JSON.parse(r.stdout) as DatesJson
    expect(d.published.date).toBe('2015-10-28')
    const byText = (t: string) => d.dates.filter((x) => x.text === t)
    for (const x of d.dates) expect(ARTICLE.slice(x.start, x.end)).toBe(x.text)
    expect(byText('last week')[0]).toMatchObject({ kind: 'date', anchor: 'publication', range: { start: '2015-10-19', end: '2015-10-25', precision: 'week' } })
    // the same weekday, past in one sentence and ahead in the next
    expect(byText('Sunday').map((x) => x.range?.start)).toEqual(['2015-10-25', '2015-11-01'])
    expect(byText('12 days')[0]).toMatchObject({ kind: 'duration', length: 'P12D', range: null })
    expect(byText('now')[0]).toMatchObject({ kind: 'present', range: { start: '2015-10-28' } })

    // the user corrects the publication date: everything relative follows
    expect((await runDateline(['date', root, 'ferry.txt', '2015-11-04', '--data', data])).code).toBe(0)
    const after = JSON.parse((await runDateline(['dates', root, 'ferry.txt', '--json', '--data', data])).stdout) as DatesJson
    expect(after.dates.find((x) => x.text === 'last week')?.range).toMatchObject({ start: '2015-10-26', end: '2015-11-01' })

    const text = await runDateline(['dates', root, 'ferry.txt', '--data', data])
    expect(text.stdout).toMatch(/"Sunday"\s+date: 2015-11-08 \(day\) — weekday, the next one \(future tense\)/)
  })

  it('date --folder gives the files under a folder their year, and --clear takes it back', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dateline-folder-'))
    const data = mkdtempSync(path.join(tmpdir(), 'dateline-folder-data-'))
    const { mkdirSync } = await import('node:fs')
    mkdirSync(path.join(root, '1987'))
    writeFileSync(path.join(root, '1987', 'salvador.txt'), 'SALVADOR, Feb 26 - Dockworkers walked off the job on Tuesday, officials said.\n')
    const set = await runDateline(['date', root, '--folder', '1987', '1987', '--json', '--data', data])
    expect(set.code, set.stderr).toBe(0)
    expect(JSON.parse(set.stdout)).toEqual({ folder: '1987', year: 1987, documents: 1 })
    const doc = JSON.parse((await runDateline(['doc', root, '1987/salvador.txt', '--json', '--data', data])).stdout) as { published: { date: string; source: string } }
    expect(doc.published).toMatchObject({ date: '1987-02-26', source: 'folder' })
    expect((await runDateline(['date', root, '--folder', '1987', '--clear', '--data', data])).stdout).toMatch(/1987\/: no year/)
    const bad = await runDateline(['date', root, '--folder', '1987', '87', '--data', data])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/give the folder and the year/)
  })

  it('says what to give when the path is missing', async () => {
    const r = await runDateline(['dates', mkdtempSync(path.join(tmpdir(), 'dateline-dates-'))])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/dates: give the document path/)
  })
})
