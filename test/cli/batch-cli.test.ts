// Batch search (#24): a list of names, each searched on its own (several words as a phrase), with
// how many articles match and the first and last publication date; a bad line says why.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeFixtureArchive, type FixtureArchive } from '../fixtures/archive'
import { TIMELINE_FILES } from '../fixtures/timeline'
import { runDateline, runDatelineWithInput } from './run-dateline'

let fx: FixtureArchive

beforeAll(() => {
  fx = writeFixtureArchive()
  for (const [rel, text] of Object.entries(TIMELINE_FILES)) {
    mkdirSync(path.dirname(path.join(fx.root, 'timeline', rel)), { recursive: true })
    writeFileSync(path.join(fx.root, 'timeline', rel), text)
  }
})

describe('dateline batch', () => {
  it('counts the articles of each line, with their first and last dates', async () => {
    const list = path.join(path.dirname(fx.root), 'names.txt')
    writeFileSync(list, 'Daniel al-Haddad\nPort Selwyn\n\nNobody Of That Name\ntitle:\nPort Selwyn\n')
    const r = await runDateline(['batch', fx.root, list, '--data', fx.dataDir, '--json'])
    expect(r.code).toBe(0)
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(rows.map((x: { line: string }) => x.line)).toEqual(['Daniel al-Haddad', 'Port Selwyn', 'Nobody Of That Name', 'title:'])
    expect(rows[0]).toMatchObject({ query: '"Daniel al-Haddad"', count: 3 })
    expect(rows[1].count).toBeGreaterThanOrEqual(3)
    expect(rows[2]).toMatchObject({ count: 0, first: null, last: null })
    expect(rows[3].error).toMatch(/needs a word after it/)
    // the first and last dates are the known publication dates of the matches
    const dated = JSON.parse((await runDateline(['search', fx.root, 'geneva', '--data', fx.dataDir, '--json'])).stdout).total
    const geneva = JSON.parse((await runDatelineWithInput(['batch', fx.root, '-', '--data', fx.dataDir, '--json'], 'Geneva\n')).stdout)
    expect(geneva).toMatchObject({ line: 'Geneva', count: dated })
    expect(geneva.first <= geneva.last).toBe(true)
  }, 120_000)
})
