// An archive of every format Dateline reads, indexed end to end: one article per file or per
// item of a container, searchable, with the metadata used for publication dates; a changed
// container re-reads only the articles that changed; no parser reaches the network.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import type { IndexProgress, IndexReport } from '../../src-main/core/update/types'
import { allFormatFiles, MBOX } from '../fixtures/formats'

let root: string
let base: string
let svc: ArchiveService
let first: IndexReport
const network = { calls: 0 }
const progress: IndexProgress[] = []

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'dateline-formats-'))
  root = path.join(base, 'archive')
  for (const [rel, bytes] of Object.entries(allFormatFiles())) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), bytes)
  }
  // "Save as… complete": the page's own folder of images, scripts and frames beside it
  mkdirSync(path.join(root, 'web', 'lighthouse_files'))
  writeFileSync(path.join(root, 'web', 'lighthouse_files', 'ad-frame.html'), '<html><body><p>Buy a boat today! Special offers on harbour moorings all week long for readers.</p></body></html>')
  writeFileSync(path.join(root, 'web', 'lighthouse_files', 'app.js'), 'window.x = 1')
  // any attempt to reach the network while reading counts (the pages link a tracker pixel and a script)
  const count = () => {
    network.calls++
    throw new Error('network access attempted')
  }
  vi.spyOn(globalThis, 'fetch').mockImplementation(count)
  vi.spyOn(http, 'request').mockImplementation(count)
  vi.spyOn(https, 'request').mockImplementation(count)
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(count)
  svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data'), workers: false })
  first = await svc.update((p) => progress.push(p))
}, 60_000)

afterAll(async () => {
  vi.restoreAllMocks()
  await svc?.close()
  rmSync(base, { recursive: true, force: true })
})

const paths = (q: string) => svc.search(q, { limit: 50 }).hits.map((h) => h.path).sort()

describe('an archive of every format', () => {
  it('indexes one article per file and one per item of a mailbox, feed or export, and counts them by format', () => {
    expect(first.skipped).toEqual([{ path: 'web/lighthouse_files/', reason: 'images, scripts and styles of the saved web page lighthouse.html (not articles)' }])
    expect(first.documents).toBe(25)
    expect(first.formats).toEqual({
      html: { files: 2, articles: 2 },
      mhtml: { files: 1, articles: 1 },
      pdf: { files: 1, articles: 1 },
      docx: { files: 1, articles: 1 },
      odt: { files: 1, articles: 1 },
      rtf: { files: 1, articles: 1 },
      email: { files: 1, articles: 1 },
      mbox: { files: 1, articles: 3 },
      feed: { files: 2, articles: 3 },
      nexis: { files: 1, articles: 5 },
      factiva: { files: 1, articles: 5 },
      text: { files: 1, articles: 1 }
    })
    expect(network.calls).toBe(0)
    // a file that takes a while to read is named in the progress as it starts
    for (const f of ['print/lighthouse.pdf', 'mail/newsletters.mbox', 'docs/harbour-contracts.docx']) expect(progress.some((p) => p.current === f), f).toBe(true)
  })

  it('finds each article by its words, at its own path inside a container', () => {
    expect(paths('lighthouse gull')).toEqual(['print/lighthouse.pdf', 'web/lighthouse.html'])
    expect(paths('"kessel marine"')).toEqual(['docs/harbour-contracts.docx', 'mail/tip.eml'])
    expect(paths('frigates')).toEqual(['exports/factiva-january.txt#1'])
    expect(paths('budget')).toEqual(['mail/newsletters.mbox#2'])
    // boilerplate is not indexed
    expect(paths('cookies')).toEqual([])
  })

  it('dates an article by what its file states, and says where it is stated', () => {
    expect(svc.published('web/reservoir.html')).toMatchObject({ date: '2023-08-29', source: 'metadata' })
    expect(svc.published('web/reservoir.html').evidence[0]).toContain('JSON-LD datePublished')
    expect(svc.published('exports/nexis-march.txt#3')).toMatchObject({ date: '2024-03-06', source: 'metadata' })
    // the sender's day, not the UTC one
    expect(svc.published('mail/newsletters.mbox#2')).toMatchObject({ date: '2024-02-06', source: 'metadata' })
    // a print date or a file's creation date is not a publication date
    expect(svc.published('print/lighthouse.pdf').source).not.toBe('metadata')
    expect(svc.published('docs/harbour-contracts.docx').date).not.toBe('2024-04-22')
  })

  it('filters by the outlet and the author a file names (source:, author:), and counts results by outlet', () => {
    expect(paths('source:"harbour gazette"')).toEqual(['exports/factiva-january.txt#2', 'web/lighthouse.html'])
    expect(paths('source:ledger')).toEqual(['exports/factiva-january.txt#1', 'exports/factiva-january.txt#4'])
    expect(paths('author:olander')).toEqual(['exports/factiva-january.txt#3', 'exports/nexis-march.txt#3', 'web/reservoir.html'])
    expect(paths('water author:olander -source:"valley courier"')).toEqual([])
    expect(paths('url:ardenby-herald.example')).toEqual(['feeds/herald.rss#1', 'feeds/herald.rss#2'])
    expect(paths('url:"school-roof"')).toEqual(['feeds/herald.rss#1'])
    expect(paths('board -source:"valley courier"')).not.toContain('exports/nexis-march.txt#3')
    const r = svc.search('council')
    for (const { name, count } of r.sources) expect(count, name).toBe(paths(`council source:"${name}"`).length)
    expect(r.sources.map((x) => x.name)).toContain('Harbour Gazette')
    expect(r.hits.find((h) => h.path === 'web/lighthouse.html')?.source).toBe('Harbour Gazette')
    expect(() => svc.search('source:')).toThrow(/needs a name/)
  })

  it('shows what the file states in the document view', () => {
    const d = svc.document('feeds/herald.rss#1')
    expect(d).toMatchObject({ format: 'feed', container: 'feeds/herald.rss', title: 'School roof repairs finished early' })
    expect(d.meta).toMatchObject({ outlet: 'Ardenby Herald', author: 'Lotte Varga', url: 'https://ardenby-herald.example/school-roof' })
    expect(svc.document('notes/plain.txt')).toMatchObject({ format: 'text', container: null, meta: {} })
  })
})

