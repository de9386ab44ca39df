// The real `dateline` command (bin/dateline.js) as users and scripts run it.
import { utimesSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runDateline } from './run-dateline'
import { writeFixtureArchive, type FixtureArchive } from '../fixtures/archive'

const dateline = (...args: string[]) => runDateline(args)

let fx: FixtureArchive

beforeAll(() => {
  fx = writeFixtureArchive()
})

describe('dateline CLI', () => {
  it('search indexes a new archive first, then answers in JSON', async () => {
    const r = await dateline('search', fx.root, 'haddad -lantern', '--data', fx.dataDir, '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out).toMatchObject({ query: 'haddad -lantern', total: 2 })
    expect(out.hits.map((h: { path: string }) => h.path).sort()).toEqual(['scraped/harbour-strike-copy.txt', 'wire/harbour-strike.txt'])
    for (const h of out.hits) {
      expect(Object.keys(h).sort()).toEqual(['path', 'score', 'snippet', 'title'])
      expect(h.snippet).toMatch(/<mark>Haddad<\/mark>/)
    }
  })

  it('index --json reports counts, skipped files with reasons, and only what changed', async () => {
    const first = JSON.parse((await dateline('index', fx.root, '--data', fx.dataDir, '--json')).stdout)
    expect(first).toMatchObject({ documents: 5, added: 0, updated: 0, removed: 0 })
    expect(first.skipped).toContainEqual({ path: 'notes/picture.jpg', reason: 'unsupported file type (.jpg)' })
    expect(typeof first.ms).toBe('number')

    const t = new Date(Date.now() + 10_000)
    utimesSync(path.join(fx.root, 'wire/harbour-strike.txt'), t, t)
    const second = JSON.parse((await dateline('index', fx.root, '--data', fx.dataDir, '--json')).stdout)
    // touched, same bytes: read again, counted unchanged (nothing in it changed for the user)
    expect(second).toMatchObject({ documents: 5, added: 0, updated: 0, unchanged: 5, removed: 0, processed: ['wire/harbour-strike.txt'] })
    expect(second.segments.built).toBe(0)
  })

  it('prints a readable summary without --json', async () => {
    const r = await dateline('index', fx.root, '--data', fx.dataDir)
    expect(r.stdout).toMatch(/^5 documents indexed \(0 added, 0 updated, 0 removed, 5 unchanged\)/)
    expect(r.stdout).toContain('notes/garbage.txt: binary file')
  })

  it('exits 2 with a dateline: message for query and usage errors, 1 for other failures', async () => {
    const bad = await dateline('search', fx.root, 'title:', '--data', fx.dataDir, '--json')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^dateline: "title:" needs a word after it/)
    expect(bad.stdout).toBe('')
    expect((await dateline('search', fx.root, '"unclosed', '--data', fx.dataDir)).code).toBe(2)
    expect((await dateline('frobnicate', fx.root)).code).toBe(2)
    expect((await dateline('search', fx.root, 'x', '--limit', 'many', '--data', fx.dataDir)).code).toBe(2)
    const missing = await dateline('index', path.join(fx.root, 'nope'), '--data', fx.dataDir)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^dateline: Archive folder not found/)
  })

  it('index --text-only makes the text searchable and leaves the analysis; status reports both phases; index finishes it', async () => {
    const archive = writeFixtureArchive()
    const data = ['--data', archive.dataDir]
    const first = JSON.parse((await dateline('index', archive.root, '--text-only', ...data, '--json')).stdout)
    expect(first).toMatchObject({ documents: 5, added: 5, pending: 5 })
    const status = JSON.parse((await dateline('status', archive.root, ...data, '--json')).stdout)
    expect(status).toMatchObject({ documents: 5, analysed: 0 })
    expect((await dateline('status', archive.root, ...data)).stdout).toMatch(/^analysis: 0 of 5 articles analysed; the rest are searchable/m)
    const found = JSON.parse((await dateline('search', archive.root, 'dockworkers', ...data, '--json')).stdout)
    expect(found.hits.map((h: { path: string }) => h.path).sort()).toEqual(['scraped/harbour-strike-copy.txt', 'wire/harbour-strike.txt'])

    const second = await dateline('index', archive.root, ...data)
    expect(second.stdout).toMatch(/^5 documents indexed \(0 added, 0 updated, 0 removed, 5 unchanged\)/)
    expect(second.stdout).toMatch(/^analysed 5 articles \(entities, dates, events, stories\) in \d+\.\d\d s$/m)
    expect(JSON.parse((await dateline('status', archive.root, ...data, '--json')).stdout)).toMatchObject({ documents: 5, analysed: 5 })
    expect((await dateline('status', archive.root, ...data)).stdout).toMatch(/^analysis: complete/m)
  })

  it('index --help lists its options, --text-only among them', async () => {
    const r = await dateline('index', '--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Usage:\n  dateline index <archive> \[--text-only\]/)
    expect(r.stdout).toMatch(/^  --text-only +return after phase 1/m)
    const unknown = await dateline('frobnicate', '--help')
    expect(unknown.code).toBe(2)
  })
})
