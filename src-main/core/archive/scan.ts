/**
 * Walk an archive folder and list the article files in it, with a reason for everything skipped.
 * Reads only directory entries and stat data: no file contents.
 */
import type { Stats } from 'node:fs'
import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { DatelineError } from '../errors'
import { isInside, realFolder, sameFolder } from './inside'
import { readerFor, type DocumentReader, defaultReaders } from '../formats/registry'

export interface FileEntry {
  /** path relative to the archive root, with forward slashes */
  path: string
  abs: string
  size: number
  mtimeMs: number
  /** when the file's data or metadata last changed: an edit that restores size and mtime still moves it */
  ctimeMs?: number
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
  const rootAbs = path.resolve(root)
  const rootInfo = await stat(rootAbs).catch(() => null)
  if (!rootInfo?.isDirectory()) throw new DatelineError('not-found', `Archive folder not found: ${root}`)
  // an archive that cannot be listed is not an empty one: say so, and keep the index as it is
  await readdir(rootAbs).catch((err: unknown) => {
    throw new DatelineError('io', `The archive folder ${root} cannot be read (${errCode(err)}); the index is kept as it was.`)
  })
  const walker = new Walker(rootAbs, await realFolder(rootAbs), opts)
  await walker.walk(rootAbs)
  return { files: walker.files, skipped: walker.skipped }
}

/**
 * Look only at some paths of the archive (relative, forward slashes): files are checked, folders
 * walked. Used for live changes and imports so a 100,000-file archive is not re-listed for one file.
 * Paths that no longer exist are simply absent from the result.
 */
export async function scanPaths(root: string, rels: readonly string[], opts: ScanOptions = {}): Promise<{ files: FileEntry[]; skipped: Skipped[] }> {
  const rootAbs = path.resolve(root)
  const rootReal = await realFolder(rootAbs)
  const walker = new Walker(rootAbs, rootReal, opts)
  // an import's thousands of paths share a few folders: resolve each folder once
  const realParents = new Map<string, Promise<string>>()
  for (const rel of normalizeScope(rels)) {
    const parts = rel.split('/')
    // inside a hidden folder, the data folder or an editor's temp name: not part of the archive
    if (parts.some((p) => p.startsWith('.'))) continue
    const abs = path.join(rootAbs, ...parts)
    if ([...walker.exclude].some((x) => abs === x || abs.startsWith(x + path.sep))) continue
    let info
    try {
      info = await lstat(abs)
    } catch {
      continue
    }
    // a full scan never enters a linked folder; a live change inside one is not indexed either
    const parent = path.dirname(abs)
    let real = realParents.get(parent)
    if (!real) realParents.set(parent, (real = realFolder(parent)))
    const parentReal = await real
    if (!sameFolder(parentReal, path.join(rootReal, ...parts.slice(0, -1)))) {
      walker.skipped.push({ path: rel, reason: 'inside a symbolic link to a folder (not followed)' })
      continue
    }
    if (info.isDirectory()) await walker.walk(abs)
    else await walker.visit(abs, parts[parts.length - 1]!, info.isSymbolicLink())
  }
  return { files: walker.files, skipped: walker.skipped }
}

/** Distinct relative paths, with those inside another listed folder dropped. */
export function normalizeScope(rels: readonly string[]): string[] {
  const clean = [...new Set(rels.map((r) => r.split(/[\\/]+/).filter((p) => p && p !== '.').join('/')))]
    .filter((r) => r && !r.split('/').includes('..'))
    .sort()
  return clean.filter((r, i) => !clean.slice(0, i).some((q) => r.startsWith(q + '/')))
}

/** True when `rel` is one of the scope paths or lies inside one. */
export function inScope(rel: string, scope: readonly string[]): boolean {
  return scope.some((s) => rel === s || rel.startsWith(s + '/'))
}

// Editors and browsers write these next to the real file while saving or downloading.
const TEMP_FILE = /(?:~|\.sw[a-p]|\.tmp|\.temp|\.part|\.partial|\.crdownload|\.download|___jb_(?:tmp|old)___)$|^~\$|^\.#|^4913$|^\.goutputstream-/i

export function isTemporaryName(name: string): boolean {
  return TEMP_FILE.test(name)
}

class Walker {
  readonly files: FileEntry[] = []
  readonly skipped: Skipped[] = []
  readonly exclude: Set<string>
  private readonly maxBytes: number
  private readonly readers: DocumentReader[]

  constructor(
    private readonly rootAbs: string,
    /** the archive's real path: a link to a file is followed only when it stays inside */
    private readonly rootReal: string,
    opts: ScanOptions
  ) {
    this.exclude = new Set((opts.exclude ?? []).map((p) => path.resolve(p)))
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
    this.readers = opts.readers ?? defaultReaders
  }

  rel(abs: string): string {
    return path.relative(this.rootAbs, abs).split(path.sep).join('/')
  }

