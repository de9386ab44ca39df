// #25 item 8: a long text is analysed in a worker even when it arrives alone (it held the window's
// main thread: a 200 KB table 40 s before the analysis was made linear), an analysis that runs
// over its time budget leaves its article searchable by its text instead of stalling the run, and
// Cancel is answered at once while a worker is busy with a long text.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import type { Document } from '../../src-main/core/archive/document'
import { DatelineError } from '../../src-main/core/errors'
import { AnalyzePool, OVER_BUDGET } from '../../src-main/core/workers/pool'
import { articleText, tempDir, uniqueName } from '../fixtures/imports'

/** A long article: ~`mb` million characters of wire copy with names, places and dates. */
function longText(mb: number, word = 'Valmora'): string {
  const para = `On 3 March 2021 Ana Costa of the Harbour Authority said in Lisbon that the ${word} ferry strike would end, and talks with the union resumed on Monday.\n\n`
  return `Ferry strike ledger\n\n${para.repeat(Math.ceil((mb * 1e6) / para.length))}`
}

/** An archive of these files, opened (closed by the caller). */
async function archiveOf(name: string, files: Record<string, string>, opts: { analysisBudgetMs?: number } = {}): Promise<ArchiveService> {
  const base = tempDir(name)
  const root = path.join(base, 'archive')
  mkdirSync(root, { recursive: true })
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(root, f), text)
  return ArchiveService.open(root, { dataDir: path.join(base, 'data'), ...opts })
}

function doc(id: string, text: string): Document {
  return { id, path: `${id}.txt`, size: text.length, mtimeMs: 0, hash: id, encoding: 'utf-8', title: id, text }
}

describe('the analysis time budget', () => {
  it('answers OVER_BUDGET for a document over it, replaces its worker, and analyses the others', async () => {
    // 100 ms for the long text (its analysis takes about a second), a minute for the short ones
    const pool = new AnalyzePool(2, undefined, (d) => (d.text.length > 1e6 ? 100 : 60_000))
    try {
      const docs = [doc('a', articleText(1)), doc('long', longText(2)), doc('b', articleText(2)), doc('c', articleText(3))]
      const results = await pool.analyze(docs)
      expect(results[1]).toBe(OVER_BUDGET)
      for (const i of [0, 2, 3]) {
        const r = results[i]
        if (r === OVER_BUDGET || !r) throw new Error(`document ${i} was not analysed`)
        expect(r.id).toBe(docs[i]!.id)
        expect(r.entities.map((e) => e.name)).toContain(uniqueName([1, 1, 2, 3][i]!))
      }
      // the pool goes on working with its new worker
      const again = await pool.analyze([doc('d', articleText(4))])
      expect(again[0]).not.toBe(OVER_BUDGET)
    } finally {
      await pool.close()
    }
  }, 120_000)

  it('indexes an article whose analysis ran over it by its text, says so, and does not try again forever', async () => {
    const svc = await archiveOf('analysis-budget', { 'ledger.txt': longText(2, 'Quarnbridge'), 'short.txt': articleText(5) }, { analysisBudgetMs: 100 })
    try {
      const r = await svc.update()
      expect(r.documents).toBe(2)
      expect(r.notes).toContainEqual({ path: 'ledger.txt', reason: expect.stringMatching(/^indexed by its text only: its analysis ran over 0\.1 s/) })
      expect(r.skipped).toEqual([])
      expect(svc.search('quarnbridge').hits.map((h) => h.path)).toEqual(['ledger.txt'])
      expect(svc.document('ledger.txt').entities).toEqual([])
      // the short article was analysed as usual
      expect(svc.document('short.txt').entities.map((e) => e.name)).toContain(uniqueName(5))
      // nothing is left pending, so no later run analyses it again
      expect(svc.status()).toMatchObject({ documents: 2, analysed: 2 })
      const again = await svc.update()
      expect({ added: again.added, updated: again.updated }).toEqual({ added: 0, updated: 0 })
    } finally {
      await svc.close()
    }
  }, 120_000)

  it('analyses a long text that arrives alone in a worker, not on the thread that answers the window', async () => {
    const svc = await archiveOf('analysis-heavy', { 'ledger.txt': longText(0.5, 'Quarnbridge'), 'short.txt': articleText(6) })
    try {
      const r = await svc.update()
      expect(r.workers).toBeGreaterThan(0)
      expect(svc.document('ledger.txt').entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Ana Costa', 'Lisbon']))
      expect(svc.document('short.txt').entities.map((e) => e.name)).toContain(uniqueName(6))
    } finally {
      await svc.close()
    }
  }, 120_000)

  it('indexes a text over 4 million characters in full and analyses its start, and says so (55 MB peaked at 3.5 GB)', async () => {
    // 5 MB of plain prose, then a last paragraph naming someone the analysis does not reach
    const filler = 'the committee met again and the talks went on late into the evening without a result\n'.repeat(Math.ceil(5e6 / 86))
    const svc = await archiveOf('analysis-cap', { 'dump.txt': `Committee minutes\n\nAna Costa opened the session in Lisbon.\n${filler}Tomas Quarnby closed it in Valmora.\n` })
    try {
      const r = await svc.update()
      expect(r.notes).toEqual([{ path: 'dump.txt', reason: expect.stringMatching(/^indexed in full; entities, dates and events from its first 4 million characters \(of \d\.\d million\)/) }])
      // the whole text is searchable
      expect(svc.search('quarnby').hits.map((h) => h.path)).toEqual(['dump.txt'])
      const names = svc.document('dump.txt').entities.map((e) => e.name)
      expect(names).toEqual(expect.arrayContaining(['Ana Costa', 'Lisbon']))
      expect(names).not.toContain('Tomas Quarnby')
    } finally {
      await svc.close()
    }
  }, 120_000)

  it('answers Cancel at once while a worker analyses a long text', async () => {
    const pool = new AnalyzePool(1)
    try {
      await pool.analyze([doc('warm', articleText(1))]) // the worker has loaded its models
      const abort = new AbortController()
      const run = pool.analyze([doc('long', longText(8))], undefined, abort.signal)
      await new Promise((r) => setTimeout(r, 300))
      const abortedAt = performance.now()
      abort.abort()
      const err = await run.catch((e: unknown) => e)
      // an 8 MB text takes seconds to analyse; the cancel does not wait for it
      expect(performance.now() - abortedAt).toBeLessThan(1000)
      expect(err).toBeInstanceOf(DatelineError)
      expect((err as DatelineError).code).toBe('cancelled')
    } finally {
      await pool.close()
    }
  }, 120_000)
})
