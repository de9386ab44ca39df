/**
 * One archive file → its Documents: stable id, metadata, title and text (kept exactly as read,
 * so offsets used for highlighting refer to what the user sees). Most files hold one article; a
 * container (a mailbox, a feed, a database export) holds many, each a Document with the path
 * "file#n" (n from 1, in the file's order).
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { extractTitle } from '../text/title'
import type { Encoding } from '../text/decode'
import { defaultReaders, readerFor, type DocumentReader } from '../formats/registry'
import type { ArticleMeta, FormatName, ReadResult } from '../formats/types'
import { DatelineError } from '../errors'

export interface DocumentMeta {
  id: string
  /** relative path inside the archive, forward slashes; "export.txt#3" for the third article of a container */
  path: string
  size: number
  mtimeMs: number
  /** the file's change time when it was read (absent in indexes made before it was kept) */
  ctimeMs?: number
  /** sha256 of the file bytes (of the article's text and metadata, for an article of a container) */
  hash: string
  encoding: Encoding
  /** what decoding repaired or guessed, when it did (shown with the document) */
  encodingNote?: string
  title: string
  /** absent for plain text */
  format?: FormatName
  /** what the file states about the article (outlet, author, URL, dates), where it states anything */
  meta?: ArticleMeta
  /** the container file's path and its hash, for an article inside one */
  container?: string
  fileHash?: string
}

export interface Document extends DocumentMeta {
  text: string
}

/**
 * Stable id from the relative path: the same file keeps its id across re-indexing. The path as the
 * file system spells it, not normalised: "café.txt" in NFC and in NFD are two files on Linux, and
 * one id for both lost one of them (#25 item 12).
 */
export function documentId(relPath: string): string {
  return createHash('sha1').update(relPath).digest('hex').slice(0, 16)
}

export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The file a document was read from: its own path, or its container's. */
export function fileOf(d: { path: string; container?: string }): string {
  return d.container ?? d.path
}

/** The format of a document, for counts and labels. */
export function formatOf(d: { format?: FormatName }): FormatName {
  return d.format ?? 'text'
}

/** Files and articles of each format among these documents (a container's articles count one file). */
export function formatCounts(docs: Iterable<{ path: string; container?: string; format?: FormatName }>): Partial<Record<FormatName, { files: number; articles: number }>> {
  const out: Partial<Record<FormatName, { files: number; articles: number }>> = {}
  const files = new Set<string>()
  for (const d of docs) {
    const c = (out[formatOf(d)] ??= { files: 0, articles: 0 })
    c.articles++
    const f = fileOf(d)
    if (!files.has(f)) {
      files.add(f)
      c.files++
    }
  }
  return out
}

function hasMeta(m: ArticleMeta): boolean {
  return Object.keys(m).some((k) => k !== 'origins')
}

export type BuiltDocuments = { ok: true; docs: Document[]; format: FormatName; container: boolean } | { ok: false; reason: string }

/** Reads a heavy format elsewhere (the reader thread, workers/reader.ts), with a time and memory budget; `hash` is the bytes' content hash. */
export type IsolatedRead = (ext: string, bytes: Uint8Array, hash: string) => Promise<ReadResult>

export interface ReadOptions {
  readers?: DocumentReader[]
  isolate?: IsolatedRead
  /** the bytes' content hash, when the caller has it already (it is not computed twice) */
  hash?: string
}

export async function readDocuments(file: { path: string; size: number; mtimeMs: number; ctimeMs?: number }, bytes: Uint8Array, opts: ReadOptions = {}): Promise<BuiltDocuments> {
  const readers = opts.readers ?? defaultReaders
  const ext = path.extname(file.path)
  const reader = readerFor(ext, readers)
  if (!reader) return { ok: false, reason: 'unsupported file type' }
  const fileHash = opts.hash ?? contentHash(bytes)
  let read
  try {
    read = reader.isolated && opts.isolate && readers === defaultReaders ? await opts.isolate(ext.toLowerCase(), bytes, fileHash) : await reader.read(bytes)
  } catch (err) {
    if (err instanceof DatelineError && err.code === 'cancelled') throw err
    // a parser's own failure is this file's problem, never the update's
    return { ok: false, reason: `damaged or unreadable file (${err instanceof Error ? err.message.slice(0, 120) : 'parser error'})` }
  }
  if (!read.ok) return read
  const articles = read.articles.filter((a) => a.text.trim())
  if (!articles.length) return { ok: false, reason: read.container ? 'no articles in this file' : 'no text in this file' }
  const name = path.basename(file.path).replace(/\.[^.]+$/, '')
  const docs = articles.map((a, i): Document => {
    const p = read.container ? `${file.path}#${i + 1}` : file.path
    const meta = hasMeta(a.meta) ? a.meta : undefined
    return {
      id: documentId(p),
      path: p,
      size: file.size,
      mtimeMs: file.mtimeMs,
      ...(file.ctimeMs !== undefined ? { ctimeMs: file.ctimeMs } : {}),
      hash: read.container ? contentHash(JSON.stringify([a.title ?? '', a.text, meta ?? null])) : fileHash,
      encoding: read.encoding,
      ...(read.encodingNote ? { encodingNote: read.encodingNote } : {}),
      title: a.title?.replace(/\s+/g, ' ').trim().slice(0, 300) || extractTitle(a.text, read.container ? `${name} #${i + 1}` : name),
      text: a.text,
      ...(read.format !== 'text' ? { format: read.format } : {}),
      ...(meta ? { meta } : {}),
      ...(read.container ? { container: file.path, fileHash } : {})
    }
  })
  return { ok: true, docs, format: read.format, container: read.container }
}
