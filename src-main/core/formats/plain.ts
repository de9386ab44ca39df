/**
 * Plain text and Markdown. A .txt file may be a database export of many articles (Nexis, Factiva):
 * then it is split into them, with the metadata their layout states.
 */
import { decodeText } from '../text/decode'
import { readExport } from './exports/split'
import type { DocumentReader, ReadResult } from './types'

export const plainTextReader: DocumentReader = {
  extensions: ['.txt', '.text'],
  read(bytes): ReadResult {
    const d = decodeText(bytes)
    if (!d.ok) return d
    const noted = d.note ? { encodingNote: d.note } : {}
    const split = readExport(d.text, d.encoding)
    return split ? { ...split, ...noted } : { ok: true, format: 'text', container: false, articles: [{ text: d.text, meta: {} }], encoding: d.encoding, ...noted }
  }
}

// Markdown is read as text: its syntax is mostly punctuation, which tokenising ignores.
export const markdownReader: DocumentReader = {
  extensions: ['.md', '.markdown'],
  read(bytes): ReadResult {
    const d = decodeText(bytes)
    if (!d.ok) return d
    return { ok: true, format: 'markdown', container: false, articles: [{ text: d.text, meta: {} }], encoding: d.encoding, ...(d.note ? { encodingNote: d.note } : {}) }
  }
}
