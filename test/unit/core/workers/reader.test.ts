// The reader thread: heavy formats are parsed off the calling thread, a file that takes longer
// than its budget is stopped with a reason and the next file still reads, and cancelling stops
// the file in hand at once.
import { afterEach, describe, expect, it } from 'vitest'
import { ReaderThread } from '../../../../src-main/core/workers/reader'
import { buildPdf, MBOX } from '../../../fixtures/formats'

const threads: ReaderThread[] = []
const thread = (budget?: { baseMs: number; perMbMs: number }) => {
  const t = new ReaderThread(undefined, budget)
  threads.push(t)
  return t
}
afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.close()))
})

describe('the reader thread', () => {
  it('reads a PDF and a mailbox as the readers do, one file after another', async () => {
    const t = thread()
    const [pdf, mbox] = await Promise.all([t.read('.pdf', buildPdf()), t.read('.mbox', new TextEncoder().encode(MBOX))])
    expect(pdf).toMatchObject({ ok: true, format: 'pdf', articles: [{ title: 'Northport lighthouse reopens after two-year restoration' }] })
    expect(mbox).toMatchObject({ ok: true, format: 'mbox', container: true })
    expect(mbox.ok && mbox.articles).toHaveLength(3)
  }, 60_000)

  it('stops a file that takes longer than its budget, says so, and reads the next one', async () => {
    const t = thread({ baseMs: 0, perMbMs: 0 })
    const slow = await t.read('.pdf', buildPdf())
    expect(slow).toEqual({ ok: false, reason: expect.stringMatching(/^took too long to read/) })
    const t2 = thread()
    expect(await t2.read('.pdf', buildPdf())).toMatchObject({ ok: true })
  }, 60_000)

  it('stops the file in hand when the update is cancelled', async () => {
    const t = thread()
    const ac = new AbortController()
    const reading = t.read('.pdf', buildPdf({ pages: Array.from({ length: 40 }, (_, i) => [`Page ${i + 1} of the council minutes on the harbour dredging contracts.`]) }), ac.signal)
    // while the thread starts or parses: either way the read ends as cancelled
    setTimeout(() => ac.abort(), 50)
    await expect(reading).rejects.toMatchObject({ code: 'cancelled' })
    // the thread is replaced for the next file
    expect(await t.read('.rtf', new TextEncoder().encode('{\\rtf1\\ansi Ferry minutes\\par Forty islanders attended.\\par}'))).toMatchObject({ ok: true, format: 'rtf' })
  }, 60_000)
})
