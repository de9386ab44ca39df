// #25 item 2: the app and the CLI both open on one archive; each change to the user's own files
// (dates set by hand, entity corrections) is made to the file as it is on disk, so neither
// process's work is lost to the other's stale copy.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { runDateline } from '../cli/run-dateline'
import { writeFixtureArchive } from '../fixtures/archive'

describe('two processes changing the user\'s files', () => {
  it('keeps the dates and the corrections both made', async () => {
    const fx = writeFixtureArchive()
    const app = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    await app.update()
    const [d1, d2] = app.documents().map((d) => d.path).sort()
    const [e1, e2] = app.entities({ limit: 2 })

    // the CLI, in its own process, while the app is open
    expect((await runDateline(['date', fx.root, d2!, '2016-05-04', '--data', fx.dataDir])).code).toBe(0)
    expect((await runDateline(['entity', 'hide', fx.root, e2!.id, '--data', fx.dataDir])).code).toBe(0)
    // then the app, whose copies of both files predate the CLI's changes
    await app.setPublicationDate(d1!, '2015-01-02')
    await app.curate({ op: 'hide', id: e1!.id })

    const fresh = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    expect(fresh.published(d1!)).toMatchObject({ date: '2015-01-02', source: 'user' })
    expect(fresh.published(d2!)).toMatchObject({ date: '2016-05-04', source: 'user' })
    const hidden = fresh.entities({ includeHidden: true, limit: 1000 }).filter((e) => e.hidden).map((e) => e.id)
    expect(hidden.sort()).toEqual([e1!.id, e2!.id].sort())
    expect(path.isAbsolute(fresh.indexDir)).toBe(true)
  }, 120_000)
})
