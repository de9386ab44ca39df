/**
 * npm run bench:import [-- N]: time from dropping a new article into an archive of N documents
 * (default 10,000) to it being found by search — through the import path (copy + targeted index
 * update + first search) and through the live watcher (another program writes into the folder).
 * Also a 1,000-file drop and a 5,000-file burst written straight into the folder.
 * Uses the bench archive from `npm run bench` (built here if missing). Prints JSON and a table.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ArchiveService } from '../src-main/core/api'
import { keepArchiveLive } from '../src-main/core/live'
import { ensureArchive } from './generate'

const n = Number(process.argv[2] ?? 10_000)
const archive = ensureArchive(n)
const dataDir = path.resolve('.bench', `data-${n}`)
const scratch = path.resolve('.bench', 'import-src')
rmSync(scratch, { recursive: true, force: true })
mkdirSync(scratch, { recursive: true })
const target = 'zz-bench-imports'
rmSync(path.join(archive, target), { recursive: true, force: true })

let t = performance.now()
const svc = await ArchiveService.open(archive, { dataDir })
const first = await svc.update()
const openAndReconcileMs = performance.now() - t
svc.search('warm up')
// what the app and `dateline watch` do right after opening, before the user drops anything
t = performance.now()
await svc.warmUp()
const warmUpMs = performance.now() - t

const word = (i: number) => `benchword${i}x`
const article = (i: number, extra = '') =>
  `Ferry service resumes at ${word(i)}\n\nThe harbour office of ${word(i)} said on Monday that the ferry would run twice a day from next week.${extra}\n`

// 1. import one file, five times: copy + index + the first search that finds it
const importMs: number[] = []
const searchAfterMs: number[] = []
for (let i = 0; i < 5; i++) {
  const f = path.join(scratch, `one-${i}.txt`)
  writeFileSync(f, article(i))
  const t0 = performance.now()
  const r = await svc.importFiles([f], { target })
  const t1 = performance.now()
  const found = svc.search(word(i)).total
  const t2 = performance.now()
  if (r.imported.length !== 1 || found !== 1) throw new Error(`import ${i} not searchable (${found})`)
  importMs.push(t1 - t0)
  searchAfterMs.push(t2 - t1)
}

// 2. the live path: another program writes into the archive; the watcher (300 ms quiet period) indexes it
const watcher = await keepArchiveLive(svc, {})
const liveMs: number[] = []
for (let i = 10; i < 15; i++) {
  const t0 = performance.now()
  writeFileSync(path.join(archive, target, `live-${i}.txt`), article(i))
  while (svc.search(word(i)).total !== 1) await new Promise((r) => setTimeout(r, 10))
  liveMs.push(performance.now() - t0)
}
watcher.close()

// 3. a 1,000-file drop through import
const drop = path.join(scratch, 'drop')
mkdirSync(drop)
for (let i = 100; i < 1100; i++) writeFileSync(path.join(drop, `d-${i}.txt`), article(i, ' '.repeat(i % 7)))
t = performance.now()
const big = await svc.importFiles([drop], { target })
const drop1000Ms = performance.now() - t
if (big.imported.length !== 1000 || svc.search(word(1099)).total !== 1) throw new Error('1,000-file drop incomplete')

// 4. a 5,000-file burst written straight into the folder while watching: how many index updates
const burstDir = path.join(archive, target, 'burst')
let updates = 0
const w2 = await keepArchiveLive(svc, { onReport: () => updates++ })
t = performance.now()
mkdirSync(burstDir)
for (let i = 2000; i < 7000; i++) writeFileSync(path.join(burstDir, `b-${i}.txt`), article(i))
while (svc.search(word(6999)).total !== 1) await new Promise((r) => setTimeout(r, 50))
const burstMs = performance.now() - t
await w2.idle()
w2.close()

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const result = {
  documents: first.documents,
  openAndReconcileMs: Math.round(openAndReconcileMs),
  warmUpMs: Math.round(warmUpMs),
  importOneMedianMs: Math.round(median(importMs)),
  firstSearchAfterImportMedianMs: Math.round(median(searchAfterMs)),
  importToSearchableMedianMs: Math.round(median(importMs.map((x, i) => x + searchAfterMs[i]!))),
  importToSearchableMaxMs: Math.round(Math.max(...importMs.map((x, i) => x + searchAfterMs[i]!))),
  liveWriteToSearchableMedianMs: Math.round(median(liveMs)),
  drop1000Ms: Math.round(drop1000Ms),
  burst5000Ms: Math.round(burstMs),
  burst5000IndexUpdates: updates,
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024)
}
// leave the bench archive as it was
rmSync(path.join(archive, target), { recursive: true, force: true })
await svc.update()
console.log(JSON.stringify(result))
console.log(`| ${Object.keys(result).join(' | ')} |\n|${Object.keys(result).map(() => '---').join('|')}|\n| ${Object.values(result).join(' | ')} |`)
