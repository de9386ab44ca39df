// #22 item 9: cancelling a long first indexing keeps what is done — the batches already built are
// searchable at once, on disk, and the next update reads only the rest.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { tempDir, uniqueName, writeArticles } from '../fixtures/imports'

describe('cancelling an update', () => {
  it('keeps the batches built before the cancel and reads only the rest next time', async () => {
    const root = path.join(tempDir('cancel-keeps'), 'archive')
    writeArticles(root, 1100)
    const dataDir = tempDir('cancel-keeps-data')
    // one thread, segments of 300: the cancel comes during the third batch, when the first (and
    // perhaps the second: two batches are analysed side by side) is built; never the fourth
    const svc = await ArchiveService.open(root, { dataDir, workers: false, segmentBatch: 300 })
    const stop = new AbortController()
    const run = svc.update((p) => p.phase === 'index' && p.done >= 650 && stop.abort(), stop.signal)
    const err = await run.then(() => undefined, (e: unknown) => e as Error & { code: string })
    expect(err?.code).toBe('cancelled')
    const kept = svc.documentCount
    expect([300, 600]).toContain(kept)
    expect(err!.message).toMatch(new RegExp(`the ${kept} articles indexed so far are kept`))
    expect(svc.search(uniqueName(5)).total).toBe(1) // in the first batch
    expect(svc.search(uniqueName(1000)).total).toBe(0) // not read yet
    // kept on disk: another process sees them
    const other = await ArchiveService.open(root, { dataDir, workers: false })
    expect(other.documentCount).toBe(kept)
    const rest = await other.update()
    expect(rest.added).toBe(1100 - kept)
    expect(rest.documents).toBe(1100)
    expect(other.search(uniqueName(1000)).total).toBe(1)
  }, 120_000)
})
