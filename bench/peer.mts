/**
 * One engine, one phase, in a fresh process (called by bench/run.ts; prints one JSON line).
 *   node --import tsx bench/peer.mts <engine> <phase> <archive> <workdir>
 * engines: dateline | lunr (one plain Lunr index, title+body, positions on) | minisearch | recoll | rg
 * phases: build (index from scratch, save) | query (load, first query, latency, add one file)
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { QUERIES, type BenchQuery } from './queries'

const [engine, phase, archive, work, parent] = process.argv.slice(2) as [string, 'build' | 'query', string, string, string | undefined]
// the bench that started this phase is gone (killed with SIGKILL, which it cannot pass on): stop too
if (parent) {
  setInterval(() => {
    try {
      process.kill(Number(parent), 0)
    } catch {
      process.exit(1)
    }
  }, 1000).unref()
}
const files = () => readdirSync(archive, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort()
const rssMB = () => Math.round(process.memoryUsage().rss / 1048576)
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024)
const dirBytes = (d: string): number =>
  readdirSync(d, { recursive: true, encoding: 'utf8' }).reduce((n, f) => {
    const s = statSync(path.join(d, f))
    return n + (s.isFile() ? s.size : 0)
  }, 0)
const NEW_FILE = 'zz-bench-new.txt'
const NEW_WORD = 'zebrafinchquay'
const newText = `Ferry strike at ${NEW_WORD}\n\nDock workers at the ${NEW_WORD} terminal stopped work on Monday, union officials said.\n`

/** what an engine measures beyond the common columns (Dateline: its two indexing phases) */
const extra: Record<string, number> = {}

interface Engine {
  build(): Promise<void> | void
  load(): Promise<void> | void
  /** number of hits */
  query(q: BenchQuery): number
  addOne(): Promise<void> | void
  /** what the app does in the background once the first answer is on screen */
  afterFirst?(): Promise<void>
}

function docsOf() {
  return files().map((f) => {
    const text = readFileSync(path.join(archive, f), 'utf8')
    const nl = text.indexOf('\n')
    return { id: f, title: nl > 0 ? text.slice(0, nl) : '', body: text }
  })
}

async function makeEngine(): Promise<Engine> {
  switch (engine) {
    case 'dateline': {
      const { ArchiveService } = await import('../src-main/core/api')
      let svc: Awaited<ReturnType<typeof ArchiveService.open>>
      let entity = ''
      return {
        async build() {
          // phase 1 (text searchable) and phase 2 (analysis) measured apart, and the first searchable segment
          const t = performance.now()
          svc = await ArchiveService.open(archive, { dataDir: work })
          await svc.update((p) => {
            if (p.published && extra['firstSearchableMs'] === undefined) {
              extra['firstSearchableMs'] = Math.round(performance.now() - t)
              extra['firstSearchableDocs'] = svc.documentCount
            }
          }, undefined, { textOnly: true })
          const p1 = performance.now() - t
          extra['phase1Ms'] = Math.round(p1)
          extra['phase1DocsPerSec'] = Math.round(svc.documentCount / (p1 / 1000))
          extra['phase1PeakRssMB'] = peakMB()
          const t2 = performance.now()
          await svc.analysePending()
          extra['phase2Ms'] = Math.round(performance.now() - t2)
          extra['firstSearchableMs'] ??= extra['phase1Ms']
          extra['firstSearchableDocs'] ??= svc.documentCount
          await svc.close()
        },
        async load() {
          svc = await ArchiveService.open(archive, { dataDir: work })
          entity = svc.entities({ limit: 1 })[0]?.id ?? ''
        },
        query: (q) => svc.search(q.dateline, { limit: 20, ...(q.entity && entity ? { entities: [entity] } : {}) }).total,
        afterFirst: () => svc.warmUp(),
        async addOne() {
          writeFileSync(path.join(archive, NEW_FILE), newText)
          await svc.updatePaths([NEW_FILE])
        }
      }
    }
    case 'lunr': {
      const lunr = (await import('lunr')).default
      let idx: ReturnType<typeof lunr>
      const file = path.join(work, 'lunr.json')
      const buildAll = (docs: ReturnType<typeof docsOf>) =>
        lunr(function () {
          this.ref('id')
          this.field('title')
          this.field('body')
          this.metadataWhitelist = ['position'] // what a phrase-capable, highlighting Lunr index needs
          for (const d of docs) this.add(d)
        })
      return {
        build() {
          idx = buildAll(docsOf())
          mkdirSync(work, { recursive: true })
          writeFileSync(file, JSON.stringify(idx))
        },
        load() {
          idx = lunr.Index.load(JSON.parse(readFileSync(file, 'utf8')))
        },
        query: (q) => (q.lunr === null ? -1 : idx.search(q.lunr).length),
        addOne() {
          // a Lunr index is immutable: a new file means rebuilding it
          writeFileSync(path.join(archive, NEW_FILE), newText)
          idx = buildAll(docsOf())
        }
      }
    }
    case 'minisearch': {
      const MiniSearch = (await import('minisearch')).default
      const opts = { fields: ['title', 'body'], idField: 'id' }
      let ms: InstanceType<typeof MiniSearch>
      const file = path.join(work, 'minisearch.json')
      return {
        build() {
          ms = new MiniSearch(opts)
          ms.addAll(docsOf())
          mkdirSync(work, { recursive: true })
          writeFileSync(file, JSON.stringify(ms))
        },
        load() {
          ms = MiniSearch.loadJSON(readFileSync(file, 'utf8'), opts)
        },
        query: (q) => (q.minisearch === null ? -1 : ms.search(q.minisearch.query as never, q.minisearch.options as never).length),
        addOne() {
          writeFileSync(path.join(archive, NEW_FILE), newText)
          ms.add({ id: NEW_FILE, title: 'Ferry strike', body: newText })
        }
      }
    }
    case 'recoll': {
      const conf = path.join(work, 'recoll')
      const env = { ...process.env, RECOLL_CONFDIR: conf }
      return {
        build() {
          mkdirSync(conf, { recursive: true })
          writeFileSync(path.join(conf, 'recoll.conf'), `topdirs = ${archive}\nindexstemminglanguages = english\nloglevel = 1\n`)
          execFileSync('recollindex', ['-z'], { env, stdio: 'ignore' })
        },
        load() {
          execFileSync('recollq', ['-c', conf, '-b', '-n', '20', 'warmup'], { env, stdio: 'pipe' })
        },
        query: (q) => (q.recoll === null ? -1 : execFileSync('recollq', ['-c', conf, '-b', '-n', '1000', q.recoll], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean).length),
        addOne() {
          writeFileSync(path.join(archive, NEW_FILE), newText)
          execFileSync('recollindex', ['-c', conf, '-i', path.join(archive, NEW_FILE)], { env, stdio: 'ignore' })
        }
      }
    }
    case 'rg':
      return {
        build() {},
        load() {},
        query(q) {
          if (q.rg === null) return -1
          let set = null as Set<string> | null
          // every pattern must match (AND); each is one scan of the folder
          for (const args of q.rg) {
            let out = ''
            try {
              out = execFileSync('rg', ['-l', '-i', '--no-messages', ...args, archive], { encoding: 'utf8', maxBuffer: 1 << 28 })
            } catch (e) {
              out = (e as { stdout?: string }).stdout ?? ''
            }
            const got = new Set(out.split('\n').filter(Boolean))
            set = set ? new Set([...set].filter((f) => got.has(f))) : got
          }
          return set?.size ?? 0
        },
        addOne() {
          writeFileSync(path.join(archive, NEW_FILE), newText)
        }
      }
    default:
      throw new Error(`unknown engine ${engine}`)
  }
}

