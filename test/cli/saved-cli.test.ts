// Saved searches (#24): save one, add a matching article, and the list and the run say "1 new";
// run again: nothing new. A changed article counts as new. Bad names and unknown searches get messages.
import { appendFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeFixtureArchive, type FixtureArchive } from '../fixtures/archive'
import { runDateline } from './run-dateline'

let fx: FixtureArchive
const dateline = (...args: string[]) => runDateline([...args, '--data', fx.dataDir])

beforeAll(async () => {
  fx = writeFixtureArchive()
  await dateline('index', fx.root)
}, 60_000)

describe('dateline saved', () => {
  it('tells what is new since a saved search last ran', async () => {
    expect((await dateline('saved', fx.root, 'add', 'Port strike', 'dockworkers')).stdout.trim()).toBe('saved "Port strike"')
    let list = JSON.parse((await dateline('saved', fx.root, '--json')).stdout)
    expect(list).toMatchObject([{ name: 'Port strike', query: 'dockworkers', newSince: 0 }])
    writeFileSync(path.join(fx.root, 'wire', 'strike-day-two.txt'), 'Dockworkers stay out for a second day\n\nDockworkers at Port Selwyn stayed away for a second day on Wednesday.\n')
    await dateline('index', fx.root)
    list = JSON.parse((await dateline('saved', fx.root, '--json')).stdout)
    expect(list[0].newSince).toBe(1)
    const run = JSON.parse((await dateline('saved', fx.root, 'run', 'port strike', '--json')).stdout)
    expect(run.new).toEqual(['wire/strike-day-two.txt'])
    expect(run.hits.find((h: { path: string }) => h.path === 'wire/strike-day-two.txt').new).toBe(true)
    // seen now; a change to a matching article makes it new again
    expect(JSON.parse((await dateline('saved', fx.root, '--json')).stdout)[0].newSince).toBe(0)
    appendFileSync(path.join(fx.root, 'wire', 'harbour-strike.txt'), '\nUpdate: talks resume on Friday.\n')
    await dateline('index', fx.root)
    expect(JSON.parse((await dateline('saved', fx.root, 'run', 'Port strike', '--json')).stdout).new).toEqual(['wire/harbour-strike.txt'])
  }, 120_000)

  it('refuses a taken name, a bad query and an unknown search with messages', async () => {
    await dateline('saved', fx.root, 'add', 'Ferries', 'ferry')
    const taken = await dateline('saved', fx.root, 'add', 'ferries', 'boat')
    expect(taken.stderr).toMatch(/already saved as "ferries"/)
    expect((await dateline('saved', fx.root, 'add', 'broken', 'title:')).stderr).toMatch(/needs a word after it/)
    expect((await dateline('saved', fx.root, 'run', 'nothing')).stderr).toMatch(/No saved search "nothing"; saved: /)
    expect((await dateline('saved', fx.root, 'delete', 'Ferries')).stdout.trim()).toBe('deleted "Ferries"')
    expect(JSON.parse((await dateline('saved', fx.root, '--json')).stdout).map((s: { name: string }) => s.name)).not.toContain('Ferries')
  }, 120_000)
})
