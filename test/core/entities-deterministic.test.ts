// The same archive indexed twice gives the same entities (#19: two runs over a wire archive gave
// 22,949 and 22,952). 1,200 articles, so the analysis runs in the worker pool, whose batches
// finish in any order.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { WORKER_MIN_BATCH } from '../../src-main/core/update/analyse'
import { GOLD } from '../fixtures/entities-gold'

describe('entities across an archive', () => {
  it('are the same on every indexing of the same files, with the analysis in worker threads', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'dateline-deterministic-'))
    const root = path.join(base, 'archive')
    mkdirSync(root)
    const n = WORKER_MIN_BATCH.cold + 200
    for (let i = 0; i < n; i++) {
      const g = GOLD[i % GOLD.length]!
      writeFileSync(path.join(root, `${String(i).padStart(4, '0')}-${g.name}.txt`), `${g.text}\n\nFiled as item ${i}.`)
    }
    const index = async (data: string) => {
      const svc = await ArchiveService.open(root, { dataDir: path.join(base, data) })
      const report = await svc.update()
      const entities = svc.entities({ limit: 1_000_000 })
      await svc.close()
      return { report, entities }
    }
    const a = await index('one')
    const b = await index('two')
    expect(a.report.processed).toHaveLength(n)
    expect(a.entities.length).toBeGreaterThan(50)
    expect(JSON.stringify(b.entities)).toBe(JSON.stringify(a.entities))
  }, 240_000)
})
