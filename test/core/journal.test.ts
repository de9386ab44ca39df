// The snapshot + log store behind the index manifest: what survives a crash at each step, and
// that adding one file appends a line instead of rewriting the manifest.
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { Journal, type JournalEntry } from '../../src-main/core/store/journal'
import { articleText, tempDir, uniqueName } from '../fixtures/imports'
import { ORIGINAL, STORY, writeStoriesArchive } from '../fixtures/stories'

interface State {
  items: Record<string, number>
  journalSeq?: number
}
interface Change extends JournalEntry {
  set: Record<string, number>
}

async function open(dir: string, minCompact = 1 << 20) {
  const j = new Journal<State, Change>(path.join(dir, 's.json'), path.join(dir, 's.log'), minCompact)
  const { snapshot, entries, torn } = await j.load((json) => JSON.parse(json) as State)
  const state: State = snapshot ?? { items: {} }
  for (const e of entries) Object.assign(state.items, e.set)
  return { j, state, torn, entries }
}

describe('journal: a snapshot and a log of changes', () => {
  it('replays the logged changes over the snapshot, in order', async () => {
    const dir = tempDir('dateline-journal-')
    const a = await open(dir)
    await a.j.writeSnapshot({ items: { x: 1 } })
    await a.j.save({ set: { y: 2 } }, () => ({ items: { x: 1, y: 2 } }))
    await a.j.save({ set: { y: 3 } }, () => ({ items: { x: 1, y: 3 } }))
    expect(readFileSync(path.join(dir, 's.log'), 'utf8').trim().split('\n')).toHaveLength(2)
    expect((await open(dir)).state.items).toEqual({ x: 1, y: 3 })
  })

  it('ignores a torn last line (a crash mid-append), and cuts it off before the next append', async () => {
    const dir = tempDir('dateline-journal-')
    const a = await open(dir)
    await a.j.writeSnapshot({ items: {} })
    await a.j.save({ set: { y: 2 } }, () => ({ items: { y: 2 } }))
    appendFileSync(path.join(dir, 's.log'), '{"seq":2,"set":{"z"')
    const b = await open(dir)
    expect(b.torn).toBe(true)
    expect(b.state.items).toEqual({ y: 2 })
    await b.j.save({ set: { w: 4 } }, () => ({ items: { y: 2, w: 4 } }))
    const lines = readFileSync(path.join(dir, 's.log'), 'utf8').split('\n').filter(Boolean)
    expect(lines.map((l) => JSON.parse(l) as Change)).toMatchObject([
      { seq: 1, set: { y: 2 } },
      { seq: 2, set: { w: 4 } }
    ])
    const c = await open(dir)
    expect([c.torn, c.state.items]).toEqual([false, { y: 2, w: 4 }])
  })

  it('compacts into a new snapshot when the log grows, and skips lines a snapshot already holds', async () => {
    const dir = tempDir('dateline-journal-')
    const a = await open(dir, 200)
    await a.j.writeSnapshot({ items: {} })
    const items: Record<string, number> = {}
    for (let i = 0; i < 20; i++) {
      items[`k${i}`] = i
      await a.j.save({ set: { [`k${i}`]: i } }, () => ({ items: { ...items } }))
    }
    // the log was folded into the snapshot at least once, and stays under its limit
    const snap = JSON.parse(readFileSync(path.join(dir, 's.json'), 'utf8')) as State
    expect(snap.journalSeq).toBeGreaterThan(0)
    expect(existsSync(path.join(dir, 's.log')) ? readFileSync(path.join(dir, 's.log')).length : 0).toBeLessThanOrEqual(200)
    expect((await open(dir)).state.items).toEqual(items)

    // a crash after the new snapshot, before the old log was deleted: its lines are not applied twice
    const b = await open(dir, 1 << 20)
    await b.j.save({ set: { k0: 100 } }, () => ({ items: { ...items, k0: 100 } }))
    const oldLog = readFileSync(path.join(dir, 's.log'))
    await b.j.writeSnapshot({ items: { ...items, k0: 100 } })
    writeFileSync(path.join(dir, 's.log'), oldLog)
    const c = await open(dir)
    expect(c.entries).toEqual([])
    expect(c.state.items['k0']).toBe(100)
  })

  it('ignores a log left beside a snapshot it does not belong to, and starts over with a snapshot', async () => {
    const dir = tempDir('dateline-journal-')
    const a = await open(dir)
    await a.j.writeSnapshot({ items: { x: 1 } })
    await a.j.save({ set: { x: 2 } }, () => ({ items: { x: 2 } }))
    // an older Dateline rewrote the snapshot whole (no journal id) and knew nothing of the log
    writeFileSync(path.join(dir, 's.json'), JSON.stringify({ items: { x: 7 } }))
    const b = await open(dir)
    expect([b.entries, b.state.items]).toEqual([[], { x: 7 }])
    await b.j.save({ set: { y: 1 } }, () => ({ items: { x: 7, y: 1 } }))
    expect(existsSync(path.join(dir, 's.log'))).toBe(false)
    expect((await open(dir)).state.items).toEqual({ x: 7, y: 1 })
  })
})

