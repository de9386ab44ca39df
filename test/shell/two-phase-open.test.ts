// Opening a large archive in the window (#23, #22 item 9): the call returns once the text is
// searchable, the folder is watched from then on, and the analysis runs in the background under
// the same Cancel, its end told to the window as a change.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Events, type ArchiveChangedEvent, type SearchResponse, type StatusView } from '../../src-main/contract/api'
import type { createServices } from '../../src-main/shell/services'
import { writeFixtureArchive } from '../fixtures/archive'
import { firstRunServices } from '../fixtures/services'
import { articleText, uniqueName } from '../fixtures/imports'

const all: Array<ReturnType<typeof createServices>> = []
afterAll(() => all.forEach((s) => s.close()))

function open(indexing: { analyseLaterFrom: number; workers: boolean }, onSend?: (channel: string, payload: unknown) => void) {
  const fx = writeFixtureArchive()
  for (let i = 0; i < 30; i++) writeFileSync(path.join(fx.root, `extra-${i}.txt`), articleText(400 + i))
  const sent: Array<{ channel: string; payload: unknown }> = []
  const services = firstRunServices(fx, {
    send: (channel, payload) => {
      sent.push({ channel, payload })
      onSend?.(channel, payload)
    },
    indexing
  })
  all.push(services)
  return { fx, services, sent }
}

const value = <T>(r: { ok: boolean; value?: T }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r.value!
}

describe('opening an archive that is indexed in two phases', () => {
  it('returns once the text is searchable, then analyses in the background and says when it is done', async () => {
    const { services, sent } = open({ analyseLaterFrom: 0, workers: false })
    const status: StatusView = value(await services.chooseArchive())
    expect(status.documents).toBe(35)
    // searchable at once; the answers say what is not analysed yet, until the end is told
    const first: SearchResponse = value(await services.search({ query: uniqueName(405) }))
    expect(first.hits.map((h) => h.path)).toEqual(['extra-5.txt'])
    expect(status.indexing).toBe(true) // the analysis goes on
    await expect.poll(async () => value(await services.status()).indexing, { timeout: 60_000, interval: 50 }).toBe(false)
    expect(sent.some((m) => m.channel === Events.archiveChanged && !(m.payload as ArchiveChangedEvent).notice)).toBe(true)
    const after: SearchResponse = value(await services.search({ query: uniqueName(405) }))
    expect(after.analysis).toBeUndefined()
    expect(after.facets.place.map((f) => f.name)).toContain(uniqueName(405))
    const analysing = sent.filter((m) => m.channel === Events.indexProgress && (m.payload as { phase: string }).phase === 'analyse')
    expect(analysing.length).toBeGreaterThan(0)
    expect(analysing.at(-1)!.payload).toMatchObject({ done: 35, total: 35 })
  })

  it('Cancel during the analysis stops it, keeps everything searchable, and says how much is analysed', async () => {
    // Cancel pressed as soon as the analysis reports its start (the abort is seen before its first article)
    let cancelled: Promise<unknown> | undefined
    const { services, sent } = open({ analyseLaterFrom: 0, workers: false }, (channel, payload) => {
      if (channel === Events.indexProgress && (payload as { phase: string }).phase === 'analyse') cancelled ??= services.cancelIndexing()
    })
    value(await services.chooseArchive())
    await expect.poll(() => cancelled !== undefined, { timeout: 30_000, interval: 20 }).toBe(true)
    expect(value((await cancelled) as never)).toEqual({ cancelled: true })
    const notice = async () => sent.map((m) => (m.channel === Events.archiveChanged ? (m.payload as ArchiveChangedEvent).notice ?? '' : '')).find((n) => /Analysis was stopped/.test(n))
    await expect.poll(notice, { timeout: 30_000, interval: 50 }).toMatch(/^Analysis was stopped; 0 of 35 articles are analysed \(all are searchable\)/)
    expect(value(await services.status())).toMatchObject({ documents: 35, indexing: false })
    const r: SearchResponse = value(await services.search({ query: uniqueName(420) }))
    expect(r.hits.map((h) => h.path)).toEqual(['extra-20.txt'])
    expect(r.analysis).toEqual({ analysed: 0, of: 1 })
  })
})
