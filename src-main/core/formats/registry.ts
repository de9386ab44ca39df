/**
 * Readers turn a file's bytes into articles. One reader per format, chosen by extension; scan,
 * import and index know only this list.
 */
import { emlReader, mboxReader, mhtmlReader } from './email'
import { feedReader } from './feed'
import { htmlReader } from './html/read'
import { docxReader, odtReader } from './office'
import { pdfReader } from './pdf'
import { markdownReader, plainTextReader } from './plain'
import { rtfReader } from './rtf'
import type { DocumentReader } from './types'

export type { DocumentReader } from './types'

export const defaultReaders: DocumentReader[] = [plainTextReader, markdownReader, htmlReader, mhtmlReader, pdfReader, docxReader, odtReader, rtfReader, emlReader, mboxReader, feedReader]

export function readerFor(ext: string, readers: DocumentReader[] = defaultReaders): DocumentReader | undefined {
  const e = ext.toLowerCase()
  return readers.find((r) => r.extensions.includes(e))
}

/** Every extension Dateline reads, without the dot (for file dialogs). */
export function readableExtensions(readers: DocumentReader[] = defaultReaders): string[] {
  return readers.flatMap((r) => r.extensions.map((e) => e.slice(1)))
}