/** An indexed archive of n articles, and its service. */
async function indexedArchive(n: number) {
  const root = tempDir('dateline-journal-')
  const dataDir = tempDir('dateline-journal-')
  for (let i = 0; i < n; i++) writeFileSync(path.join(root, `a${i}.txt`), articleText(i))
  const svc = await ArchiveService.open(root, { dataDir })
  await svc.update()
  return { root, dataDir, svc }
}

describe('the index manifest on a journal', () => {
  it('appends one short line for a new file instead of rewriting the manifest, and reopens to the same index', async () => {
    const { root, dataDir, svc } = await indexedArchive(30)
    const manifest = path.join(svc.indexDir, 'manifest.json')
    const before = readFileSync(manifest)
    writeFileSync(path.join(root, 'new.txt'), articleText(500))
    await svc.updatePaths(['new.txt'])
    expect(readFileSync(manifest).equals(before)).toBe(true)
    const log = readFileSync(path.join(svc.indexDir, 'manifest.log'), 'utf8').trim().split('\n')
    expect(log).toHaveLength(1)
    expect(log[0]!.length).toBeLessThan(2000)
    await svc.close()

    const again = await ArchiveService.open(root, { dataDir })
    expect(again.search(uniqueName(500)).hits.map((h) => h.path)).toEqual(['new.txt'])
    expect(again.documentCount).toBe(31)
    // nothing left to do: the log brought the reopened index fully up to date
    const r = await again.update()
    expect([r.added, r.updated, r.removed]).toEqual([0, 0, 0])
    await again.close()
  })

  it('forgets a change whose log line was torn by a crash, and indexes that file again', async () => {
    const { root, dataDir, svc } = await indexedArchive(10)
    writeFileSync(path.join(root, 'new.txt'), articleText(600))
    await svc.updatePaths(['new.txt'])
    await svc.close()
    // the process died while writing that line: only part of it reached the disk
    const logFile = path.join(svc.indexDir, 'manifest.log')
    const line = readFileSync(logFile)
    writeFileSync(logFile, line.subarray(0, Math.floor(line.length / 2)))

    const again = await ArchiveService.open(root, { dataDir })
    expect(again.search(uniqueName(600)).total).toBe(0)
    const r = await again.update()
    expect(r.added).toBe(1)
    expect(again.search(uniqueName(600)).hits.map((h) => h.path)).toEqual(['new.txt'])
    await again.close()
    const third = await ArchiveService.open(root, { dataDir })
    expect(third.search(uniqueName(600)).total).toBe(1)
    expect((await third.update()).added).toBe(0)
    await third.close()
  })
})

describe('story links on a journal', () => {
  it('logs a new copy and a removed one instead of rewriting stories.json, and reopens to the same stories', async () => {
    const { root, dataDir } = writeStoriesArchive()
    const svc = await ArchiveService.open(root, { dataDir })
    await svc.update()
    const storiesJson = path.join(svc.indexDir, 'stories.json')
    const before = readFileSync(storiesJson)
    const copy = 'syndication/levee-copy-2.txt'
    writeFileSync(path.join(root, copy), `Updated 6 hours ago\n\n${ORIGINAL.replace(/\n\n/g, '\n')}`)
    await svc.updatePaths([copy])
    expect(readFileSync(storiesJson).equals(before)).toBe(true)
    const members = svc.documentStory(copy)!.members
    expect(members).toBe(STORY.length + 1)
    await svc.close()

    const again = await ArchiveService.open(root, { dataDir })
    expect(again.documentStory(copy)).toMatchObject({ role: 'copy', members })
    // removing a member (as the watcher reports it: one path) is logged too
    rmSync(path.join(root, STORY[2]!))
    expect((await again.updatePaths([STORY[2]!])).removed).toBe(1)
    expect(again.documentStory(copy)!.members).toBe(members - 1)
    await again.close()
    expect(readFileSync(storiesJson).equals(before)).toBe(true)
    const third = await ArchiveService.open(root, { dataDir })
    expect(third.documentStory(copy)!.members).toBe(members - 1)
    // and nothing is left to link
    expect((await third.update()).stories.linked).toBe(0)
    await third.close()
  }, 60_000)
})
