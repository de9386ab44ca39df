// `dateline export --results`: every result of a search as CSV or JSON, with outlet, date and its
// source, marks and entities; read back, the CSV has one row per result; a formula stays text;
// an existing file is never written over.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeFixtureArchive, type FixtureArchive } from '../fixtures/archive'
import { runDateline } from './run-dateline'
import { parseCsv } from '../fixtures/csv'

let fx: FixtureArchive
const dateline = (...args: string[]) => runDateline([...args, '--data', fx.dataDir])

beforeAll(async () => {
  fx = writeFixtureArchive()
  writeFileSync(path.join(fx.root, 'wire', 'formula.txt'), '=HYPERLINK("https://x.example","Dockworkers strike again")\n\nA title a spreadsheet would run; the dockworkers story, again.\n')
  await dateline('index', fx.root)
  await dateline('star', fx.root, 'wire/harbour-strike.txt')
  await dateline('tag', fx.root, 'wire/harbour-strike.txt', 'port-strike')
  await dateline('note', fx.root, 'wire/harbour-strike.txt', 'check, with "quotes"')
}, 120_000)

describe('dateline export --results', () => {
  it('writes every result as CSV that reads back, with marks and entities, and never over a file', async () => {
    const out = path.join(path.dirname(fx.root), 'results.csv')
    const r = await dateline('export', fx.root, '--results', 'dockworkers', '--out', out)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/exported 3 results to/)
    const rows = parseCsv(readFileSync(out, 'utf-8'))
    expect(rows[0]).toEqual(['path', 'title', 'outlet', 'author', 'url', 'published', 'publishedSource', 'score', 'starred', 'tags', 'notes', 'people', 'organizations', 'places'])
    expect(rows.slice(1).map((x) => x[0]).sort()).toEqual(['scraped/harbour-strike-copy.txt', 'wire/formula.txt', 'wire/harbour-strike.txt'])
    const wire = rows.find((x) => x[0] === 'wire/harbour-strike.txt')!
    expect(wire[8]).toBe('true')
    expect(wire[9]).toBe('port-strike')
    expect(wire[10]).toBe('check, with "quotes"')
    expect(wire[11]).toMatch(/Haddad/)
    expect(rows.find((x) => x[0] === 'wire/formula.txt')![1]).toMatch(/^'=HYPERLINK/)
    const again = await dateline('export', fx.root, '--results', 'dockworkers', '--out', out)
    expect(again.code).not.toBe(0)
    expect(again.stderr).toMatch(/exists; choose another file/)
  }, 60_000)

  it('writes JSON with the same rows', async () => {
    const r = await dateline('export', fx.root, '--results', 'is:starred', '--format', 'json')
    const j = JSON.parse(r.stdout)
    expect(j).toMatchObject({ query: 'is:starred', total: 1, results: [{ path: 'wire/harbour-strike.txt', starred: true, tags: ['port-strike'], notes: ['check, with "quotes"'] }] })
    expect(existsSync(path.join(fx.root, 'results.csv'))).toBe(false)
  }, 60_000)

  it('exports the entity list as CSV and JSON', async () => {
    const csv = (await dateline('export', fx.root, '--entities')).stdout.trim().split('\r\n')
    expect(csv[0]).toBe('id,type,name,aliases,documents')
    expect(csv.find((l) => l.includes(',person,Daniel Al-Haddad,'))).toMatch(/,3$/)
    const j = JSON.parse((await dateline('export', fx.root, '--entities', '--format', 'json')).stdout)
    expect(j.total).toBe(csv.length - 1)
    expect(j.entities[0].documents).toBeGreaterThanOrEqual(j.entities.at(-1).documents)
  }, 60_000)
})
