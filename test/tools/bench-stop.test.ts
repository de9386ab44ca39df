// A benchmark stopped halfway (Ctrl+C, a terminal closed, kill) leaves no phase running: each
// phase is its own process group, killed whole (#23 "a killed bench leaves no child running").
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/** Processes whose command line runs one of the bench's phases. */
function benchPhases(): number[] {
  const pids: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    let cmd = ''
    try {
      cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8')
    } catch {
      continue // gone meanwhile
    }
    if (cmd.includes('bench/peer.mts')) pids.push(Number(name))
  }
  return pids
}

describe.runIf(process.platform === 'linux')('npm run bench, stopped', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s while a phase runs: the bench exits and no phase is left running', async (signal) => {
    const before = new Set(benchPhases())
    const bench = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--docs', '300', '--peers', 'lunr'], { stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    bench.stderr.on('data', (d) => (err += d))
    // a phase is running once it has been announced and its process exists
    await expect.poll(() => /build…/.test(err) && benchPhases().some((p) => !before.has(p)), { timeout: 60_000, interval: 50 }).toBe(true)
    const exited = new Promise<number | null>((resolve) => bench.on('exit', (code) => resolve(code)))
    bench.kill(signal)
    expect(await exited).toBe(130)
    expect(err).toMatch(new RegExp(`bench: ${signal}, stopped`))
    await expect.poll(() => benchPhases().filter((p) => !before.has(p)), { timeout: 5_000, interval: 50 }).toEqual([])
  }, 90_000)
})
