import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireLock } from '../../../../src-main/core/store/lock'

describe('write lock', () => {
  it('lets one writer in, refuses a second while the first holds it, and frees it on release', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-lock-'))
    const lock = await acquireLock(dir)
    expect(readFileSync(path.join(dir, 'write.lock'), 'utf8')).toBe(String(process.pid))
    await expect(acquireLock(dir)).rejects.toMatchObject({ code: 'locked' })
    await lock.release()
    await (await acquireLock(dir)).release()
  })

  it('takes over a lock whose process is gone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-lock-'))
    writeFileSync(path.join(dir, 'write.lock'), '999999999')
    const lock = await acquireLock(dir)
    expect(readFileSync(path.join(dir, 'write.lock'), 'utf8')).toBe(String(process.pid))
    await lock.release()
  })
})
