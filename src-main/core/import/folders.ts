/**
 * Destination folders of an import, made one level at a time from the archive's real path, never
 * through a symbolic link (#25 item 5: `Imported/` or a dated folder that is a link to elsewhere
 * sent copies outside the archive while the report said they were in it; the index does not
 * follow linked folders either, so they were lost to search too). What exists is checked with
 * lstat, what is missing is created with a plain mkdir, so a link is seen before anything is
 * written below it.
 */
import type { Stats } from 'node:fs'
import { lstat, mkdir } from 'node:fs/promises'
import path from 'node:path'

export type FolderResult = { ok: true; dir: string } | { ok: false; reason: string }

export class ImportFolders {
  private readonly made = new Map<string, Promise<FolderResult>>()

  /** `root`: the archive's real path (realFolder), under which every folder is made. */
  constructor(readonly root: string) {}

  /** The absolute folder for archive-relative `parts`, created if missing; a reason when it cannot be used. */
  ensure(parts: readonly string[]): Promise<FolderResult> {
    const key = parts.join('/')
    let p = this.made.get(key)
    if (!p) {
      p = parts.length === 0 ? Promise.resolve({ ok: true, dir: this.root }) : this.ensureChild(parts)
      this.made.set(key, p)
    }
    return p
  }

  private async ensureChild(parts: readonly string[]): Promise<FolderResult> {
    const parent = await this.ensure(parts.slice(0, -1))
    if (!parent.ok) return parent
    const dir = path.join(parent.dir, parts[parts.length - 1]!)
    const shown = parts.join('/')
    for (let attempt = 0; attempt < 2; attempt++) {
      const info = await lstat(dir).catch((err: NodeJS.ErrnoException) => err)
      if (!(info instanceof Error)) {
        const reason = unusable(info, shown)
        return reason ? { ok: false, reason } : { ok: true, dir }
      }
      if (info.code !== 'ENOENT') throw info
      try {
        await mkdir(dir)
        return { ok: true, dir }
      } catch (err) {
        // made by someone else in between: look again
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
    }
    return { ok: false, reason: `the archive folder "${shown}" keeps changing` }
  }
}

/** Why the existing part of a destination folder cannot be written through (a link or a file on the way); null when it can. Creates nothing. */
export async function blockedFolder(root: string, parts: readonly string[]): Promise<string | null> {
  let dir = root
  for (let i = 0; i < parts.length; i++) {
    dir = path.join(dir, parts[i]!)
    const info = await lstat(dir).catch(() => null)
    if (!info) return null
    const reason = unusable(info, parts.slice(0, i + 1).join('/'))
    if (reason) return reason
  }
  return null
}

/** Why an existing level (lstat data) cannot hold copies; null when it is a real folder. */
function unusable(info: Stats, shown: string): string | null {
  if (info.isSymbolicLink()) return `the archive folder "${shown}" is a symbolic link; import does not write through links (they can lead outside the archive)`
  if (!info.isDirectory()) return `"${shown}" in the archive is a file, not a folder`
  return null
}
