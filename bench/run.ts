/**
 * npm run bench [-- --docs 1000,10000] [--peers lunr,minisearch,recoll,rg] [--phase-minutes 30] [--details]
 * For each size: generate a deterministic archive of N articles (bench/generate.ts), then for
 * Dateline and each peer measure, each phase in a fresh process (bench/peer.mts): full build
 * (time, docs/s, MB/s of article files, peak RSS, index size), and start → first answered query, query latency
 * median/p95 over the fixed mixed query set (bench/queries.ts), RSS after load, one new file →
 * searchable. Peers: one plain Lunr index (positions on), MiniSearch, Recoll (recollcmd) and
 * ripgrep; a missing one is skipped with a line saying so. Ratios are Dateline ÷ peer.
 * Writes .bench/results.json and .bench/results.md. Not part of the tests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { ensureArchive } from './generate'

const argv = process.argv.slice(2)
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(`npm run bench -- [--docs 1000,10000] [--peers lunr,minisearch,recoll,rg] [--phase-minutes 30] [--details]

Generates (once) a deterministic archive per size under .bench/, then builds and queries it with
Dateline and each peer, every phase in a fresh process, and prints a table and Dateline ÷ peer
ratios (also .bench/results.md and .bench/results.json). Dateline's build is measured as its two
phases: phase 1 (text searchable: phase1DocsPerSec, firstSearchableMs for its first segment of
firstSearchableDocs articles) and phase 2 (analysis: phase2Ms); buildMs and docsPerSec are both.
  --docs           archive sizes (default 1000)
  --peers          peers to run beside Dateline (a missing program is skipped with a note)
  --phase-minutes  time allowed to each build or query phase before it is reported as failed
  --details        Dateline extras: entity extraction speed, stories, adding a copy`)
  process.exit(0)
}
const flag = (name: string) => {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 ? argv[i + 1] : undefined
}
const sizes = (flag('docs') ?? argv.find((a) => /^\d+$/.test(a)) ?? '1000').split(',').map(Number).filter((n) => n > 0)
const wanted = (flag('peers') ?? 'lunr,minisearch,recoll,rg').split(',').filter(Boolean)
/** each phase of each engine gets this long before it is reported as failed */
const phaseMinutes = Number(flag('phase-minutes') ?? 30)
/**
 * Each phase runs as its own process group (a peer's own children, recollindex, in it), killed
 * whole when the bench is interrupted or terminated, or when a phase runs out of time: a stopped
 * bench leaves nothing running. (A SIGKILL of the bench itself cannot be caught: peer.mts then
 * exits on its own once it sees its parent gone.)
 */
const running = new Set<ChildProcess>()
const killGroup = (c: ChildProcess) => {
  try {
    process.kill(-c.pid!, 'SIGKILL')
  } catch {
    /* already gone */
  }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    for (const c of running) killGroup(c)
    console.error(`bench: ${sig}, stopped (no phase left running)`)
    process.exit(130)
  })
}
function runNode(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], detached: true })
    running.add(child)
    let out = ''
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child)
    }, timeoutMs)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      running.delete(child)
      killGroup(child) // anything the phase left behind in its group
      if (code === 0) resolve(out)
      // (out of time: reported as the timeout it is, not as the kill that ended it)
      else reject(Object.assign(new Error(`exited with ${code ?? signal}`), { status: code, signal: timedOut ? 'SIGTERM' : signal }))
    })
  })
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
const available: Record<string, string | null> = {
  lunr: null,
  minisearch: null,
  recoll: has('recollindex') && has('recollq') ? null : 'recollindex/recollq not installed (Debian: apt-get install recollcmd)',
  rg: has('rg') ? null : 'rg not installed (Debian: apt-get install ripgrep)'
}

