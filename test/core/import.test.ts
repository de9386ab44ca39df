// Importing dropped files and folders into an archive: real files, real copies, real index.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService, importTarget } from '../../src-main/core/api'
import { importTempName } from '../../src-main/core/import/temp'
import { DatelineError } from '../../src-main/core/errors'
import { numberedName, portableName } from '../../src-main/core/import/names'
import { articleText, binaryBytes, tempDir, uniqueName, utf16leBytes, writeArticles } from '../fixtures/imports'

async function freshArchive(withFiles = 2) {
  const base = tempDir('import')
  const root = path.join(base, 'archive')
  writeArticles(root, withFiles)
  const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data') })
  await svc.update()
  return { base, root, svc }
}

/** Every file under `dir`, relative, with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const abs = path.join(dir, rel)
    if (statSync(abs).isFile()) out.set(rel.split(path.sep).join('/'), readFileSync(abs).toString('base64'))
  }
  return out
}

const today = importTarget('Imported/{date}')

describe('importing a mixed folder (the acceptance case)', () => {
  it('copies the good articles, names the duplicate and rejects each bad file with its reason', async () => {
    const { base, root, svc } = await freshArchive(2)
    const src = path.join(base, 'drop')
    mkdirSync(src)
    writeFileSync(path.join(src, 'good-one.txt'), articleText(100))
    writeFileSync(path.join(src, 'good-two.md'), articleText(101))
    writeFileSync(path.join(src, 'copy-of-existing.txt'), readFileSync(path.join(root, 'article-0001.txt')))
    writeFileSync(path.join(src, 'photo.txt'), binaryBytes())
    writeFileSync(path.join(src, 'empty.txt'), '')
    writeFileSync(path.join(src, 'wide.txt'), utf16leBytes(articleText(102)))
    writeFileSync(path.join(src, 'huge.txt'), Buffer.alloc(30 * 1024 * 1024, 'a'))
    const before = snapshot(root)

    const r = await svc.importFiles([src])

    expect(r.imported.map((f) => [path.basename(f.from), f.to])).toEqual([
      ['good-one.txt', `${today}/drop/good-one.txt`],
      ['good-two.md', `${today}/drop/good-two.md`],
      ['wide.txt', `${today}/drop/wide.txt`]
    ])
    expect(r.duplicates).toEqual([{ from: path.join(src, 'copy-of-existing.txt'), existing: 'article-0001.txt' }])
    expect(Object.fromEntries(r.rejected.map((x) => [path.basename(x.from), x.reason]))).toEqual({
      'empty.txt': 'empty file',
      'huge.txt': 'too large (30.0 MB, limit 20.0 MB)',
      'photo.txt': expect.stringMatching(/^binary file/)
    })
    // searchable at once, the UTF-16 one included
    for (const n of [100, 101, 102]) expect(svc.search(uniqueName(n)).hits.map((h) => h.path)).toEqual([r.imported[n - 100]!.to])
    expect(svc.documentCount).toBe(5)
    // nothing that was there changed; the copies are byte-identical to their sources
    const after = snapshot(root)
    for (const [rel, bytes] of before) expect(after.get(rel)).toBe(bytes)
    for (const f of r.imported) expect(readFileSync(path.join(root, f.to)).equals(readFileSync(f.from))).toBe(true)
    expect(after.size).toBe(before.size + 3)
  })
})

describe('never overwriting, never copying twice', () => {
  it('gives a different file with a taken name a numbered name and leaves the first untouched', async () => {
    const { base, root, svc } = await freshArchive(0)
    const a = path.join(base, 'a', 'report.txt')
    const b = path.join(base, 'b', 'report.txt')
    mkdirSync(path.dirname(a))
    mkdirSync(path.dirname(b))
    writeFileSync(a, articleText(1))
    writeFileSync(b, articleText(2))
    const first = await svc.importFiles([a])
    const second = await svc.importFiles([b])
    expect(first.imported[0]!.to).toBe(`${today}/report.txt`)
    expect(second.imported[0]!.to).toBe(`${today}/report (2).txt`)
    expect(readFileSync(path.join(root, today, 'report.txt'), 'utf8')).toBe(articleText(1))
    expect(svc.search(uniqueName(2)).hits.map((h) => h.path)).toEqual([`${today}/report (2).txt`])
  })

  it('copies one of two identical dropped files and reports the other as its duplicate', async () => {
    const { base, svc } = await freshArchive(0)
    const dir = path.join(base, 'twins')
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'one.txt'), articleText(7))
    writeFileSync(path.join(dir, 'two.txt'), articleText(7))
    const r = await svc.importFiles([dir])
    expect(r.imported).toHaveLength(1)
    expect(r.duplicates).toEqual([{ from: expect.stringMatching(/(one|two)\.txt$/), existing: r.imported[0]!.to }])
    // importing the same folder again copies nothing
    const again = await svc.importFiles([dir])
    expect(again.imported).toEqual([])
    expect(again.duplicates.map((d) => d.existing)).toEqual([r.imported[0]!.to, r.imported[0]!.to])
  })

  it('keeps the source modification time (it is evidence for the publication date)', async () => {
    const { base, root, svc } = await freshArchive(0)
    const f = path.join(base, 'old.txt')
    writeFileSync(f, articleText(3))
    execFileSync('touch', ['-d', '2015-03-09 10:00:00', f])
    const r = await svc.importFiles([f])
    expect(statSync(path.join(root, r.imported[0]!.to)).mtime.toISOString().slice(0, 10)).toBe('2015-03-09')
  })
})

describe('bad input gets a reason and stops nothing else', () => {
  it('handles broken links, link loops, unsupported and hidden files while importing the rest', async () => {
    const { base, svc } = await freshArchive(0)
    const src = path.join(base, 'messy')
    mkdirSync(path.join(src, 'sub'), { recursive: true })
    writeFileSync(path.join(src, 'fine.txt'), articleText(11))
    writeFileSync(path.join(src, 'sub', 'also-fine.txt'), articleText(12))
    symlinkSync(path.join(src, 'missing.txt'), path.join(src, 'dangling.txt'))
    symlinkSync('loop-b.txt', path.join(src, 'loop-a.txt'))
    symlinkSync('loop-a.txt', path.join(src, 'loop-b.txt'))
    symlinkSync('..', path.join(src, 'sub', 'parent'))
    symlinkSync(path.join(src, 'fine.txt'), path.join(src, 'sub', 'link-to-fine.txt'))
    writeFileSync(path.join(src, 'scan.pdf'), '%PDF-1.4')
    writeFileSync(path.join(src, 'photo.jpg'), 'x')
    writeFileSync(path.join(src, '.DS_Store'), 'x')
    writeFileSync(path.join(src, 'draft.txt~'), 'x')
    const r = await svc.importFiles([src, path.join(base, 'not-there.txt')])
    expect(r.imported.map((f) => path.basename(f.to)).sort()).toEqual(['also-fine.txt', 'fine.txt'])
    expect(r.duplicates.map((d) => path.basename(d.from))).toEqual(['link-to-fine.txt'])
    expect(Object.fromEntries(r.rejected.map((x) => [path.relative(base, x.from), x.reason]))).toEqual({
      'messy/.DS_Store': 'hidden file or folder (not imported)',
      'messy/dangling.txt': 'broken symbolic link (its target does not exist)',
      'messy/draft.txt~': 'temporary file (editor or download in progress)',
      'messy/loop-a.txt': 'symbolic link loop',
      'messy/loop-b.txt': 'symbolic link loop',
      'messy/photo.jpg': 'unsupported file type (.jpg)',
      'messy/scan.pdf': 'damaged PDF (not readable)',
      'messy/sub/parent': 'symbolic link loop (points back to a folder being imported)',
      'not-there.txt': 'not found'
    })
  })

  it('imports 990 of 1,000 files when 10 are bad, with 10 reasons', async () => {
    const { base, svc } = await freshArchive(0)
    const src = path.join(base, 'batch')
    writeArticles(src, 990, 1000)
    for (let i = 0; i < 10; i++) writeFileSync(path.join(src, `bad-${i}.txt`), i % 2 ? binaryBytes(512 + i) : '')
    const r = await svc.importFiles([src])
    expect(r.imported).toHaveLength(990)
    expect(r.rejected).toHaveLength(10)
    expect(new Set(r.rejected.map((x) => x.reason.replace(/ \(.*/, '')))).toEqual(new Set(['empty file', 'binary file']))
    expect(svc.documentCount).toBe(990)
    expect(svc.search(uniqueName(1989)).total).toBe(1)
  }, 120_000)

  it('makes names valid on every file system and short enough, saying so', () => {
    expect(portableName('Q&A: who? what*.txt')).toEqual({ name: 'Q&A_ who_ what_.txt', changed: expect.stringMatching(/replaced/) })
    expect(portableName('CON.txt').name).toBe('_CON.txt')
    expect(portableName('ordinary name.txt')).toEqual({ name: 'ordinary name.txt' })
    const long = 'ü'.repeat(127) + '.txt' // 258 bytes
    const fitted = portableName(long)
    expect(Buffer.byteLength(fitted.name)).toBeLessThanOrEqual(255)
    expect(fitted.name.endsWith('.txt')).toBe(true)
    const numbered = numberedName('x'.repeat(251) + '.txt', 12)
    expect(numbered).toMatch(/^x+ \(12\)\.txt$/)
    expect(Buffer.byteLength(numbered)).toBe(255)
  })

  it('imports a file whose name is as long as the file system allows, twice, under two names', async () => {
    const { base, root, svc } = await freshArchive(0)
    const name = 'n'.repeat(251) + '.txt'
    mkdirSync(path.join(base, 'x'))
    mkdirSync(path.join(base, 'y'))
    writeFileSync(path.join(base, 'x', name), articleText(21))
    writeFileSync(path.join(base, 'y', name), articleText(22))
    const r = await svc.importFiles([path.join(base, 'x', name), path.join(base, 'y', name)])
    expect(r.rejected).toEqual([])
    expect(r.imported.map((f) => Buffer.byteLength(path.basename(f.to)))).toEqual([255, 255])
    expect(new Set(r.imported.map((f) => f.to)).size).toBe(2)
    for (const f of r.imported) expect(existsSync(path.join(root, f.to))).toBe(true)
  })

  it('reports a full disk per file, leaves no partial copy and keeps what fitted', async () => {
    const { base, root, svc } = await freshArchive(0)
    const src = path.join(base, 'many')
    writeArticles(src, 6, 300)
    let writes = 0
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    const r = await svc.importFiles([src], {
      // the 4th and later copies hit a full disk after half their bytes were written
      fs: {
        writeTemp: async (file, bytes) => {
          writeFileSync(file, bytes.subarray(0, ++writes > 3 ? bytes.length >> 1 : bytes.length))
          if (writes > 3) throw full
        }
      }
    })
    expect(r.imported).toHaveLength(3)
    expect(r.rejected).toHaveLength(3)
    for (const x of r.rejected) expect(x.reason).toBe('disk full: not enough space in the archive folder')
    const files = readdirSync(path.join(root, today, 'many'))
    expect(files.sort()).toEqual(r.imported.map((f) => path.basename(f.to)).sort())
    for (const f of r.imported) expect(readFileSync(path.join(root, f.to), 'utf8')).toBe(readFileSync(f.from, 'utf8'))
  })
})

