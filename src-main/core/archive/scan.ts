/**
 * Walk an archive folder and list the article files in it, with a reason for everything skipped.
 * Reads only directory entries and stat data: no file contents.
 */
import { lstat, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { DatelineError } from '../errors'
import { readerFor, type DocumentReader, defaultReaders } from './readers'

export interface FileEntry {
  /** path relative to the archive root, with forward slashes */
  path: string
  abs: string
  size: number
  mtimeMs: number
}

export interface Skipped {
  path: string
  reason: string
}

export interface ScanOptions {
  /** absolute folders never to enter (the app's own data folder when it lies inside the archive) */
  exclude?: string[]
  maxBytes?: number
  readers?: DocumentReader[]
}

// Files that describe a folder rather than report news; indexing them pollutes every search.
const NOT_ARTICLES = /^(?:readme|license|licence|changelog|contributing)(?:\.[a-z]+)?$/i

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

export async function scanArchive(root: string, opts: ScanOptions = {}): Promise<{ files: FileEntry[]; skipped: Skipped[] }> {
  const files: FileEntry[] = []
  const skipped: Skipped[] = []
  const exclude = new Set((opts.exclude ?? []).map((p) => path.resolve(p)))
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const readers = opts.readers ?? defaultReaders
  const rootAbs = path.resolve(root)

  const rel = (abs: string) => path.relative(rootAbs, abs).split(path.sep).join('/')

  async function walk(dir: string): Promise<void> {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (err) {
      skipped.push({ path: rel(dir) + '/', reason: `unreadable folder (${errCode(err)})` })
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const e of entries) {
      const abs = path.join(dir, e.name)
      if (exclude.has(abs)) {
        skipped.push({ path: rel(abs) + '/', reason: 'Dateline data folder' })
        continue
      }
      if (e.name.startsWith('.')) {
        skipped.push({ path: rel(abs) + (e.isDirectory() ? '/' : ''), reason: e.isDirectory() ? 'hidden folder' : 'hidden file' })
        continue
      }
      if (e.isDirectory()) {
        await walk(abs)
        continue
      }
      let info
      try {
        info = e.isSymbolicLink() ? await stat(abs) : await lstat(abs)
      } catch (err) {
        skipped.push({ path: rel(abs), reason: e.isSymbolicLink() ? 'broken symbolic link' : `unreadable (${errCode(err)})` })
        continue
      }
      if (info.isDirectory()) {
        // Symlinked folders are not followed: they can loop or leave the archive.
        skipped.push({ path: rel(abs) + '/', reason: 'symbolic link to a folder (not followed)' })
        continue
      }
      if (!info.isFile()) {
        skipped.push({ path: rel(abs), reason: 'not a regular file' })
        continue
      }
      if (NOT_ARTICLES.test(e.name)) {
        skipped.push({ path: rel(abs), reason: 'folder documentation (README/LICENSE), not an article' })
        continue
      }
      const ext = path.extname(e.name)
      if (!readerFor(ext, readers)) {
        skipped.push({ path: rel(abs), reason: ext ? `unsupported file type (${ext.toLowerCase()})` : 'unsupported file type (no extension)' })
        continue
      }
      if (info.size === 0) {
        skipped.push({ path: rel(abs), reason: 'empty file' })
        continue
      }
      if (info.size > maxBytes) {
        skipped.push({ path: rel(abs), reason: `too large (${formatMB(info.size)}, limit ${formatMB(maxBytes)})` })
        continue
      }
      files.push({ path: rel(abs), abs, size: info.size, mtimeMs: Math.round(info.mtimeMs) })
    }
  }

  const rootInfo = await stat(rootAbs).catch(() => null)
  if (!rootInfo?.isDirectory()) throw new DatelineError('not-found', `Archive folder not found: ${root}`)
  await walk(rootAbs)
  return { files, skipped }
}

function formatMB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function errCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOENT':
      return 'no longer exists'
    case 'ELOOP':
      return 'symbolic link loop'
    case 'ENAMETOOLONG':
      return 'name too long'
    case 'EISDIR':
      return 'is a folder'
    default:
      return code ?? String((err as Error)?.message ?? err)
  }
}
