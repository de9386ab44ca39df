// #25 item 1: the app (or `dateline watch`) and a CLI import on one archive. The import ran in
// another process; the app's next update used to build on its stale manifest, reuse the import's
// segment id and overwrite it: the imported articles became permanently unsearchable.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { runDateline } from '../cli/run-dateline'
import { articleText, tempDir, uniqueName, writeArticles } from '../fixtures/imports'

describe('two writers on one archive', () => {
  it('an update in the app after a CLI import in another process keeps the imported articles', async () => {
    const base = tempDir('two-writers')
    const archive = path.join(base, 'archive')
    const dataDir = path.join(base, 'data')
    writeArticles(archive, 5)
    const app = await ArchiveService.open(archive, { dataDir, workers: false })
    await app.update()

    const drop = path.join(base, 'drop')
    writeArticles(drop, 20, 100)
    const imported = await runDateline(['import', archive, drop, '--data', dataDir, '--json'])
    expect(imported.code, imported.stderr).toBe(0)
    expect(JSON.parse(imported.stdout).imported).toHaveLength(20)

    // the app's watcher sees a new file and updates just that path
    writeFileSync(path.join(archive, 'late.txt'), articleText(500))
    const report = await app.updatePaths(['late.txt'])
    expect(report.documents).toBe(26)
    expect(app.search(uniqueName(110)).total).toBe(1) // the app sees the import too

    // a fresh process finds everything, and has nothing to repair or re-read
    const fresh = await ArchiveService.open(archive, { dataDir, workers: false })
    expect(fresh.documentCount).toBe(26)
    for (const k of [100, 110, 119, 500]) expect(fresh.search(uniqueName(k)).total, `article ${k}`).toBe(1)
    const again = await fresh.update()
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, repaired: [] })
  }, 120_000)
})
