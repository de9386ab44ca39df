// #25 items 7 and 8: one file with a very long "word" (a hex dump, an inline base64 image) must not
// stop or stall the archive's indexing. Before: wink's tokenizer took time quadratic in the run's
// length (96 KB: 28 s; 1.5 MB: minutes) and an 11 MB run overflowed the stack; the event finder and
// the date evidence scanned whole spaceless or unpunctuated lines again for every chunk or date.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { analyzeDocument } from '../../src-main/core/analyze'
import { findDateEvidence } from '../../src-main/core/dates/evidence'
import { tempDir } from '../fixtures/imports'

describe('hostile files', () => {
  it('indexes an article next to a 1.5 MB run without spaces, and both are searchable', async () => {
    const base = tempDir('hostile-long-run')
    const root = path.join(base, 'archive')
    mkdirSync(root, { recursive: true })
    writeFileSync(path.join(root, 'article.txt'), 'Ferry talks resume\n\nOfficials in Valmora Bay said on Monday that ferry services would resume.\n')
    writeFileSync(path.join(root, 'dump.txt'), `Memory dump\n\n${'a0b1c2d3e4f5'.repeat(125_000)}\n`)
    const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data'), workers: false })
    const report = await svc.update()
    expect(report.documents).toBe(2)
    expect(svc.search('ferry').hits.map((h) => h.path)).toEqual(['article.txt'])
    expect(svc.search('memory dump').hits.map((h) => h.path)).toEqual(['dump.txt'])
    // the reader's date list reads it in pieces too (it is what opening the article asks for)
    expect(svc.documentDates('dump.txt').dates).toEqual([])
    expect(svc.documentDates('article.txt').dates.map((d) => d.text)).toEqual(['Monday'])
  }, 120_000)

  // Bounds far above the time taken now and far below the time taken before, so load cannot flip them.
  it('indexes an 11 MB run without spaces in seconds (events looked back to its start for every chunk: 52 s)', async () => {
    const base = tempDir('hostile-11mb')
    const root = path.join(base, 'archive')
    mkdirSync(root, { recursive: true })
    writeFileSync(path.join(root, 'hexdump.txt'), `Hex dump\n\n${'a0b1c2d3e4f5'.repeat(960_000)}\n`)
    const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data'), workers: false })
    const t0 = performance.now()
    expect((await svc.update()).documents).toBe(1)
    expect(performance.now() - t0).toBeLessThan(25_000)
    expect(svc.search('hex dump').total).toBe(1)
  }, 120_000)

  it('reads the date evidence of a 400 KB line without punctuation in linear time (23 s before)', () => {
    const words = 'the minister said on 12 March 2019 that talks with the union would resume after the strike ended'.split(' ')
    let text = ''
    for (let i = 0; text.length < 400 * 1024; i++) text += words[i % words.length] + ' '
    const t0 = performance.now()
    const evidence = findDateEvidence(text)
    expect(performance.now() - t0).toBeLessThan(4_000)
    expect(evidence).toBeDefined()
  })

  // Bound far above the time taken now (~3 s) and far below before (one search from the text's
  // start per name and per word: 1 MB took 7 s, 8 MB 112 s).
  it('analyses a 4 MB article dense with names, places and dates in linear time', () => {
    const para = 'On 3 March 2021 Ana Costa of the Harbour Authority said in Lisbon that the Valmora ferry strike would end, and talks with the union resumed on Monday.\n\n'
    const text = `Ferry strike ledger\n\n${para.repeat(Math.ceil(4e6 / para.length))}`
    const t0 = performance.now()
    const a = analyzeDocument({ id: 'x', path: 'ledger.txt', size: text.length, mtimeMs: 0, hash: 'x', encoding: 'utf-8', title: 'Ferry strike ledger', text })
    expect(performance.now() - t0).toBeLessThan(40_000)
    expect(a.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Ana Costa', 'Lisbon']))
  }, 120_000)
})

describe('file names', () => {
  it('keeps two files whose names differ only in Unicode form apart, and both open (#25 item 12)', async () => {
    const base = tempDir('nfc-nfd')
    const root = path.join(base, 'archive')
    mkdirSync(root, { recursive: true })
    const composed = 'caf\u00e9.txt'
    const decomposed = 'cafe\u0301.txt'
    writeFileSync(path.join(root, composed), 'Harbour cranes return\n\nThe Ostrava port authority said the cranes were repaired.\n')
    writeFileSync(path.join(root, decomposed), 'Ferry fares rise\n\nThe Brindmoor ferry company raised its fares on Monday.\n')
    const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data'), workers: false })
    expect((await svc.update()).documents).toBe(2)
    // before: one id for both, so every run "added" the missing one again
    expect(await svc.update()).toMatchObject({ documents: 2, added: 0, updated: 0 })
    expect(svc.search('ostrava').hits.map((h) => h.path)).toEqual([composed])
    expect(svc.search('brindmoor').hits.map((h) => h.path)).toEqual([decomposed])
    expect(svc.document(decomposed).path).toBe(decomposed)
  })
})
