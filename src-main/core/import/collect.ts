/**
 * What the user dropped → the list of files to import, and a reason for everything refused
 * before reading a byte. Folders are walked recursively and keep their structure. A dropped link
 * is followed (the user dropped it on purpose); a link found inside a dropped folder is followed
 * only when it stays inside that folder (#25 item 6: a folder of articles must not carry in what
 * its links point at elsewhere), and a link back to a folder already being walked is a loop.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { isInside } from '../archive/inside'
import { errCode, fileRejection, savedPageOf } from '../archive/scan'
import type { DocumentReader } from '../formats/registry'

export interface ImportCandidate {
  /** absolute source path as given or found */
  from: string
  /** destination relative to the import folder, forward slashes (source folder structure kept) */
  rel: string
  size: number
  mtimeMs: number
}

export interface Rejection {
  from: string
  reason: string
}

export interface CollectOptions {
  maxBytes: number
  readers?: DocumentReader[]
  /** absolute folders never to import from (Dateline's own data folder) */
  exclude?: string[]
}

export async function collectSources(sources: readonly string[], opts: CollectOptions): Promise<{ files: ImportCandidate[]; rejected: Rejection[] }> {
  const files: ImportCandidate[] = []
  const rejected: Rejection[] = []
  const exclude = (opts.exclude ?? []).map((p) => path.resolve(p))
  const excluded = (abs: string) => exclude.some((x) => abs === x || abs.startsWith(x + path.sep))

  /** `top`: the real path of the dropped folder this entry was found in (undefined for what was dropped) */
  async function visit(abs: string, rel: string, ancestors: Set<string>, top?: string): Promise<void> {
    let info
    let isLink = false
    try {
      const l = await lstat(abs)
      isLink = l.isSymbolicLink()
      info = isLink ? await stat(abs) : l
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      rejected.push({
        from: abs,
        reason: isLink ? (code === 'ELOOP' ? 'symbolic link loop' : 'broken symbolic link (its target does not exist)') : reasonFor(err)
      })
      return
    }
    if (isLink && top !== undefined) {
      const real = await realpath(abs).catch(() => null)
      if (real === null || !isInside(real, top)) {
        rejected.push({ from: abs, reason: 'symbolic link to outside the dropped folder (not followed)' })
        return
      }
    }
    const name = path.basename(abs)
    if (info.isDirectory()) {
      if (excluded(abs)) {
        rejected.push({ from: abs, reason: "Dateline's own data folder" })
        return
      }
      let real: string
      try {
        real = await realpath(abs)
      } catch (err) {
        rejected.push({ from: abs, reason: reasonFor(err) })
        return
      }
      if (ancestors.has(real)) {
        rejected.push({ from: abs, reason: 'symbolic link loop (points back to a folder being imported)' })
        return
      }
      let entries: string[]
      try {
        entries = (await readdir(abs)).sort()
      } catch (err) {
        rejected.push({ from: abs, reason: `unreadable folder (${errCode(err)})` })
        return
      }
      const inside = new Set(ancestors).add(real)
      for (const e of entries) {
        if (e.startsWith('.')) {
          rejected.push({ from: path.join(abs, e), reason: 'hidden file or folder (not imported)' })
          continue
        }
        const page = savedPageOf(e, entries.map((name) => ({ name, isDirectory: () => false })))
        if (page) {
          rejected.push({ from: path.join(abs, e), reason: `images, scripts and styles of the saved web page ${page} (not articles)` })
          continue
        }
        await visit(path.join(abs, e), `${rel}/${e}`, inside, top ?? real)
      }
      return
    }
    const reason = fileRejection(name, info, opts.maxBytes, opts.readers)
    if (reason) rejected.push({ from: abs, reason })
    else files.push({ from: abs, rel, size: info.size, mtimeMs: info.mtimeMs })
  }

  for (const src of sources) {
    const abs = path.resolve(src)
    // a dropped folder keeps its own name: dropping "Reuters/" imports into <target>/Reuters/…
    await visit(abs, path.basename(abs) || 'dropped', new Set())
  }
  return { files, rejected }
}

export function reasonFor(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code
  switch (code) {
    case 'ENOENT':
      return 'not found'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (cannot read)'
    case 'ELOOP':
      return 'symbolic link loop'
    case 'ENAMETOOLONG':
      return 'name too long for the file system'
    case 'EISDIR':
      return 'is a folder'
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk full: not enough space in the archive folder'
    case 'EROFS':
      return 'the archive folder is on a read-only file system'
    case 'EINVAL':
      return 'name not valid on the file system'
    case 'EIO':
      return 'read error (input/output error)'
    default:
      return `could not read (${code ?? (err as Error)?.message ?? String(err)})`
  }
}
