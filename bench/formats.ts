/**
 * npm run bench:formats: the format readers' throughput on one core (HTML MB/s, PDF pages/s,
 * DOCX MB/s) on pages, PDFs and Word files built from the synthetic bench articles, and the time
 * to index a 500-article Nexis export against the same 500 articles as .txt files (per article).
 * Targets (#21): HTML >= 3 MB/s, PDF >= 20 pages/s, DOCX >= 5 MB/s, export within 20 % of .txt.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ArchiveService } from '../src-main/core/api'
import { docxReader } from '../src-main/core/formats/office'
import { htmlReader } from '../src-main/core/formats/html/read'
import { pdfReader } from '../src-main/core/formats/pdf'
import { buildDocx, buildPdf, BOILERPLATE_LINES } from '../test/fixtures/formats'
import { generateArchive } from './generate'

const N = Number(process.argv[2] ?? 500)
const work = mkdtempSync(path.join(tmpdir(), 'dateline-bench-formats-'))
const src = path.join(work, 'src')
generateArchive(src, N)
const files = readdirSync(src, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort().slice(0, N)
const texts = files.map((f) => readFileSync(f, 'utf-8'))
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** Seconds for one pass over the items, the better of two (the first also compiles the readers' code). */
async function timeIt<T>(label: string, items: T[], run: (x: T) => unknown | Promise<unknown>): Promise<number> {
  await run(items[0]!) // warm: modules and lazy tables
  let best = Infinity
  for (let pass = 0; pass < 2; pass++) {
    const t = performance.now()
    for (const x of items) await run(x)
    best = Math.min(best, (performance.now() - t) / 1000)
  }
  return best
}

// HTML: each article as a saved page with the usual boilerplate around it
const pages = texts.map((t) => {
  const [title, ...rest] = t.split('\n').filter((l) => l.trim())
  return new TextEncoder().encode(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title!)} | Bench Post</title><meta property="og:site_name" content="Bench Post"><meta property="article:published_time" content="2024-05-01T08:00:00Z"><script>var x = 1</script></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="cookie"><p>${BOILERPLATE_LINES[2]}</p></div><main><article><h1>${esc(title!)}</h1>${rest.map((p) => `<p>${esc(p)}</p>`).join('')}<div class="share"><p>Share</p></div></article></main><aside class="related"><ul>${Array.from({ length: 8 }, (_, i) => `<li><a href="/r${i}">Related story ${i}</a></li>`).join('')}</ul></aside><footer><p>${BOILERPLATE_LINES[8]}</p></footer></body></html>`)
})
const htmlMb = pages.reduce((n, p) => n + p.length, 0) / 1024 / 1024
const htmlS = await timeIt('html', pages, (b) => htmlReader.read(b))
// the same pages as a browser saves a news page: with its inline scripts, page state and styles (~30 KB)
const script = `<script>${Array.from({ length: 400 }, (_, i) => `window.__state${i} = { id: ${i}, slot: "ad-${i}", lazy: true, track: function () { return ${i} * 2 } };`).join('\n')}</script>`
const style = `<style>${Array.from({ length: 150 }, (_, i) => `.c${i} { margin: ${i % 9}px; color: #${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}; }`).join('\n')}</style>`
const saved = pages.map((p) => new TextEncoder().encode(new TextDecoder().decode(p).replace('</head>', `${style}${script}</head>`)))
const savedMb = saved.reduce((n, p) => n + p.length, 0) / 1024 / 1024
const savedS = await timeIt('html', saved, (b) => htmlReader.read(b))

// PDF: 25 documents of 8 pages, 40 lines a page
const lines = texts.join('\n').split(/(?<=[.!?])\s+/).map((l) => l.slice(0, 110))
const pdfs = Array.from({ length: 25 }, (_, d) => buildPdf({ pages: Array.from({ length: 8 }, (_, p) => lines.slice((d * 8 + p) * 40, (d * 8 + p + 1) * 40)) }))
const pdfS = await timeIt('pdf', pdfs, (b) => pdfReader.read(b))

// DOCX: each article as a Word file
const docs = texts.map((t) => buildDocx(t.split('\n').filter((l) => l.trim())))
const docxMb = docs.reduce((n, p) => n + p.length, 0) / 1024 / 1024
const docxS = await timeIt('docx', docs, (b) => docxReader.read(b))

// a 500-article export against 500 .txt files, indexed (the same articles)
const txtDir = path.join(work, 'txt')
const expDir = path.join(work, 'export')
mkdirSync(txtDir)
mkdirSync(expDir)
texts.forEach((t, i) => writeFileSync(path.join(txtDir, `a${String(i).padStart(4, '0')}.txt`), t))
writeFileSync(
  path.join(expDir, 'nexis.txt'),
  texts
    .map((t) => {
      const lines = t.split('\n')
      // a scraped copy is one line: its first words are the headline the export would list
      const [title, rest] = lines.length > 1 ? [lines[0], lines.slice(1)] : [t.split(' ').slice(0, 8).join(' '), [t]]
      return `${title}\nBench Post\nMay 1, 2024 Wednesday\nCopyright 2024 Bench Post\n\nLength: ${t.split(/\s+/).length} words\nByline: Bench Writer\n\nBody\n\n${rest.join('\n').trim()}\n\nLoad-Date: May 1, 2024\n\nEnd of Document\n`
    })
    .join('\n')
)
async function indexMs(dir: string): Promise<{ ms: number; documents: number }> {
  let best = Infinity
  let documents = 0
  for (let round = 0; round < 2; round++) {
    const data = path.join(work, `data-${path.basename(dir)}-${round}`)
    const svc = await ArchiveService.open(dir, { dataDir: data })
    const t = performance.now()
    const r = await svc.update()
    best = Math.min(best, performance.now() - t)
    documents = r.documents
    await svc.close()
  }
  return { ms: best, documents }
}
const txt = await indexMs(txtDir)
const exp = await indexMs(expDir)
rmSync(work, { recursive: true, force: true })

const out = {
  html: { pages: pages.length, mb: +htmlMb.toFixed(2), mbPerS: +(htmlMb / htmlS).toFixed(2), msPerPage: +((htmlS * 1000) / pages.length).toFixed(2), target: 3 },
  htmlWithScripts: { pages: saved.length, mb: +savedMb.toFixed(2), mbPerS: +(savedMb / savedS).toFixed(2), msPerPage: +((savedS * 1000) / saved.length).toFixed(2), target: 3 },
  pdf: { documents: pdfs.length, pages: pdfs.length * 8, pagesPerS: +((pdfs.length * 8) / pdfS).toFixed(1), target: 20 },
  docx: { files: docs.length, mb: +docxMb.toFixed(2), mbPerS: +(docxMb / docxS).toFixed(2), msPerFile: +((docxS * 1000) / docs.length).toFixed(2), target: 5 },
  export: { articles: exp.documents, msPerArticle: +(exp.ms / exp.documents).toFixed(2), txtMsPerArticle: +(txt.ms / txt.documents).toFixed(2), ratio: +(exp.ms / exp.documents / (txt.ms / txt.documents)).toFixed(2), target: '0.8-1.2' }
}
console.log(JSON.stringify(out, null, 2))
