// #25 items 7 and 10: reading an archive file never blocks on a pipe put in its place, and never
// reads past the size limit a file grew beyond after the scan.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readArchiveFile } from '../../../../src-main/core/archive/read-file'

const dir = () => mkdtempSync(path.join(tmpdir(), 'dateline-read-file-'))

describe('reading an archive file', () => {
  it('reads a regular file', async () => {
    const f = path.join(dir(), 'a.txt')
    writeFileSync(f, 'Ferry talks resume')
    const r = await readArchiveFile(f, 1000)
    expect(r.ok && Buffer.from(r.bytes).toString()).toBe('Ferry talks resume')
  })

  it('refuses a file over the limit when it is read, with the reason', async () => {
    const f = path.join(dir(), 'big.txt')
    writeFileSync(f, 'x'.repeat(5000))
    expect(await readArchiveFile(f, 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/too large/) })
  })

  it.skipIf(process.platform === 'win32' || spawnSync('mkfifo', ['--version']).status !== 0)('refuses a named pipe instead of waiting on it forever', async () => {
    const f = path.join(dir(), 'pipe.txt')
    expect(spawnSync('mkfifo', [f]).status).toBe(0)
    // a blocking read would hang here until the test times out
    expect(await readArchiveFile(f, 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a regular file/) })
  })

  it('says a missing file is unreadable', async () => {
    expect(await readArchiveFile(path.join(dir(), 'gone.txt'), 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/unreadable/) })
  })
})
