/**
 * PDF: the text layer page by page in reading order (pdf.js, Mozilla's PDF engine; no eval, no
 * font loading, no fetching), lines rebuilt from the positions of the text runs. What a browser
 * prints into every page's margin when it saves a page as PDF — the print date and the page title
 * at the top, the URL and "1/3" at the bottom — is the copy's capture date and source URL, taken
 * out of the text and kept apart; the document's own dates (creation) are never the publication
 * date. A PDF without a text layer is reported as scanned, an encrypted one as such.
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { parseMetaDate } from './meta-date'
import { LIMITS, type ArticleMeta, type DocumentReader, type ReadResult } from './types'

/**
 * pdf.js runs its parser in this thread (a "fake worker", in the reader thread already): handed
 * its module here, it never loads one from a file URL, which a packaged app's archive may not serve.
 */
let parserLoaded: Promise<void> | undefined
function loadParser(): Promise<void> {
  return (parserLoaded ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then((m) => {
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = m
  }))
}

interface TextItem {
  str: string
  transform: number[]
  hasEOL?: boolean
  height?: number
}

/** A page's text runs → lines, top to bottom, in the order pdf.js gives them within a line. */
function pageLines(items: TextItem[]): string[] {
  const lines: string[] = []
  let line = ''
  let lastY: number | undefined
  for (const it of items) {
    if (typeof it.str !== 'string') continue
    const y = it.transform[5]!
    if (lastY !== undefined && Math.abs(y - lastY) > Math.max(2, (it.height ?? 10) * 0.5) && line.trim()) {
      lines.push(line)
      line = ''
    }
    line += it.str
    lastY = y
    if (it.hasEOL) {
      lines.push(line)
      line = ''
    }
  }
  if (line.trim()) lines.push(line)
  return lines.map((l) => l.replace(/\s+/g, ' ').trim())
}

// "6/4/21, 9:15 AM  Title", "04/06/2021, 09:15  Title": a browser's print header
const PRINT_HEADER = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),? (\d{1,2}):(\d{2})(?: ?([AP]M))?\b/i
// "https://news.example/2021/06/04/story  1/3"
const PRINT_FOOTER = /^(https?:\/\/\S+)\s+\d+\/\d+$/

function printDate(m: RegExpExecArray): string | undefined {
  let [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 100) y += 2000
  // with AM/PM it is a US locale (month first); otherwise only an unambiguous day tells
  const [mo, d] = m[6] ? [a, b] : a > 12 ? [b, a] : b > 12 ? [a, b] : [undefined, undefined]
  if (mo === undefined || d === undefined) return undefined
  return parseMetaDate(`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
}

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  await loadParser()
  let doc
  try {
    doc = await getDocument({
      data: new Uint8Array(bytes), // pdf.js takes the buffer over
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: VerbosityLevel.ERRORS
    }).promise
  } catch (err) {
    const name = (err as { name?: string }).name
    if (name === 'PasswordException') return { ok: false, reason: 'encrypted PDF (it needs a password)' }
    return { ok: false, reason: 'damaged PDF (not readable)' }
  }
  try {
    const pages: string[][] = []
    let unreadable = 0
    for (let p = 1; p <= Math.min(doc.numPages, LIMITS.maxPages); p++) {
      // a damaged page is left out, the others are read
      try {
        const page = await doc.getPage(p)
        const content = await page.getTextContent()
        pages.push(pageLines(content.items as TextItem[]))
        page.cleanup()
      } catch {
        unreadable++
      }
    }
    if (!pages.length) return { ok: false, reason: unreadable ? 'damaged PDF (no page could be read)' : 'a PDF without pages' }
    const chars = pages.reduce((n, l) => n + l.join('').length, 0)
    if (chars < 20 * pages.length && chars < 200) return { ok: false, reason: 'no text layer (scanned?): text recognition (OCR) is not part of Dateline' }
    const meta: ArticleMeta = {}
    // the browser's margins: first and last line of each page
    let captured: string | undefined
    let url: string | undefined
    for (const lines of pages) {
      const head = lines[0] ? PRINT_HEADER.exec(lines[0]) : null
      if (head) {
        captured ??= printDate(head)
        lines.shift()
      }
      const foot = lines.length ? PRINT_FOOTER.exec(lines[lines.length - 1]!) : null
      if (foot) {
        url ??= foot[1]
        lines.pop()
      }
    }
    const info = ((await doc.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>
    if (url) (meta.url = url), (meta.origins = { url: 'the URL printed in the page footer' })
    const made = parseMetaDate(typeof info.CreationDate === 'string' ? info.CreationDate : undefined)
    if (captured) meta.captured = { date: captured, from: 'the print date in the page header' }
    else if (made) meta.captured = { date: made, from: 'the PDF creation date' }
    const author = typeof info.Author === 'string' ? info.Author.trim() : ''
    if (author) (meta.author = author), (meta.origins = { ...meta.origins, author: 'PDF author' })
    const title = typeof info.Title === 'string' && info.Title.trim() && !/^(untitled|microsoft word - .*)$/i.test(info.Title.trim()) ? info.Title.trim() : undefined
    const text = pages.map((l) => l.join('\n')).join('\n\n').replace(/\n{3,}/g, '\n\n').trim()
    return { ok: true, format: 'pdf', container: false, articles: [{ text, ...(title ? { title } : {}), meta }], encoding: 'utf-8' }
  } finally {
    await doc.destroy().catch(() => {})
  }
}

export const pdfReader: DocumentReader = {
  isolated: true,
  extensions: ['.pdf'],
  read: readPdf
}
