// #25 item 2: a lock left by a dead process, taken over by several live ones at once: before the
// takeover guard, two takers that both read the dead pid could each remove the lock, the second
// removing the first's fresh one, and both held it.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const CONTENDER = path.resolve('test/fixtures/lock-contender.ts')

function contend(dir: string, log: string, rounds: number, deadPid: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CONTENDER, dir, log, String(rounds), String(deadPid)], { stdio: 'inherit' })
    child.on('exit', (code) => resolve(code))
  })
}

describe('taking over a dead owner’s lock', () => {
  it('lets exactly one of four processes hold the lock at a time, across 40 takings and 20 crashes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-lock-race-'))
    const log = path.join(dir, 'log.txt')
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!
    writeFileSync(path.join(dir, 'write.lock'), String(deadPid)) // a crash before anyone starts
    writeFileSync(log, '')
    const codes = await Promise.all([0, 1, 2, 3].map(() => contend(dir, log, 10, deadPid)))
    expect(codes).toEqual([0, 0, 0, 0])
    const lines = readFileSync(log, 'utf8').trim().split('\n')
    expect(lines.length).toBe(80)
    // holders never overlap: every "enter" is followed by the same process's "leave"
    for (let i = 0; i < lines.length; i += 2) {
      const [what, pid] = lines[i]!.split(' ')
      expect(what, `line ${i}: ${lines.slice(Math.max(0, i - 2), i + 3).join(' | ')}`).toBe('enter')
      expect(lines[i + 1]).toBe(`leave ${pid}`)
    }
  }, 120_000)
})
