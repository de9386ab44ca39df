import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireLock } from '../../../../src-main/core/store/lock'

describe('write lock', () => {
  it('holds the lock with its pid, and frees it on release', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-lock-'))
    const lock = await acquireLock(dir)
    expect(readFileSync(path.join(dir, 'write.lock'), 'utf8')).toBe(String(process.pid))
    await lock.release()
    expect(existsSync(path.join(dir, 'write.lock'))).toBe(false)
  })

  it('refuses while another live process holds it, or waits for it to be released', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-lock-'))
    // another live process: the one that started this test
    writeFileSync(path.join(dir, 'write.lock'), String(process.ppid))
    await expect(acquireLock(dir)).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(new RegExp(`pid ${process.ppid}`)) })
    setTimeout(() => rmSync(path.join(dir, 'write.lock')), 300)
    const lock = await acquireLock(dir, 30_000)
    expect(readFileSync(path.join(dir, 'write.lock'), 'utf8')).toBe(String(process.pid))
    await lock.release()
  })

  it('takes over a lock whose process is gone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-lock-'))
    writeFileSync(path.join(dir, 'write.lock'), '999999999')
    const lock = await acquireLock(dir)
    expect(readFileSync(path.join(dir, 'write.lock'), 'utf8')).toBe(String(process.pid))
    await lock.release()
  })
})
