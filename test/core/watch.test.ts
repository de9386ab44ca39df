// The live archive: real folder watches on a real temp folder, real index updates.
import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync, type FSWatcher } from 'node:fs'
import { EventEmitter } from 'node:events'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { watchArchive, type ArchiveWatcher, type WatchBatch, type WatchFn } from '../../src-main/core/archive/watch'
import { keepArchiveLive, type LiveChange } from '../../src-main/core/live'
import { articleText, tempDir, uniqueName, writeArticles } from '../fixtures/imports'

const open: ArchiveWatcher[] = []
afterEach(() => {
  for (const w of open.splice(0)) w.close()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Resolves when `check` holds, polling every 50 ms (fails after `ms`). */
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const t0 = Date.now()
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('condition not reached in time')
    await sleep(50)
  }
}

async function liveArchive(files = 3, opts: Parameters<typeof keepArchiveLive>[1] = {}) {
  const base = tempDir('watch')
  const root = path.join(base, 'archive')
  writeArticles(root, files)
  const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data') })
  await svc.update()
  const changes: LiveChange[] = []
  const notices: string[] = []
  const w = await keepArchiveLive(svc, { quietMs: 150, onChange: (c) => changes.push(c), onNotice: (m) => notices.push(m), ...opts })
  open.push(w)
  return { root, svc, changes, notices, w }
}

