/** One measurement in a fresh process: full index build of an archive, then a few queries. Prints JSON. */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ArchiveService } from '../src-main/core/api'
import { extractEntities } from '../src-main/core/entities/extract'
import { gazetteerStats } from '../src-main/core/entities/gazetteer'

const [archive, dataDir] = process.argv.slice(2) as [string, string]
rmSync(dataDir, { recursive: true, force: true })

// Entity extraction alone, on up to 300 of the archive's files (after the one-time model and gazetteer load).
const sample = readdirSync(archive, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).slice(0, 300).map((f) => readFileSync(path.join(archive, f), 'utf8'))
extractEntities('Warm-up in Lisbon, said Ana Costa.')
const gaz = gazetteerStats()
const tx = performance.now()
let chars = 0
for (const t of sample) {
  extractEntities(t)
  chars += t.length
}
const extractMBps = chars / 1e6 / ((performance.now() - tx) / 1000)
const archiveBytes = readdirSync(archive, { recursive: true, encoding: 'utf8' }).reduce((n, f) => n + (statSync(path.join(archive, f)).isFile() ? statSync(path.join(archive, f)).size : 0), 0)
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
const top = svc.entities({ limit: 1 })[0]
const te = performance.now()
if (top) svc.search('', { entities: [top.id], limit: 20 })
const entityFilterMs = performance.now() - te
// stories: one new copy of an existing article joins its story without a full recomputation
const stories = svc.stories()
const firstFile = readdirSync(archive, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort()[0]!
writeFileSync(path.join(archive, 'zz-new-copy.txt'), 'Updated 2 hours ago\n\n' + readFileSync(path.join(archive, firstFile), 'utf8'))
const tc = performance.now()
const added = await svc.update()
const addCopyMs = performance.now() - tc
rmSync(path.join(archive, 'zz-new-copy.txt'))

const t1 = performance.now()
const reopened = await ArchiveService.open(archive, { dataDir })
reopened.search('haddad')
const loadMs = performance.now() - t1

console.log(JSON.stringify({
  documents: report.documents,
  buildMs: Math.round(buildMs),
  docsPerSec: Math.round(report.documents / (buildMs / 1000)),
  pipelineMBps: +(archiveBytes / 1e6 / (buildMs / 1000)).toFixed(2),
  peakRssMB: Math.round(peakRssMB),
  segments: report.segments.total,
  loadAndFirstQueryMs: Math.round(loadMs),
  queryMedianMs: +lat[Math.floor(lat.length / 2)]!.toFixed(2),
  queryP95Ms: +lat[Math.floor(lat.length * 0.95)]!.toFixed(2),
  entityFilterMs: +entityFilterMs.toFixed(2),
  extractMBps: +extractMBps.toFixed(2),
  stories: stories.length,
  storyDocs: stories.reduce((n, s) => n + s.members.length, 0),
  linkCandidates: report.stories.candidates,
  linkCompared: report.stories.compared,
  addCopyMs: Math.round(addCopyMs),
  addCopyCompared: added.stories.compared,
  addCopyJoined: svc.documentStory('zz-new-copy.txt')?.role ?? 'none',
  gazetteerLoadMs: gaz.ms,
  gazetteerHeapMB: Math.round(gaz.heapBytes / 1e6)
}))
