/**
 * Word (.docx) and OpenDocument (.odt) files. DOCX: the body's paragraphs (docx-text.ts), title
 * and author from docProps/core.xml. ODT: paragraphs and headings of content.xml,
 * title and author from meta.xml. The file's creation date is when the file was made, not when
 * the article was published: kept as "captured". A Nexis export saved as .docx is split.
 */
import { DOMParser } from 'linkedom'
import { docxBodyText } from './docx-text'
import { readExport } from './exports/split'
import { parseMetaDate } from './meta-date'
import { headed, type Article, type ArticleMeta, type DocumentReader, type ReadResult } from './types'
import { isOleFile, readZipParts } from './zip'

const utf8 = new TextDecoder('utf-8')

interface X {
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<X & { nodeType: number; nodeValue: string | null }>
  getElementsByTagName(n: string): ArrayLike<X>
}

function xml(bytes: Uint8Array | undefined): X | undefined {
  if (!bytes) return undefined
  try {
    return new DOMParser().parseFromString(utf8.decode(bytes), 'text/xml') as never
  } catch {
    return undefined
  }
}

function tag(doc: X | undefined, name: string): string | undefined {
  return doc?.getElementsByTagName(name)[0]?.textContent?.replace(/\s+/g, ' ').trim() || undefined
}

function propsMeta(doc: X | undefined, creator: string[], created: string, kind: string): { title?: string; meta: ArticleMeta } {
  const meta: ArticleMeta = { origins: {} }
  const author = creator.map((c) => tag(doc, c)).find(Boolean)
  if (author) (meta.author = author), (meta.origins!.author = `${kind} author`)
  const made = parseMetaDate(tag(doc, created))
  if (made) meta.captured = { date: made, from: `${kind} creation date` }
  if (!Object.keys(meta.origins!).length) delete meta.origins
  const title = tag(doc, 'dc:title')
  return { ...(title ? { title } : {}), meta }
}

function finish(format: 'docx' | 'odt', text: string, props: { title?: string; meta: ArticleMeta }): ReadResult {
  const exported = readExport(text, 'utf-8')
  if (exported) return exported
  if (!text.trim()) return { ok: false, reason: 'no text in this document' }
  const title = props.title
  const article: Article = { text: headed(title, text.trim()), ...(title ? { title } : {}), meta: props.meta }
  return { ok: true, format, container: false, articles: [article], encoding: 'utf-8' }
}

export const docxReader: DocumentReader = {
  isolated: true,
  extensions: ['.docx'],
  read(bytes): ReadResult {
    if (isOleFile(bytes)) return { ok: false, reason: 'encrypted or old-format Word file (save it as .docx without a password)' }
    const parts = readZipParts(bytes, (n) => n === 'docProps/core.xml' || n === 'word/document.xml')
    if (!parts.ok) return parts
    if (!parts.files['word/document.xml']) return { ok: false, reason: 'damaged Word file (no document part)' }
    const text = docxBodyText(utf8.decode(parts.files['word/document.xml']))
    const core = xml(parts.files['docProps/core.xml'])
    return finish('docx', text, propsMeta(core, ['dc:creator'], 'dcterms:created', 'Word'))
  }
}

/** An ODT body's text: one paragraph per text:p / text:h, spaces and tabs as written. */
function odtText(node: X): string {
  const out: string[] = []
  const walk = (n: X & { nodeType?: number; nodeValue?: string | null }, into: string[]) => {
    if (n.nodeType === 3) return void into.push(n.nodeValue ?? '')
    const name = n.nodeName.toLowerCase()
    if (name === 'text:s') return void into.push(' ')
    if (name === 'text:tab') return void into.push('\t')
    if (name === 'text:line-break') return void into.push('\n')
    if (name === 'text:p' || name === 'text:h') {
      const line: string[] = []
      for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!, line)
      const s = line.join('').trim()
      if (s) out.push(s)
      return
    }
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!, into)
  }
  walk(node, [])
  return out.join('\n\n')
}

export const odtReader: DocumentReader = {
  isolated: true,
  extensions: ['.odt'],
  read(bytes): ReadResult {
    const parts = readZipParts(bytes, (n) => n === 'content.xml' || n === 'meta.xml')
    if (!parts.ok) return parts
    const content = xml(parts.files['content.xml'])
    const body = content?.getElementsByTagName('office:body')[0]
    if (!body) return { ok: false, reason: 'damaged OpenDocument file (no content)' }
    return finish('odt', odtText(body), propsMeta(xml(parts.files['meta.xml']), ['dc:creator', 'meta:initial-creator'], 'meta:creation-date', 'OpenDocument'))
  }
}
