// The timeline command of the real `dateline` CLI, on the timeline fixture archive.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runDateline } from './run-dateline'
import { writeTimelineArchive } from '../fixtures/timeline'

let root: string
let dataDir: string

const dateline = (...args: string[]) => runDateline([...args, '--data', dataDir])

beforeAll(() => {
  ;({ root, dataDir } = writeTimelineArchive())
})

describe('dateline timeline', () => {
  it('--json gives each dated event once with its range, precision, count, places and sources', async () => {
    const r = await dateline('timeline', root, '--json')
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.undated).toBe(0)
    expect(out.unresolved).toBe(1) // "last week" in the undated Basra article
    const strike = out.events.find((e: { count: number | null }) => e.count === 23)
    expect(strike).toMatchObject({ start: '2019-11-01', end: '2019-11-01', precision: 'day', independentSources: 2 })
    expect(strike.id).toMatch(/^ev_[0-9a-f]{12}$/)
    for (const s of strike.sources) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['path', 'sentence', 'offsets', 'dateText', 'basis']))
      expect(s.basis).toBe('published')
      expect(readFileSync(path.join(root, s.path), 'utf8').slice(s.offsets[0], s.offsets[1])).toBe(s.sentence)
    }
    expect(strike.places.length).toBeGreaterThan(0)
    expect(strike.places.every((id: string) => typeof out.entities[id]?.name === 'string')).toBe(true)
    // in time order
    const starts = out.events.map((e: { start: string }) => e.start)
    expect([...starts].sort()).toEqual(starts)
  }, 60_000)

  it('filters by --query, --entity and --from/--to', async () => {
    const q = JSON.parse((await dateline('timeline', root, '--query', 'kirkuk', '--json')).stdout)
    expect(q.events.length).toBeGreaterThan(0)
    expect(q.events.every((e: { sources: Array<{ path: string }> }) => e.sources.some((s) => s.path.startsWith('kirkuk/')))).toBe(true)
    const w = JSON.parse((await dateline('timeline', root, '--from', '2019-01-01', '--to', '2019-12-31', '--json')).stdout)
    expect(w.events.length).toBeGreaterThan(0)
    expect(w.events.every((e: { start: string; end: string }) => e.end >= '2019-01-01' && e.start <= '2019-12-31')).toBe(true)
    const places = JSON.parse((await dateline('entities', root, '--type', 'place', '--query', 'Idlib', '--json')).stdout)
    const idlib = places.entities[0].id
    const e = JSON.parse((await dateline('timeline', root, '--entity', idlib, '--json')).stdout)
    expect(e.events.map((x: { count: number | null }) => x.count)).toContain(23)
    const bad = await dateline('timeline', root, '--from', '2019-02-30')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/not a date/)
  }, 60_000)

  it('--format timelinejs and csv export, and --out never overwrites a file', async () => {
    const js = JSON.parse((await dateline('timeline', root, '--format', 'timelinejs')).stdout)
    expect(js.events.length).toBeGreaterThan(5)
    expect(js.events.every((e: { start_date: { year: number } }) => Number.isInteger(e.start_date.year))).toBe(true)
    const csv = (await dateline('timeline', root, '--format', 'csv')).stdout
    expect(csv.split('\r\n')[0]).toMatch(/^event_id,status,start_date,end_date,precision,/)
    const file = path.join(path.dirname(root), 'timeline.json')
    writeFileSync(file, 'keep me')
    const r = await dateline('timeline', root, '--format', 'timelinejs', '--out', file)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/already exists/)
    expect(readFileSync(file, 'utf8')).toBe('keep me')
    const fresh = path.join(path.dirname(root), 'timeline2.json')
    expect((await dateline('timeline', root, '--format', 'timelinejs', '--out', fresh)).code).toBe(0)
    expect(existsSync(fresh)).toBe(true)
    expect(JSON.parse(readFileSync(fresh, 'utf8')).events.length).toBe(js.events.length)
  }, 60_000)

  it('--format sources lists each event once per article reporting it, with the sentence quoted', async () => {
    const r = await dateline('timeline', root, '--format', 'sources', '--entity', 'place:kirkuk')
    expect(r.code, r.stderr).toBe(0)
    const rows = r.stdout.split('\r\n')
    expect(rows[0]).toBe('event_id,event,start_date,end_date,status,source,published,role,date_as_written,dated_by,sentence')
    const body = rows.slice(1)
    expect(body.map((x) => x.split(',')[5]).sort()).toEqual(['kirkuk/rewrite.txt', 'kirkuk/scrape.txt', 'kirkuk/wire.txt'])
    for (const x of body) expect(x).toMatch(/^[^,]+,attack ×7 — Kirkuk,2016-04-10,2016-04-10,dated,/)
    // the wire copy's row quotes its own sentence, with its publication date
    expect(body.find((x) => x.includes(',kirkuk/wire.txt,'))).toMatch(/,kirkuk\/wire\.txt,2016-04-12,.*"?.*police.*"?$/i)
  }, 60_000)

  it('dating an undated article with `dateline date` puts its relative events on the calendar', async () => {
    expect((await dateline('date', root, 'basra/protest.txt', '2018-07-18')).code).toBe(0)
    const out = JSON.parse((await dateline('timeline', root, '--json')).stdout)
    expect(out.unresolved).toBe(0)
    const arrest = out.events.find((e: { sources: Array<{ path: string }> }) => e.sources[0]!.path === 'basra/protest.txt')
    expect(arrest).toMatchObject({ start: '2018-07-09', end: '2018-07-15', precision: 'week', count: 12 })
  }, 60_000)

  it('prints a readable list without --json', async () => {
    const r = await dateline('timeline', root, '--undated')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^2016-02-01 … 2016-02-29 \(month\)/m)
    expect(r.stdout).toMatch(/dated events; 0 undated, 0 unresolved/)
  }, 60_000)
})
