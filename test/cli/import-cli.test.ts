// `dateline import` and `dateline watch` as users and scripts run them: a real process, real files.
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { binaryBytes, articleText, tempDir, uniqueName, utf16leBytes, writeArticles } from '../fixtures/imports'
import { AS_USER, CAN_RUN_AS_USER, runDateline, runDatelineAs } from './run-dateline'

const BIN = path.resolve('bin/dateline.js')

describe('dateline import', () => {
  it('prints the documented JSON, exits 0 despite rejected files, and the articles are searchable', async () => {
    const base = tempDir('cli-import')
    const archive = path.join(base, 'archive')
    const data = path.join(base, 'data')
    writeArticles(archive, 2)
    const drop = path.join(base, 'drop')
    mkdirSync(drop)
    writeFileSync(path.join(drop, 'new.txt'), articleText(200))
    writeFileSync(path.join(drop, 'wide.txt'), utf16leBytes(articleText(201)))
    writeFileSync(path.join(drop, 'again.txt'), articleText(1))
    writeFileSync(path.join(drop, 'image.txt'), binaryBytes())
    writeFileSync(path.join(drop, 'nothing.txt'), '')

    const r = await runDateline(['import', archive, drop, '--data', data, '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['imported', 'duplicates', 'rejected', 'ms']))
    expect(out.imported.map((f: { to: string }) => path.basename(f.to))).toEqual(['new.txt', 'wide.txt'])
    expect(out.imported[0]).toEqual({ from: path.join(drop, 'new.txt'), to: expect.stringMatching(/^Imported\/\d{4}-\d\d-\d\d\/drop\/new\.txt$/) })
    expect(out.duplicates).toEqual([{ from: path.join(drop, 'again.txt'), existing: 'article-0001.txt' }])
    expect(out.rejected).toEqual([
      { from: path.join(drop, 'image.txt'), reason: expect.stringMatching(/^binary file/) },
      { from: path.join(drop, 'nothing.txt'), reason: 'empty file' }
    ])
    expect(typeof out.ms).toBe('number')

    const found = await runDateline(['search', archive, uniqueName(201), '--data', data, '--json'])
    expect(JSON.parse(found.stdout).hits.map((h: { path: string }) => h.path)).toEqual([out.imported[1].to])
  })

  it('exits 1 when the archive itself is unusable, 2 when nothing is given to import', async () => {
    const base = tempDir('cli-import-bad')
    writeFileSync(path.join(base, 'a.txt'), articleText(3))
    const missing = await runDateline(['import', path.join(base, 'no-archive'), path.join(base, 'a.txt'), '--data', path.join(base, 'd')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/Archive folder not found/)
    const nothing = await runDateline(['import', base, '--data', path.join(base, 'd')])
    expect(nothing.code).toBe(2)
    const badSize = await runDateline(['import', base, path.join(base, 'a.txt'), '--max-size', 'lots'])
    expect(badSize.code).toBe(2)
  })

  it('applies --max-size and --into', async () => {
    const base = tempDir('cli-import-opts')
    const archive = path.join(base, 'archive')
    mkdirSync(archive)
    writeFileSync(path.join(base, 'long.txt'), articleText(4).repeat(400)) // about 160 KB
    writeFileSync(path.join(base, 'short.txt'), articleText(5))
    const r = await runDateline(['import', archive, path.join(base, 'long.txt'), path.join(base, 'short.txt'), '--max-size', '0.1', '--into', 'Inbox', '--data', path.join(base, 'd'), '--json'])
    const out = JSON.parse(r.stdout)
    expect(out.imported).toEqual([{ from: path.join(base, 'short.txt'), to: 'Inbox/short.txt' }])
    expect(out.rejected).toEqual([{ from: path.join(base, 'long.txt'), reason: expect.stringMatching(/^too large \(0\.\d MB, limit 0\.1 MB\)$/) }])
  })

  // Root reads every file, so the real permission check runs the command as the unprivileged "nobody"
  // (possible when the checkout is readable by others, as a normal clone is).
  it.skipIf(!CAN_RUN_AS_USER)('rejects a file the user may not read, with the reason, and imports the rest', async () => {
    const base = tempDir('cli-import-perm')
    chmodSync(base, 0o777)
    const archive = path.join(base, 'archive')
    const drop = path.join(base, 'drop')
    mkdirSync(archive, { mode: 0o777 })
    mkdirSync(drop, { mode: 0o777 })
    chmodSync(archive, 0o777)
    writeFileSync(path.join(drop, 'open.txt'), articleText(6))
    writeFileSync(path.join(drop, 'locked.txt'), articleText(7))
    chmodSync(path.join(drop, 'open.txt'), 0o644)
    chmodSync(path.join(drop, 'locked.txt'), 0o000)
    const r = await runDatelineAs(['import', archive, drop, '--data', path.join(base, 'data'), '--json'], AS_USER)
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.imported.map((f: { from: string }) => path.basename(f.from))).toEqual(['open.txt'])
    expect(out.rejected).toEqual([{ from: path.join(drop, 'locked.txt'), reason: 'permission denied (cannot read)' }])
  })
})

describe('dateline watch', () => {
  it('prints one line per change while it runs and stops cleanly on SIGTERM', async () => {
    const base = tempDir('cli-watch')
    const archive = path.join(base, 'archive')
    writeArticles(archive, 2)
    writeFileSync(path.join(archive, 'before-start.txt'), articleText(300))
    const child = spawn(process.execPath, [BIN, 'watch', archive, '--data', path.join(base, 'data')], { env: { ...process.env, DATELINE_DATA: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const waitFor = async (re: RegExp) => {
      const t0 = Date.now()
      while (!re.test(stdout + stderr)) {
        if (Date.now() - t0 > 20_000) throw new Error(`timed out waiting for ${re}; got:\n${stdout}\n${stderr}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    }
    await waitFor(/watching/)
    writeFileSync(path.join(archive, 'later.txt'), articleText(301))
    await waitFor(/added later\.txt/)
    writeFileSync(path.join(archive, 'noise.txt'), binaryBytes(300))
    await waitFor(/rejected noise\.txt/)
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve)
      child.kill('SIGTERM')
    })
    expect(code).toBe(0)
    expect(stdout.trim().split('\n')).toEqual([
      'added article-0000.txt',
      'added article-0001.txt',
      'added before-start.txt',
      'added later.txt',
      expect.stringMatching(/^rejected noise\.txt: binary file/)
    ])
    expect(readdirSync(archive).sort()).toEqual(['article-0000.txt', 'article-0001.txt', 'before-start.txt', 'later.txt', 'noise.txt'])
  })
})
