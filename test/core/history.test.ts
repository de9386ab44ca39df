// The search history (#24): kept in the data folder, the same search moving to the end instead of
// repeating, most recent first, cleared on request; the CLI lists and clears it.
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { writeFixtureArchive } from '../fixtures/archive'
import { runDateline } from '../cli/run-dateline'

describe('the search history', () => {
  it('keeps each search once, most recent first, and clears', async () => {
    const fx = writeFixtureArchive()
    const svc = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    await svc.update()
    await svc.recordSearch({ query: 'haddad' })
    await svc.recordSearch({ query: 'ferry', entities: ['place:port-selwyn'] })
    await svc.recordSearch({ query: 'haddad' })
    expect((await svc.searchHistory()).map((h) => [h.query, h.entities])).toEqual([['haddad', undefined], ['ferry', ['place:port-selwyn']]])
    const listed = await runDateline(['history', fx.root, '--data', fx.dataDir])
    expect(listed.stdout.trim().split('\n').map((l) => l.slice(18))).toEqual(['haddad', 'ferry  +place:port-selwyn'])
    const cleared = await runDateline(['history', fx.root, '--clear', '--data', fx.dataDir, '--json'])
    expect(JSON.parse(cleared.stdout)).toEqual({ cleared: 2 })
    expect(await svc.searchHistory()).toEqual([])
  }, 60_000)
})