type Row = Record<string, number | string | boolean | Record<string, number>>
const results: Array<{ n: number; engine: string } & Row> = []
const md: string[] = []
for (const n of sizes) {
  const archive = ensureArchive(n)
  const engines = ['dateline', ...wanted]
  for (const engine of engines) {
    const skip = available[engine]
    if (skip) {
      md.push(`- ${n} docs: ${engine} skipped: ${skip}`)
      console.error(`${engine}: skipped (${skip})`)
      continue
    }
    const work = path.resolve('.bench', `peer-${engine}-${n}`)
    const phase = async (p: string): Promise<Row> => {
      const out = await runNode(['--expose-gc', '--import', 'tsx', 'bench/peer.mts', engine, p, archive, work, String(process.pid)], phaseMinutes * 60_000)
      return JSON.parse(out.trim().split('\n').pop()!) as Row
    }
    try {
      console.error(`${engine} @ ${n}: build…`)
      const build = await phase('build')
      console.error(`${engine} @ ${n}: query…`)
      const query = await phase('query')
      results.push({ n, engine, ...build, ...query })
    } catch (err) {
      // a peer that runs out of memory or time is a result too: say so and go on
      const e = err as { signal?: string; status?: number; message: string }
      const why = e.signal === 'SIGTERM' ? `no result within ${phaseMinutes} minutes` : `exited with ${e.status ?? e.signal} (${e.message.split('\n')[0]})`
      md.push(`- ${n} docs: ${engine} failed: ${why}`)
      console.error(`${engine} @ ${n}: failed: ${why}`)
    }
  }
}
writeFileSync('.bench/results.json', JSON.stringify(results, null, 2))

const cols = ['buildMs', 'docsPerSec', 'phase1DocsPerSec', 'phase2Ms', 'firstSearchableMs', 'firstSearchableDocs', 'mbPerSec', 'peakRssMB', 'indexMB', 'loadAndFirstQueryMs', 'queryMedianMs', 'queryP95Ms', 'queriesRun', 'rssAfterLoadMB', 'addOneSearchableMs']
const table = [`| docs | engine | ${cols.join(' | ')} |`, `|---|---|${cols.map(() => '---').join('|')}|`]
for (const r of results) table.push(`| ${r.n} | ${r.engine} | ${cols.map((c) => r[c] ?? '').join(' | ')} |`)
// Dateline ÷ peer for the targets' measures (lower is better for times and memory; higher for docs/s)
// phase 1 alone against each peer's whole build too (the peers do no analysis)
const ratioCols = ['docsPerSec', 'phase1DocsPerSec', 'peakRssMB', 'queryP95Ms', 'loadAndFirstQueryMs', 'addOneSearchableMs']
table.push('', `| docs | Dateline ÷ peer | ${ratioCols.join(' | ')} |`, `|---|---|${ratioCols.map(() => '---').join('|')}|`)
for (const n of sizes) {
  const d = results.find((r) => r.n === n && r.engine === 'dateline')
  if (!d) continue
  for (const r of results.filter((x) => x.n === n && x.engine !== 'dateline')) {
    const ratio = (c: string) => {
      const a = Number(d[c])
      const b = Number(r[c === 'phase1DocsPerSec' ? 'docsPerSec' : c])
      return b > 0 ? (a / b).toFixed(2) : 'n/a'
    }
    table.push(`| ${n} | ${r.engine} | ${ratioCols.map(ratio).join(' | ')} |`)
  }
}
const text = [...table, '', ...md].join('\n')
writeFileSync('.bench/results.md', text + '\n')
console.log(text)

if (argv.includes('--details')) {
  // Dateline-only extras (entity extraction speed, stories, adding a copy) from bench/index-once.ts
  for (const n of sizes) {
    const out = await runNode(['--import', 'tsx', 'bench/index-once.ts', path.resolve('.bench', `archive-${n}`), path.resolve('.bench', `data-${n}`)], phaseMinutes * 60_000)
    console.log(`details @ ${n}: ${out.trim().split('\n').pop()}`)
  }
}
