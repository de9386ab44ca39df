/**
 * One article file → a Document: stable id, metadata, title and text (kept exactly as decoded,
 * so offsets used for highlighting refer to what the user sees).
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { extractTitle } from '../text/title'
import type { Encoding } from '../text/decode'
import { readerFor, type DocumentReader, defaultReaders } from './readers'

export interface DocumentMeta {
  id: string
  /** relative path inside the archive, forward slashes */
  path: string
  size: number
  mtimeMs: number
  /** sha256 of the file bytes */
  hash: string
  encoding: Encoding
  title: string
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

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function buildDocument(
  file: { path: string; size: number; mtimeMs: number },
  bytes: Uint8Array,
  readers: DocumentReader[] = defaultReaders
): { ok: true; doc: Document } | { ok: false; reason: string } {
  const reader = readerFor(path.extname(file.path), readers)
  if (!reader) return { ok: false, reason: 'unsupported file type' }
  const read = reader.read(bytes)
  if (!read.ok) return read
  const name = path.basename(file.path).replace(/\.[^.]+$/, '')
  return {
    ok: true,
    doc: {
      id: documentId(file.path),
      path: file.path,
      size: file.size,
      mtimeMs: file.mtimeMs,
      hash: contentHash(bytes),
      encoding: read.encoding,
      title: extractTitle(read.text, name),
      text: read.text
    }
  }
}