const e = await makeEngine()
rmSync(path.join(archive, NEW_FILE), { force: true })
if (phase === 'build') {
  if (engine !== 'rg') rmSync(work, { recursive: true, force: true })
  const t = performance.now()
  await e.build()
  const ms = performance.now() - t
  const n = files().length
  // whole-pipeline throughput in MB of article files per second (issue #3 asks for ≥ 1 MB/s)
  const mbPerSec = +(dirBytes(archive) / 1e6 / (ms / 1000)).toFixed(2)
  console.log(JSON.stringify({ buildMs: Math.round(ms), docsPerSec: Math.round(n / (ms / 1000)), mbPerSec, peakRssMB: peakMB(), indexMB: engine === 'rg' ? 0 : Math.round(dirBytes(work) / 1048576), ...extra }))
} else {
  const t = performance.now()
  await e.load()
  const first = e.query(QUERIES[0]!)
  const firstMs = performance.now() - t
  await e.afterFirst?.()
  const lat: number[] = []
  const hits: Record<string, number> = {}
  const passes = engine === 'rg' || engine === 'recoll' ? 1 : 3
  for (let p = 0; p < passes; p++)
    for (const q of QUERIES) {
      const t0 = performance.now()
      const n = e.query(q)
      const ms = performance.now() - t0
      if (n >= 0) lat.push(ms)
      hits[q.name] = n
    }
  lat.sort((a, b) => a - b)
  const rss = rssMB()
  const ta = performance.now()
  await e.addOne()
  const found = e.query({ name: 'new', dateline: NEW_WORD, lunr: NEW_WORD, minisearch: { query: NEW_WORD, options: {} }, recoll: NEW_WORD, rg: [['-w', NEW_WORD]] })
  const addMs = performance.now() - ta
  rmSync(path.join(archive, NEW_FILE), { force: true })
  console.log(JSON.stringify({
    loadAndFirstQueryMs: Math.round(firstMs),
    firstHits: first,
    queryMedianMs: +lat[Math.floor(lat.length / 2)]!.toFixed(2),
    queryP95Ms: +lat[Math.min(lat.length - 1, Math.floor(lat.length * 0.95))]!.toFixed(2),
    queriesRun: lat.length / passes,
    rssAfterLoadMB: rss,
    addOneSearchableMs: Math.round(addMs),
    addOneFound: found > 0,
    hits
  }))
}
