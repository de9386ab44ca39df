// #25 item 4: an archive that cannot be read is not an empty one. An unreadable archive folder is
// an error that keeps the index (it emptied it, exit 0); an unreadable subfolder keeps its
// documents; and `index` deletes no file of the archive (it deleted import temp names).
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleText, tempDir, writeArticles } from '../fixtures/imports'
import { AS_USER, CAN_RUN_AS_USER, runDateline, runDatelineAs } from './run-dateline'

function archive(): { base: string; root: string; data: string } {
  const base = tempDir('cli-unreadable')
  chmodSync(base, 0o777)
  const root = path.join(base, 'archive')
  writeArticles(root, 3)
  mkdirSync(path.join(root, 'sub'))
  writeFileSync(path.join(root, 'sub', 'inner.txt'), articleText(50))
  const data = path.join(base, 'data')
  mkdirSync(data, { mode: 0o777 })
  chmodSync(data, 0o777)
  for (const d of [root, path.join(root, 'sub')]) chmodSync(d, 0o777)
  return { base, root, data }
}

describe('an archive that cannot be read', () => {
  it.skipIf(!CAN_RUN_AS_USER)('keeps the index when the archive folder cannot be read, and the documents of a folder that cannot', async () => {
    const { root, data } = archive()
    const first = await runDatelineAs(['index', root, '--data', data, '--json'], AS_USER)
    expect(first.code, first.stderr).toBe(0)
    expect(JSON.parse(first.stdout).documents).toBe(4)

    chmodSync(path.join(root, 'sub'), 0o000)
    const sub = await runDatelineAs(['index', root, '--data', data, '--json'], AS_USER)
    chmodSync(path.join(root, 'sub'), 0o777)
    expect(sub.code, sub.stderr).toBe(0)
    const report = JSON.parse(sub.stdout)
    expect(report.documents).toBe(4)
    expect(report.removed).toBe(0)
    expect(report.skipped).toContainEqual({ path: 'sub/', reason: expect.stringMatching(/unreadable folder/) })

    chmodSync(root, 0o000)
    const whole = await runDatelineAs(['index', root, '--data', data, '--json'], AS_USER)
    chmodSync(root, 0o777)
    expect(whole.code).toBe(1)
    expect(whole.stderr).toMatch(/cannot be read .*the index is kept as it was/)
    const status = await runDatelineAs(['status', root, '--data', data, '--json'], AS_USER)
    expect(JSON.parse(status.stdout).documents).toBe(4)
  }, 60_000)

  it('index deletes no file of the archive, whatever its name', async () => {
    const { root, data } = archive()
    // named like an import's temporary copy of another machine, or of the old naming
    const names = ['.dateline-import-99999999-abcdef.tmp', '.dateline-import-0123abcd-99999999-abcdef.tmp']
    for (const n of names) writeFileSync(path.join(root, n), 'not ours')
    const r = await runDateline(['index', root, '--data', data])
    expect(r.code, r.stderr).toBe(0)
    for (const n of names) expect(existsSync(path.join(root, n)), n).toBe(true)
  }, 60_000)
})