describe('a container that changes', () => {
  it('re-reads only the articles that changed, adds new ones, and drops those it no longer holds', async () => {
    const mbox = path.join(root, 'mail/newsletters.mbox')
    // a fourth newsletter arrives
    appendFileSync(mbox, `\nFrom MAILER-DAEMON Thu Feb  8 08:00:00 2024\nFrom: The Morning Tide <news@morningtide.example>\nSubject: Harbour board chair resigns\nDate: Thu, 8 Feb 2024 06:45:00 +0100\n\nThe chair of the harbour board resigned on Wednesday evening.\n`)
    const r1 = await svc.update()
    expect(r1).toMatchObject({ added: 1, updated: 0, removed: 0 })
    expect(r1.changes).toEqual([{ kind: 'added', path: 'mail/newsletters.mbox#4' }])
    expect(paths('resigned')).toEqual(['mail/newsletters.mbox#4'])
    // the second newsletter is corrected in place
    writeFileSync(mbox, MBOX.replace('two members changed sides', 'three members changed sides'))
    const r2 = await svc.update()
    expect(r2).toMatchObject({ added: 0, updated: 1, removed: 1 })
    expect(r2.changes).toEqual([
      { kind: 'changed', path: 'mail/newsletters.mbox#2' },
      { kind: 'removed', path: 'mail/newsletters.mbox#4' }
    ])
    expect(paths('resigned')).toEqual([])
    expect(paths('three members')).toEqual(['mail/newsletters.mbox#2'])
  })

  it('removes all its articles when the file goes', async () => {
    rmSync(path.join(root, 'exports/factiva-january.txt'))
    const r = await svc.update()
    expect(r.removed).toBe(5)
    expect(svc.documentPaths().filter((p) => p.startsWith('exports/factiva'))).toEqual([])
  })
})

describe('importing a heavy file', () => {
  it('parses it once: the update indexing the copy takes the reading the import checked it with', async () => {
    const { ReaderThread } = await import('../../src-main/core/workers/reader')
    const b = mkdtempSync(path.join(tmpdir(), 'dateline-formats-import-'))
    mkdirSync(path.join(b, 'archive'))
    writeFileSync(path.join(b, 'lighthouse.pdf'), allFormatFiles()['print/lighthouse.pdf']!)
    const s = await ArchiveService.open(path.join(b, 'archive'), { dataDir: path.join(b, 'data') })
    const reads = vi.spyOn(ReaderThread.prototype, 'read')
    try {
      const r = await s.importFiles([path.join(b, 'lighthouse.pdf')])
      expect(r.imported).toHaveLength(1)
      expect(reads).toHaveBeenCalledTimes(1)
      expect(s.search('gull').hits.map((h) => h.path)).toEqual([r.imported[0]!.to])
    } finally {
      reads.mockRestore()
      await s.close()
      rmSync(b, { recursive: true, force: true })
    }
  }, 60_000)
})
