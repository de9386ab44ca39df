/**
 * npm run bench:stories [-- N]: story linking alone as the archive grows (default 10,000 articles),
 * in steps of 1,000 documents. Shows that the work and memory per added document stay flat:
 * each document is compared only with candidates from the sample index, never with all others.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { groupStories } from '../src-main/core/stories/group'
import { StoryLinks } from '../src-main/core/stories/links'
import { sampleOf, shingle } from '../src-main/core/stories/shingles'
import { generateArchive } from './generate'

const n = Number(process.argv[2] ?? 10_000)
const archive = path.resolve('.bench', `stories-${n}`)
rmSync(archive, { recursive: true, force: true })
mkdirSync(archive, { recursive: true })
const truth = generateArchive(archive, n)
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
  const live = files.slice(0, upto).map((f) => ({ id: f, path: f, hash: 'h', sample: () => samples.get(f)! }))
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

// Same-story pairs against the generator's ground truth (a copy or rewrite and its original are one story).
const goldGroup = new Map<string, string>()
const root = (f: string): string => (goldGroup.has(f) ? root(goldGroup.get(f)!) : f)
for (const d of truth) goldGroup.set(d.file, d.of)
const predicted = groupStories(links.allLinks(), (id) => ({ id, stripped: false, boilerplate: 0, indexedAt: 0, shingles: 1 }))
const predGroup = new Map<string, string>()
for (const s of predicted) for (const m of s.members) predGroup.set(m.id, s.id)
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)
const goldPairs = new Set<string>()
const byRoot = new Map<string, string[]>()
for (const f of files) byRoot.set(root(f), [...(byRoot.get(root(f)) ?? []), f])
for (const g of byRoot.values()) for (const a of g) for (const b of g) if (a < b) goldPairs.add(pairKey(a, b))
const predPairs = new Set<string>()
for (const s of predicted) for (const a of s.members) for (const b of s.members) if (a.id < b.id) predPairs.add(pairKey(a.id, b.id))
const tp = [...predPairs].filter((p) => goldPairs.has(p)).length
const byKind = (kind: string) => {
  const ds = truth.filter((d) => d.kind === kind)
  return `${ds.filter((d) => predGroup.get(d.file) !== undefined && predGroup.get(d.file) === predGroup.get(d.of)).length}/${ds.length}`
}
console.log(`same-story pairs: precision ${(tp / predPairs.size).toFixed(3)}, recall ${(tp / goldPairs.size).toFixed(3)} (${tp} of ${goldPairs.size} gold, ${predPairs.size} predicted); copies found ${byKind('copy')}, rewrites found ${byKind('rewrite')}`)
