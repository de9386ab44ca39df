// `dateline index` on a folder of every format prints per-format counts; `doc --json` gives what
// the file states (source, author, url, container); `search` filters by source:.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { allFormatFiles } from '../fixtures/formats'
import { runDateline } from './run-dateline'

let root: string
let data: string

beforeAll(() => {
  const base = mkdtempSync(path.join(tmpdir(), 'dateline-formats-cli-'))
  root = path.join(base, 'archive')
  data = path.join(base, 'data')
  for (const [rel, bytes] of Object.entries(allFormatFiles())) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), bytes)
  }
  writeFileSync(path.join(root, 'print', 'scan.pdf'), new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]))
})

describe('dateline on every format', () => {
  it('index prints the articles by format and a reason for a damaged file', async () => {
    const r = await runDateline(['index', root, '--data', data])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^25 documents indexed/)
    const byFormat = r.stdout.split('\n').find((l) => l.startsWith('by format: '))!
    for (const part of ['nexis 5 articles in 1 file', 'factiva 5 articles in 1 file', 'mbox 3 articles in 1 file', 'feed 3 articles in 2 files', 'html 2', 'pdf 1', 'docx 1', 'odt 1', 'rtf 1', 'email 1', 'mhtml 1', 'text 1']) expect(byFormat).toContain(part)
    expect(r.stdout).toContain('print/scan.pdf: damaged PDF (not readable)')
  }, 120_000)

  it('doc --json gives the source, author, url and container of an article', async () => {
    const r = await runDateline(['doc', root, 'feeds/herald.rss#2', '--data', data, '--json'])
    expect(r.code).toBe(0)
    const d = JSON.parse(r.stdout)
    expect(d).toMatchObject({ path: 'feeds/herald.rss#2', format: 'feed', source: 'Ardenby Herald', author: 'Jonas Pell', url: 'https://ardenby-herald.example/festival', container: 'feeds/herald.rss' })
    expect(d.published).toMatchObject({ date: '2024-09-03', source: 'metadata' })
    const plain = JSON.parse((await runDateline(['doc', root, 'notes/plain.txt', '--data', data, '--json'])).stdout)
    expect(Object.keys(plain)).not.toContain('source')
    expect(Object.keys(plain)).not.toContain('container')
  }, 60_000)

  it('search filters by source: and lists the outlets of the results', async () => {
    const r = JSON.parse((await runDateline(['search', root, 'source:"selwyn chronicle"', '--data', data, '--json'])).stdout)
    expect(r.hits.map((h: { path: string }) => h.path).sort()).toEqual(['exports/nexis-march.txt#1', 'exports/nexis-march.txt#4'])
    expect(r.hits.every((h: { source: string }) => h.source === 'The Selwyn Chronicle')).toBe(true)
    expect(r.sources).toEqual([{ name: 'The Selwyn Chronicle', count: 2 }])
  }, 60_000)
})
