/**
 * The query campaign of #25: N generated queries (default 10,000) through the core's search on a
 * generated archive, then a sample through the `dateline search` command. Counts crashes (an
 * exception that is not a user-facing error), queries over the time bound, and error messages
 * that are not clear (empty, a stack trace, "undefined", "[object"). Exits 1 when any is found.
 *
 *   npm run fuzz:queries -- [--count 10000] [--seed 1] [--articles 2000] [--cli 200] [--bound-ms 2000]
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { generateArchive } from '../../bench/generate'
import { ArchiveService } from '../../src-main/core/api'
import { DatelineError } from '../../src-main/core/errors'
import { generatedQuery } from './queries'
import { unclearMessage } from './clear'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    articles: { type: 'string', default: '2000' },
    cli: { type: 'string', default: '200' },
    'bound-ms': { type: 'string', default: '2000' },
    help: { type: 'boolean', default: false }
  }
})
if (values.help) {
  console.log('npm run fuzz:queries -- [--count 10000] [--seed 1] [--articles 2000] [--cli 200] [--bound-ms 2000]')
  process.exit(0)
}
const count = Number(values.count)
const seed = Number(values.seed)
const bound = Number(values['bound-ms'])

const base = mkdtempSync(path.join(tmpdir(), 'dateline-fuzz-'))
const root = path.join(base, 'archive')
const data = path.join(base, 'data')
try {
  generateArchive(root, Number(values.articles))
  const svc = await ArchiveService.open(root, { dataDir: data })
  await svc.update()
  const extra = svc.entities({ limit: 40 }).map((e) => e.name.split(' ')[0]!.toLowerCase())

  let crashes = 0
  let unclear = 0
  let errors = 0
  const times: number[] = []
  const slow: string[] = []
  const examples = new Map<string, string>()
  for (let i = 0; i < count; i++) {
    const q = generatedQuery(seed, i, extra)
    const t0 = performance.now()
    try {
      svc.search(q, { limit: 20, ...(i % 3 === 0 ? { sort: 'date' as const } : {}) })
    } catch (err) {
      if (!(err instanceof DatelineError)) {
        crashes++
        console.log(`CRASH #${i} ${JSON.stringify(q.slice(0, 120))}: ${err instanceof Error ? err.stack : String(err)}`)
      } else {
        errors++
        const why = unclearMessage(err.message)
        if (why) {
          unclear++
          console.log(`UNCLEAR #${i} ${JSON.stringify(q.slice(0, 120))}: ${why}: ${JSON.stringify(err.message)}`)
        } else if (examples.size < 12) examples.set(err.message.replace(/"[^"]*"/g, '"…"').slice(0, 60), err.message)
      }
    }
    const ms = performance.now() - t0
    times.push(ms)
    if (ms > bound) slow.push(`#${i} ${ms.toFixed(0)} ms ${JSON.stringify(q.slice(0, 120))}`)
  }
  await svc.close()
  times.sort((a, b) => a - b)
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1)
  console.log(`core: ${count} queries on ${values.articles} articles; ${crashes} crashes, ${slow.length} over ${bound} ms, ${errors} refused with a message (${unclear} unclear); median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${times[times.length - 1]!.toFixed(0)} ms`)
  for (const s of slow) console.log(`SLOW ${s}`)
  console.log('some messages:')
  for (const m of examples.values()) console.log(`  ${m}`)

  // the command line: the same queries (NUL cannot be passed in a command's arguments)
  const cliCount = Number(values.cli)
  let cliBad = 0
  let cliRefused = 0
  const bin = path.resolve('bin/dateline.js')
  for (let i = 0, n = 0; n < cliCount && i < count; i++) {
    const q = generatedQuery(seed, i, extra)
    if (q.includes('\0')) continue
    n++
    let code = 0
    let stderr = ''
    try {
      execFileSync(process.execPath, [bin, 'search', root, q, '--data', data, '--limit', '5'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 })
    } catch (err) {
      const e = err as { status: number | null; stderr: Buffer }
      code = e.status ?? -1
      stderr = String(e.stderr ?? '')
    }
    if (code === 0) continue
    cliRefused++
    const why = code !== 2 ? `exit ${code}` : unclearMessage(stderr.trim())
    if (why) {
      cliBad++
      console.log(`CLI #${i} ${JSON.stringify(q.slice(0, 120))}: ${why}: ${JSON.stringify(stderr.slice(0, 300))}`)
    }
  }
  console.log(`cli: ${cliCount} queries; ${cliRefused} refused, ${cliBad} with a crash, a wrong exit code or an unclear message`)
  process.exitCode = crashes || slow.length || unclear || cliBad ? 1 : 0
} finally {
  rmSync(base, { recursive: true, force: true })
}
