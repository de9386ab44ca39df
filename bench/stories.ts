/**
 * npm run bench:stories [-- N]: story linking alone as the archive grows (default 10,000 articles),
 * in steps of 1,000 documents. Shows that the work and memory per added document stay flat:
 * each document is compared only with candidates from the sample index, never with all others.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { StoryLinks } from '../src-main/core/stories/links'
import { sampleOf, shingle } from '../src-main/core/stories/shingles'
import { generateArchive } from './generate'

const n = Number(process.argv[2] ?? 10_000)
const archive = path.resolve('.bench', `archive-${n}`)
if (!existsSync(archive)) {
  mkdirSync(archive, { recursive: true })
  generateArchive(archive, n)
}
const files = readdirSync(archive, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort()
const texts = new Map(files.map((f) => [f, readFileSync(path.join(archive, f), 'utf8')]))
const t0 = performance.now()
const samples = new Map([...texts].map(([f, t]) => [f, sampleOf(shingle(t).set)]))
const fingerprintMs = performance.now() - t0

const links = new StoryLinks()
const rows: Array<Record<string, number>> = []
const step = 1000
global.gc?.()
for (let upto = step; upto <= files.length; upto += step) {
  const live = files.slice(0, upto).map((f) => ({ id: f, hash: 'h', sample: () => samples.get(f)! }))
  const t = performance.now()
  const s = links.sync(live, (id) => shingle(texts.get(id)!))
  const ms = performance.now() - t
  global.gc?.()
  rows.push({
    documents: upto,
    msPerAddedDoc: +(ms / s.linked).toFixed(3),
    candidatesPerDoc: +(s.candidates / s.linked).toFixed(2),
    comparedPerDoc: +(s.compared / s.linked).toFixed(2),
    links: links.allLinks().length,
    postingsMB: +(links.indexBytes / 1e6).toFixed(1),
    heapMB: Math.round(process.memoryUsage().heapUsed / 1e6)
  })
}
console.log(`fingerprints: ${files.length} documents in ${Math.round(fingerprintMs)} ms (${((files.length * 1000) / fingerprintMs).toFixed(0)} docs/s)`)
const cols = Object.keys(rows[0]!)
console.log(`| ${cols.join(' | ')} |\n|${cols.map(() => '---').join('|')}|`)
for (const r of rows) console.log(`| ${cols.map((c) => r[c]).join(' | ')} |`)
