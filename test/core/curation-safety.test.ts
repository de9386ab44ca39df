// #25 item 3: a correction that would damage the archive is refused, and a damaged corrections
// file never makes the archive unusable.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { writeFixtureArchive } from '../fixtures/archive'

describe('entity corrections that could damage the archive', () => {
  it('refuses to merge an entity with itself (also by another of its names), and the archive stays usable', async () => {
    const fx = writeFixtureArchive()
    const svc = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    await svc.update()
    const [e] = svc.entities({ limit: 1 })
    await expect(svc.curate({ op: 'merge', ids: [e!.id, e!.id] })).rejects.toMatchObject({ code: 'usage', message: expect.stringMatching(/one entity already/) })
    const again = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    expect(again.entities({ limit: 1 })[0]!.id).toBe(e!.id)
    expect(again.search('', { entities: [e!.id] }).total).toBeGreaterThan(0)
  })

  it('opens an archive whose corrections file has a bad operation: the good ones apply, status says what was left out', async () => {
    const fx = writeFixtureArchive()
    const svc = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    await svc.update()
    const [a] = svc.entities({ limit: 1 })
    await svc.curate({ op: 'hide', id: a!.id })
    const file = path.join(svc.indexDir, 'curation.json')
    const json = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8'))
    json.ops.push({ op: 'merge', keys: ['x', 'x'], at: 'now' })
    writeFileSync(file, JSON.stringify(json))
    const reopened = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    expect(reopened.status().notices?.[0]).toMatch(/operation 2 merges fewer than two/)
    expect(reopened.entity(a!.id).hidden).toBe(true)
    expect(reopened.search('', { limit: 1 }).total).toBeGreaterThan(0)
  })
})
