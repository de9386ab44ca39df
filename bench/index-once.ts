/** One measurement in a fresh process: full index build of an archive, then a few queries. Prints JSON. */
import { rmSync } from 'node:fs'
import { ArchiveService } from '../src-main/core/api'

const [archive, dataDir] = process.argv.slice(2) as [string, string]
rmSync(dataDir, { recursive: true, force: true })
const t0 = performance.now()
const svc = await ArchiveService.open(archive, { dataDir })
const report = await svc.update()
const buildMs = performance.now() - t0
const peakRssMB = process.resourceUsage().maxRSS / 1024

const queries = ['haddad', 'strike port', '"is fragile"', 'flood OR explosion', 'kestr*', 'okafr~1', 'title:ceasefire -valmora', '4,000']
const lat: number[] = []
const perQuery: Record<string, number> = {}
for (let pass = 0; pass < 3; pass++) for (const q of queries) {
  const t = performance.now()
  svc.search(q, { limit: 20 })
  const ms = performance.now() - t
  lat.push(ms)
  if (pass === 2) perQuery[q] = +ms.toFixed(2)
}
console.error(JSON.stringify(perQuery))
lat.sort((a, b) => a - b)
const t1 = performance.now()
const reopened = await ArchiveService.open(archive, { dataDir })
reopened.search('haddad')
const loadMs = performance.now() - t1

console.log(JSON.stringify({
  documents: report.documents,
  buildMs: Math.round(buildMs),
  docsPerSec: Math.round(report.documents / (buildMs / 1000)),
  peakRssMB: Math.round(peakRssMB),
  segments: report.segments.total,
  loadAndFirstQueryMs: Math.round(loadMs),
  queryMedianMs: +lat[Math.floor(lat.length / 2)]!.toFixed(2),
  queryP95Ms: +lat[Math.floor(lat.length * 0.95)]!.toFixed(2)
}))