describe('watching the archive folder', () => {
  it('hands a burst of 5,000 new files over as one batch', async () => {
    const root = tempDir('burst')
    const batches: WatchBatch[] = []
    const w = await watchArchive(root, async (b) => void batches.push(b), { quietMs: 300 })
    open.push(w)
    mkdirSync(path.join(root, 'wire'))
    for (let i = 0; i < 2500; i++) writeFileSync(path.join(root, `n${i}.txt`), `short item ${i}`)
    for (let i = 0; i < 2500; i++) writeFileSync(path.join(root, 'wire', `w${i}.txt`), `wire item ${i}`)
    await sleep(400)
    await w.idle()
    expect(batches).toHaveLength(1)
    const paths = 'paths' in batches[0]! ? batches[0].paths : []
    expect(paths.filter((p) => /^n\d+\.txt$/.test(p))).toHaveLength(2500)
    // the new folder is in the batch: scanning it finds every file, even those written before its watch began
    expect(paths).toContain('wire')
  })

  it('tries a failed batch again by itself, without waiting for another change (#25 item 12)', async () => {
    const root = tempDir('retry')
    const calls: WatchBatch[] = []
    const errors: unknown[] = []
    // one change event, delivered by hand: no other event can arrive to trigger a batch
    let emit: (name: string) => void = () => {}
    const fakeWatch: WatchFn = (_dir, _o, listener) => {
      emit = (name) => listener('rename', name)
      return Object.assign(new EventEmitter(), { close() {} }) as unknown as FSWatcher
    }
    const w = await watchArchive(
      root,
      async (b) => {
        calls.push(b)
        if (calls.length === 1) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
      },
      { quietMs: 50, retryMs: 100, recursive: true, watch: fakeWatch, onError: (e) => errors.push(e) }
    )
    open.push(w)
    emit('late.txt')
    await until(() => calls.length >= 2)
    expect(errors).toHaveLength(1)
    expect(calls).toEqual([{ paths: ['late.txt'] }, { paths: ['late.txt'] }])
    // once it succeeded, nothing more is tried
    await sleep(500)
    expect(calls).toHaveLength(2)
  })

  it('picks up files added, changed, renamed and deleted by other programs, and new folders', async () => {
    const { root, svc, changes } = await liveArchive(3)
    writeFileSync(path.join(root, 'fresh.txt'), articleText(70))
    await until(() => svc.search(uniqueName(70)).total === 1)
    mkdirSync(path.join(root, 'new-folder', 'deeper'), { recursive: true })
    writeFileSync(path.join(root, 'new-folder', 'deeper', 'inside.txt'), articleText(71))
    await until(() => svc.search(uniqueName(71)).total === 1)
    // a file written later into the new folder is seen too (the folder is watched now)
    writeFileSync(path.join(root, 'new-folder', 'deeper', 'later.txt'), articleText(72))
    await until(() => svc.search(uniqueName(72)).total === 1)
    writeFileSync(path.join(root, 'article-0000.txt'), articleText(73))
    await until(() => svc.search(uniqueName(73)).total === 1 && svc.search(uniqueName(0)).total === 0)
    renameSync(path.join(root, 'article-0001.txt'), path.join(root, 'renamed.txt'))
    await until(() => svc.search(uniqueName(1)).hits[0]?.path === 'renamed.txt')
    rmSync(path.join(root, 'article-0002.txt'))
    await until(() => svc.search(uniqueName(2)).total === 0)
    expect(changes).toEqual([
      { kind: 'added', path: 'fresh.txt' },
      { kind: 'added', path: 'new-folder/deeper/inside.txt' },
      { kind: 'added', path: 'new-folder/deeper/later.txt' },
      { kind: 'changed', path: 'article-0000.txt' },
      { kind: 'renamed', path: 'renamed.txt', from: 'article-0001.txt' },
      { kind: 'removed', path: 'article-0002.txt' }
    ])
  })

  it("ignores editors' temporary files and reports a refused file once", async () => {
    const { root, svc, changes, w } = await liveArchive(1)
    writeFileSync(path.join(root, '.article-0000.txt.swp'), 'vim swap')
    writeFileSync(path.join(root, 'article-0000.txt~'), 'backup')
    writeFileSync(path.join(root, '.#article-0000.txt'), 'emacs lock')
    writeFileSync(path.join(root, 'download.txt.crdownload'), 'half a download')
    writeFileSync(path.join(root, 'blob.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 9, 8]))
    await sleep(300)
    await w.idle()
    appendFileSync(path.join(root, 'blob.txt'), Buffer.from([0, 0]))
    await sleep(300)
    await w.idle()
    expect(changes).toEqual([{ kind: 'rejected', path: 'blob.txt', reason: expect.stringMatching(/^binary file/) }])
    expect(svc.documentCount).toBe(1)
  })

  it('indexes a file written in several pieces once, with its final content', async () => {
    const { root, svc, changes, w } = await liveArchive(0)
    const f = path.join(root, 'slow.txt')
    const text = articleText(80)
    for (let i = 0; i < text.length; i += 60) {
      appendFileSync(f, text.slice(i, i + 60))
      await sleep(40) // a writer pausing less than the quiet period
    }
    appendFileSync(f, `\nLate paragraph about ${uniqueName(81)}.\n`)
    await sleep(300)
    await w.idle()
    expect(changes).toEqual([{ kind: 'added', path: 'slow.txt' }])
    expect(svc.search(uniqueName(81)).total).toBe(1)
  })

  it('falls back to polling with a clear notice when the system refuses more watches', async () => {
    const refuse = () => {
      throw Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' })
    }
    const { root, svc, notices, w } = await liveArchive(1, { watch: refuse as unknown as () => FSWatcher, pollMs: 200 })
    expect(w.mode).toBe('polling')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/every 0 s|every \d+ s/)
    expect(notices[0]).toMatch(/limit on watched folders/)
    expect(notices[0]).toMatch(/sysctl fs\.inotify\.max_user_watches/)
    writeFileSync(path.join(root, 'polled.txt'), articleText(90))
    await until(() => svc.search(uniqueName(90)).total === 1)
  })

  it('does not react to its own index writes when the data folder lies inside the archive', async () => {
    const base = tempDir('watch-inside')
    writeArticles(base, 2)
    const svc = await ArchiveService.open(base, { dataDir: path.join(base, 'dateline-data') })
    await svc.update()
    const batches: WatchBatch[] = []
    const w = await keepArchiveLive(svc, { quietMs: 100, onReport: () => batches.push({ all: true }) })
    open.push(w)
    writeFileSync(path.join(base, 'one-more.txt'), articleText(95))
    await until(() => svc.search(uniqueName(95)).total === 1)
    await sleep(400)
    await w.idle()
    expect(batches).toHaveLength(1)
  })
})