describe('a really full disk', () => {
  // A small tmpfs is a real full file system; mounting needs root with CAP_SYS_ADMIN (as in CI here).
  const canMount = (() => {
    if (process.getuid?.() !== 0) return false
    const probe = tempDir('mount-probe')
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' })
      execFileSync('umount', [probe], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()

  it.skipIf(!canMount)('imports what fits into a 256 KB archive disk and rejects the rest as "disk full"', async () => {
    const base = tempDir('fulldisk')
    const root = path.join(base, 'archive')
    mkdirSync(root)
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', root])
    try {
      const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data') })
      await svc.update()
      const src = path.join(base, 'big-articles')
      mkdirSync(src)
      // 12 articles of 40 KB: about 6 fit
      for (let i = 0; i < 12; i++) writeFileSync(path.join(src, `long-${i}.txt`), (articleText(600 + i) + '\n').repeat(150).slice(0, 40_000))
      const r = await svc.importFiles([src])
      expect(r.imported.length).toBeGreaterThan(0)
      expect(r.imported.length).toBeLessThan(12)
      expect(r.rejected.length + r.imported.length).toBe(12)
      for (const x of r.rejected) expect(x.reason).toBe('disk full: not enough space in the archive folder')
      // what is on the disk is exactly the imported files, each complete; no temp file remains
      const onDisk = readdirSync(path.join(root, today, 'big-articles'))
      expect(onDisk.sort()).toEqual(r.imported.map((f) => path.basename(f.to)).sort())
      for (const f of r.imported) expect(readFileSync(path.join(root, f.to)).equals(readFileSync(f.from))).toBe(true)
      for (const f of r.imported) expect(svc.search(uniqueName(Number(/long-(\d+)/.exec(f.to)![1]) + 600)).total).toBe(1)
    } finally {
      execFileSync('umount', [root])
    }
  })
})

describe('progress and cancellation', () => {
  it('reports files and bytes done, and a cancelled import leaves whole, indexed files only', async () => {
    const { base, root, svc } = await freshArchive(0)
    const src = path.join(base, 'long')
    const written = writeArticles(src, 40, 500)
    const totalBytes = written.reduce((n, f) => n + statSync(f).size, 0)
    const stop = new AbortController()
    const seen: Array<{ phase: string; done: number; total: number; bytes: number; totalBytes: number }> = []
    let landed = 0
    const r = await svc.importFiles([src], {
      signal: stop.signal,
      onProgress: (p) => seen.push(p),
      onFile: (o) => {
        if ('imported' in o && ++landed === 10) stop.abort()
      }
    })
    expect(r.cancelled).toBe(true)
    expect(r.imported.length).toBeGreaterThanOrEqual(10)
    expect(r.imported.length).toBeLessThan(40)
    expect(r.notStarted).toBe(40 - r.imported.length)
    const copy = seen.filter((p) => p.phase === 'copy')
    expect(copy.every((p) => p.total === 40 && p.totalBytes === totalBytes)).toBe(true)
    expect(copy.map((p) => p.done)).toEqual([...copy.map((p) => p.done)].sort((a, b) => a - b))
    expect(Math.max(...copy.map((p) => p.done))).toBe(r.imported.length)
    // every file on disk is complete and searchable; nothing else is there (no temp files)
    const onDisk = readdirSync(path.join(root, today, 'long'))
    expect(onDisk.sort()).toEqual(r.imported.map((f) => path.basename(f.to)).sort())
    for (const f of r.imported) expect(svc.search(uniqueName(Number(/(\d+)\.txt$/.exec(f.to)![1]))).total).toBe(1)
    expect(svc.documentCount).toBe(r.imported.length)
  })
})

describe('where copies go', () => {
  it('uses Imported/<today> by default, a chosen folder on request, and refuses folders outside the archive', async () => {
    expect(importTarget('Imported/{date}', new Date(2026, 10, 2))).toBe('Imported/2026-11-02')
    expect(importTarget('Inbox\\wires')).toBe('Inbox/wires')
    expect(() => importTarget('../elsewhere')).toThrow(DatelineError)
    expect(() => importTarget('/tmp/x')).toThrow(/inside the archive/)
    expect(() => importTarget('.hidden')).toThrow(/visible folder/)
    const { base, root, svc } = await freshArchive(0)
    writeFileSync(path.join(base, 'w.txt'), articleText(40))
    const r = await svc.importFiles([path.join(base, 'w.txt')], { target: 'Inbox/wires' })
    expect(r.imported[0]!.to).toBe('Inbox/wires/w.txt')
    expect(existsSync(path.join(root, 'Inbox/wires/w.txt'))).toBe(true)
  })

  it('refuses an archive folder that cannot be written, as one clear error', async () => {
    const base = tempDir('import-ro')
    const svc = await ArchiveService.open(path.join(base, 'gone'), { dataDir: path.join(base, 'data') })
    await expect(svc.importFiles([base])).rejects.toThrow(/Archive folder not found/)
  })

  it('removes temporary copies left by a killed import at the next import, never indexes them, and index leaves them (#25 item 4)', async () => {
    const { root, base, svc } = await freshArchive(1)
    mkdirSync(path.join(root, today), { recursive: true })
    // pid 2^22+1 is above Linux's pid_max ceiling, so no live process owns it
    const orphan = path.join(root, today, importTempName('abcdef', 4194305))
    writeFileSync(orphan, articleText(9).slice(0, 50))
    const reopened = await ArchiveService.open(root, { dataDir: svc.dataDir })
    await reopened.update()
    expect(existsSync(orphan)).toBe(true) // an index run writes nothing in the archive
    expect(reopened.search(uniqueName(9)).total).toBe(0)
    const drop = path.join(base, 'drop-orphan.txt')
    writeFileSync(drop, articleText(77))
    const r = await reopened.importFiles([drop])
    expect(r.imported).toHaveLength(1)
    expect(existsSync(orphan)).toBe(false)
    expect(reopened.search(uniqueName(9)).total).toBe(0)
  })
})

describe('unreadable source files', () => {
  const root = process.getuid?.() === 0
  it.skipIf(root)('rejects a file the user may not read (as a normal user)', async () => {
    const { base, svc } = await freshArchive(0)
    const f = path.join(base, 'secret.txt')
    writeFileSync(f, articleText(50))
    chmodSync(f, 0o000)
    const r = await svc.importFiles([f])
    expect(r.rejected).toEqual([{ from: f, reason: 'permission denied (cannot read)' }])
    rmSync(f, { force: true })
  })
})