  async walk(dir: string): Promise<void> {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (err) {
      this.skipped.push({ path: this.rel(dir) + '/', reason: undecodableName(path.basename(dir), err) ?? `unreadable folder (${errCode(err)})` })
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    // The folder's files are stat'ed STAT_BATCH at a time (one at a time, 100,000 files took 7 s of
    // waiting on the disk); results are used in name order, so the output order does not change.
    const paths = entries.map((e) => path.join(dir, e.name))
    const isArticleCandidate = (i: number) => !entries[i]!.isDirectory() && !entries[i]!.name.startsWith('.') && !this.exclude.has(paths[i]!)
    const stats: Array<Promise<StatResult> | undefined> = []
    for (let i = 0; i < entries.length; i++) {
      if (i % STAT_BATCH === 0) {
        // start the next batch only when this index is reached: at most STAT_BATCH stats in flight
        for (let j = i; j < Math.min(entries.length, i + STAT_BATCH); j++) if (isArticleCandidate(j)) stats[j] = statEntry(paths[j]!, entries[j]!.isSymbolicLink(), this.rootReal)
      }
      const e = entries[i]!
      const abs = paths[i]!
      if (this.exclude.has(abs)) {
        this.skipped.push({ path: this.rel(abs) + '/', reason: 'Dateline data folder' })
        continue
      }
      if (e.name.startsWith('.')) {
        this.skipped.push({ path: this.rel(abs) + (e.isDirectory() ? '/' : ''), reason: e.isDirectory() ? 'hidden folder' : 'hidden file' })
        continue
      }
      if (e.isDirectory()) {
        const page = savedPageOf(e.name, entries)
        if (page) this.skipped.push({ path: this.rel(abs) + '/', reason: `images, scripts and styles of the saved web page ${page} (not articles)` })
        else await this.walk(abs)
      } else this.visited(abs, e.name, e.isSymbolicLink(), await stats[i]!)
    }
  }

  async visit(abs: string, name: string, isLink: boolean): Promise<void> {
    this.visited(abs, name, isLink, await statEntry(abs, isLink, this.rootReal))
  }

  private visited(abs: string, name: string, isLink: boolean, result: StatResult): void {
    const rel = this.rel(abs)
    const info = result.info
    if (!info) {
      const err = result.err
      const code = (err as NodeJS.ErrnoException).code
      this.skipped.push({ path: rel, reason: undecodableName(name, err) ?? (isLink ? (code === 'ELOOP' ? 'symbolic link loop' : 'broken symbolic link') : `unreadable (${errCode(err)})`) })
      return
    }
    if (info.isDirectory()) {
      // Symlinked folders are not followed: they can loop or leave the archive.
      this.skipped.push({ path: rel + '/', reason: 'symbolic link to a folder (not followed)' })
      return
    }
    if (result.outside) {
      this.skipped.push({ path: rel, reason: 'symbolic link to a file outside the archive (not indexed)' })
      return
    }
    const reason = fileRejection(name, info, this.maxBytes, this.readers)
    if (reason) this.skipped.push({ path: rel, reason })
    else this.files.push({ path: rel, abs, size: info.size, mtimeMs: Math.round(info.mtimeMs), ctimeMs: Math.round(info.ctimeMs) })
  }
}

const STAT_BATCH = 64

interface StatResult {
  info?: Stats
  err?: unknown
  /** a link whose target lies outside the archive's real path */
  outside?: boolean
}

/** stat for a symbolic link (its target), lstat otherwise; failures as values, so a batch never rejects. */
async function statEntry(abs: string, isLink: boolean, rootReal: string): Promise<StatResult> {
  try {
    if (!isLink) return { info: await lstat(abs) }
    const info = await stat(abs)
    return { info, outside: !isInside(await realpath(abs), rootReal) }
  } catch (err) {
    return { err }
  }
}

/**
 * A browser's "Save as… complete" writes "Page.html" and beside it "Page_files/" with the page's
 * images, scripts, styles and frames (ads, widgets): the folder is part of the page, not articles.
 */
export function savedPageOf(folder: string, siblings: ReadonlyArray<{ name: string; isDirectory(): boolean }>): string | undefined {
  const m = /^(.+)_files$/.exec(folder)
  if (!m) return undefined
  return siblings.find((s) => !s.isDirectory() && /\.(?:html?|xhtml)$/i.test(s.name) && s.name.replace(/\.[^.]+$/, '') === m[1])?.name
}

/**
 * The size limit for a file: the archive's (20 MB by default), and 25 times that for the formats
 * whose files are large by nature (a mailbox of years of newsletters, a PDF with its pictures).
 */
export function sizeLimitFor(name: string, maxBytes: number): number {
  return /\.(?:mbox|mbx|pdf)$/i.test(name) ? maxBytes * 25 : maxBytes
}

/** Why a file is not an article, judged from its name and stat data alone; null when it may be one. */
export function fileRejection(name: string, info: { isFile(): boolean; size: number }, maxBytes: number, readers: DocumentReader[] = defaultReaders): string | null {
  if (!info.isFile()) return 'not a regular file'
  if (name.startsWith('.')) return 'hidden file'
  if (isTemporaryName(name)) return 'temporary file (editor or download in progress)'
  if (NOT_ARTICLES.test(name)) return 'folder documentation (README/LICENSE), not an article'
  const ext = path.extname(name)
  if (!readerFor(ext, readers)) return ext ? `unsupported file type (${ext.toLowerCase()})` : 'unsupported file type (no extension)'
  if (info.size === 0) return 'empty file'
  const limit = sizeLimitFor(name, maxBytes)
  if (info.size > limit) return tooLargeReason(info.size, limit)
  return null
}

export function tooLargeReason(size: number, maxBytes: number): string {
  return `too large (${formatMB(size)}, limit ${formatMB(maxBytes)})`
}

function formatMB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * A name the file system holds as bytes that are not UTF-8 (a Latin-1 name copied from an old
 * disk) reaches us with U+FFFD in place of those bytes, and cannot be opened by that name.
 */
function undecodableName(name: string, err: unknown): string | undefined {
  if (!name.includes('\ufffd') || (err as NodeJS.ErrnoException)?.code !== 'ENOENT') return undefined
  return 'the file name is not valid UTF-8 (rename it to index it)'
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
