// Symbolic links never carry files out of the archive or bring outside content in (#25 items 5, 6).
// Each case is a link a user (or someone handing over a folder) can make in a minute.
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { readArchiveFile } from '../../src-main/core/archive/read-file'
import { realFolder } from '../../src-main/core/archive/inside'
import { DatelineError } from '../../src-main/core/errors'
import { articleText, tempDir, uniqueName, writeArticles } from '../fixtures/imports'

/** An archive with two articles and, beside it, an "outside" folder holding a secret article. */
async function setup() {
  const base = tempDir('links')
  const root = path.join(base, 'archive')
  writeArticles(root, 2)
  const outside = path.join(base, 'outside')
  mkdirSync(outside)
  writeFileSync(path.join(outside, 'secret.txt'), articleText(900))
  const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data') })
  return { base, root, outside, svc, secret: uniqueName(900) }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()
}

describe('links inside the archive', () => {
  it('does not index a link to a file outside the archive, and says why', async () => {
    const { root, outside, svc, secret } = await setup()
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'innocent.txt'))
    symlinkSync('article-0000.txt', path.join(root, 'alias.txt'))
    const r = await svc.update()
    expect(svc.search(secret).total).toBe(0)
    expect(r.skipped).toContainEqual({ path: 'innocent.txt', reason: 'symbolic link to a file outside the archive (not indexed)' })
    // a link that stays inside the archive is still an ordinary file to index
    expect(svc.search(uniqueName(0)).hits.map((h) => h.path).sort()).toEqual(['alias.txt', 'article-0000.txt'])
  })

  it('does not index a live change inside a linked folder', async () => {
    const { root, outside, svc, secret } = await setup()
    await svc.update()
    symlinkSync(outside, path.join(root, 'wire'))
    const r = await svc.updatePaths(['wire/secret.txt'])
    expect(svc.search(secret).total).toBe(0)
    expect(r.skipped).toContainEqual({ path: 'wire/secret.txt', reason: 'inside a symbolic link to a folder (not followed)' })
  })

  it('does not read a file that became a link to outside after the scan', async () => {
    const { root, outside } = await setup()
    const file = path.join(root, 'article-0001.txt')
    rmSync(file)
    symlinkSync(path.join(outside, 'secret.txt'), file)
    const read = await readArchiveFile(file, 1 << 20, await realFolder(root))
    expect(read).toEqual({ ok: false, reason: 'symbolic link to a file outside the archive (not indexed)' })
  })
})

describe('import and links', () => {
  async function dropFolder(base: string): Promise<string> {
    const drop = path.join(base, 'drop')
    writeArticles(drop, 2, 500)
    return drop
  }

  it.each([
    ['Imported', (t: string) => t.split('/')[0]!],
    ['the dated folder', (t: string) => t]
  ])('refuses to write when %s is a link to elsewhere, and writes nothing there', async (_what, linked) => {
    const { base, root, svc } = await setup()
    const elsewhere = path.join(base, 'elsewhere')
    mkdirSync(elsewhere)
    const target = 'Imported/2026-03-04'
    const link = path.join(root, linked(target))
    mkdirSync(path.dirname(link), { recursive: true })
    symlinkSync(elsewhere, link)
    const err = await svc.importFiles([await dropFolder(base)], { target }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatelineError)
    expect((err as DatelineError).message).toMatch(/is a symbolic link; import does not write through links/)
    expect(filesUnder(elsewhere)).toEqual([])
  })

  it('refuses --into a folder whose last part is a link', async () => {
    const { base, root, svc } = await setup()
    const elsewhere = path.join(base, 'elsewhere')
    mkdirSync(elsewhere)
    mkdirSync(path.join(root, 'Inbox'))
    symlinkSync(elsewhere, path.join(root, 'Inbox', 'wire'))
    await expect(svc.importFiles([await dropFolder(base)], { target: 'Inbox/wire' })).rejects.toThrow(/"Inbox\/wire" is a symbolic link/)
    expect(filesUnder(elsewhere)).toEqual([])
  })

  it('refuses per file when a folder inside the destination is a link, and imports the rest', async () => {
    const { base, root, svc } = await setup()
    const elsewhere = path.join(base, 'elsewhere')
    mkdirSync(elsewhere)
    const drop = await dropFolder(base)
    writeArticles(path.join(drop, 'sub'), 1, 600)
    mkdirSync(path.join(root, 'In'))
    // the dropped folder's name, already in the archive as a link
    symlinkSync(elsewhere, path.join(root, 'In', 'drop'))
    const r = await svc.importFiles([drop, path.join(base, 'outside', 'secret.txt')], { target: 'In' })
    expect(filesUnder(elsewhere)).toEqual([])
    expect(r.imported.map((f) => f.to)).toEqual(['In/secret.txt'])
    expect(r.rejected).toHaveLength(3)
    for (const x of r.rejected) expect(x.reason).toMatch(/"In\/drop" is a symbolic link/)
  })

  it('does not follow links inside a dropped folder that lead out of it', async () => {
    const { base, outside, svc, secret } = await setup()
    const drop = await dropFolder(base)
    symlinkSync(path.join(outside, 'secret.txt'), path.join(drop, 'leak.txt'))
    symlinkSync(outside, path.join(drop, 'leak-folder'))
    symlinkSync('article-0500.txt', path.join(drop, 'same.txt'))
    const r = await svc.importFiles([drop])
    expect(svc.search(secret).total).toBe(0)
    const reasons = Object.fromEntries(r.rejected.map((x) => [path.basename(x.from), x.reason]))
    expect(reasons).toEqual({ 'leak.txt': 'symbolic link to outside the dropped folder (not followed)', 'leak-folder': 'symbolic link to outside the dropped folder (not followed)' })
    expect(r.imported).toHaveLength(2)
    expect(r.duplicates.map((d) => path.basename(d.from))).toEqual(['same.txt'])
  })

  it('still follows a link the user dropped', async () => {
    const { base, outside, svc, secret } = await setup()
    const link = path.join(base, 'shortcut.txt')
    symlinkSync(path.join(outside, 'secret.txt'), link)
    const r = await svc.importFiles([link])
    expect(r.imported).toHaveLength(1)
    expect(svc.search(secret).total).toBe(1)
  })

  it('says so when a file stands where a destination folder should be', async () => {
    const { base, root, svc } = await setup()
    const drop = await dropFolder(base)
    mkdirSync(path.join(root, 'In'))
    writeFileSync(path.join(root, 'In', 'drop'), 'a note the user keeps here')
    const r = await svc.importFiles([drop], { target: 'In' })
    expect(r.imported).toEqual([])
    expect(r.rejected.map((x) => x.reason)).toEqual(['"In/drop" in the archive is a file, not a folder', '"In/drop" in the archive is a file, not a folder'])
  })
})
