/**
 * Readers turn a file's bytes into article text. One reader per format, chosen by extension,
 * so later formats (HTML, PDF, DOCX, e-mail) plug in here without touching scan or index.
 */
import { decodeText, type Encoding } from '../text/decode'

export type ReadResult = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: string }

export interface DocumentReader {
  /** lower-case extensions with the dot */
  extensions: string[]
  read(bytes: Uint8Array): ReadResult
}

export const plainTextReader: DocumentReader = {
  extensions: ['.txt', '.text'],
  read: (bytes) => decodeText(bytes)
}

// Markdown is read as text: its syntax is mostly punctuation, which tokenising ignores.
export const markdownReader: DocumentReader = {
  extensions: ['.md', '.markdown'],
  read: (bytes) => decodeText(bytes)
}

export const defaultReaders: DocumentReader[] = [plainTextReader, markdownReader]

export function readerFor(ext: string, readers: DocumentReader[] = defaultReaders): DocumentReader | undefined {
  const e = ext.toLowerCase()
  return readers.find((r) => r.extensions.includes(e))
}
