// #22 item 5: every correction is listed in words and can be taken back; a merge is unmerged.
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { writeFixtureArchive } from '../fixtures/archive'

describe('the corrections history', () => {
  it('lists corrections newest first in words, and undoing a merge (with its new name) gives both entities back', async () => {
    const fx = writeFixtureArchive()
    const svc = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    await svc.update()
    const [a, b] = svc.entities({ type: 'place', limit: 2 })
    const before = svc.entities({ limit: 1000 }).length
    await svc.curate({ op: 'hide', id: a!.id })
    await svc.curate({ op: 'unhide', id: a!.id })
    const merged = await svc.curate({ op: 'merge', ids: [a!.id, b!.id], name: 'Both Places' })
    expect(merged.name).toBe('Both Places')
    const list = svc.corrections()
    expect(list.map((c) => c.text)).toEqual([`Merged 2 entities into Both Places`, `Showed Both Places again`, `Hid Both Places`])
    expect(svc.entities({ limit: 1000 })).toHaveLength(before - 1)

    const left = await svc.undoCorrection(list[0]!.index)
    expect(left.map((c) => c.op)).toEqual(['unhide', 'hide'])
    expect(svc.entities({ limit: 1000 })).toHaveLength(before)
    expect(svc.entity(a!.id).name).toBe(a!.name)
    expect(svc.entity(b!.id).name).toBe(b!.name)
    // the undo is kept on disk too
    const reopened = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    expect(reopened.corrections().map((c) => c.op)).toEqual(['unhide', 'hide'])
  })

  it('says so when the correction to undo is gone', async () => {
    const fx = writeFixtureArchive()
    const svc = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    await svc.update()
    await expect(svc.undoCorrection(3)).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/no longer in the list/) })
  })
})
