/**
 * E-mail: a message (.eml) or a mailbox (.mbox) of them, one article per message (newsletters,
 * tips), parsed by postal-mime. The subject is the title; the sender's name is the outlet (a
 * newsletter's name), the sender's address its origin; the Date header is read as written
 * (the sender's day, not converted to another zone). A saved web page in one file (.mhtml) is a
 * MIME message too: its HTML part is read as a page.
 */
import PostalMime, { type Email } from 'postal-mime'
import { readHtmlPage } from './html/read'
import { parseMetaDate } from './meta-date'
import { headed, LIMITS, type Article, type DocumentReader, type ReadResult } from './types'

function header(mail: Email, name: string): string | undefined {
  return mail.headers.find((h) => h.key === name)?.value
}

async function parseMessage(bytes: Uint8Array): Promise<Email | undefined> {
  try {
    return await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' })
  } catch {
    return undefined
  }
}

function messageArticle(mail: Email): Article | undefined {
  const title = mail.subject?.replace(/\s+/g, ' ').trim() || undefined
  let body = mail.text?.trim() ?? ''
  if (!body && mail.html) body = readHtmlPage(mail.html)?.text ?? ''
  if (!body && !title) return undefined
  const from = mail.from
  const meta: Article['meta'] = { origins: {} }
  const name = from?.name?.trim()
  const address = from && 'address' in from ? from.address : undefined
  if (name || address) (meta.outlet = name || address!), (meta.origins!.outlet = `From header${address ? ` (${address})` : ''}`)
  const date = parseMetaDate(header(mail, 'date'))
  if (date) meta.published = { date, from: 'Date header' }
  if (!meta.origins!.outlet) delete meta.origins
  return { text: headed(title, body), ...(title ? { title } : {}), meta }
}

export const emlReader: DocumentReader = {
  isolated: true,
  extensions: ['.eml'],
  async read(bytes): Promise<ReadResult> {
    const mail = await parseMessage(bytes)
    const a = mail && messageArticle(mail)
    if (!a) return { ok: false, reason: 'not a readable e-mail message' }
    return { ok: true, format: 'email', container: false, articles: [a], encoding: 'utf-8' }
  }
}

/** The messages of an mbox: each begins with a "From " line at the start of the file or after a blank line. */
export function splitMbox(bytes: Uint8Array): Uint8Array[] {
  const text = new TextDecoder('latin1').decode(bytes) // one char per byte: offsets are byte offsets
  const starts: number[] = []
  const re = /(^|\n)From \S+ [^\n]*\d{4}[^\n]*\n/g
  for (let m; (m = re.exec(text)); ) starts.push(m.index + m[1]!.length)
  const out: Uint8Array[] = []
  for (let i = 0; i < starts.length && out.length < LIMITS.maxArticles; i++) {
    const from = text.indexOf('\n', starts[i]!) + 1
    const to = i + 1 < starts.length ? starts[i + 1]! : bytes.length
    // ">From " at a line's start was escaped when the mailbox was written
    const body = text.slice(from, to).replace(/\n>(>*From )/g, '\n$1')
    out.push(Uint8Array.from(body, (c) => c.charCodeAt(0)))
  }
  return out
}

export const mboxReader: DocumentReader = {
  isolated: true,
  extensions: ['.mbox', '.mbx'],
  async read(bytes): Promise<ReadResult> {
    const parts = splitMbox(bytes)
    if (!parts.length) return { ok: false, reason: 'not a mailbox (no "From " line)' }
    const articles: Article[] = []
    for (const p of parts) {
      const mail = await parseMessage(p)
      const a = mail && messageArticle(mail)
      if (a) articles.push(a)
    }
    if (!articles.length) return { ok: false, reason: 'a mailbox without readable messages' }
    return { ok: true, format: 'mbox', container: true, articles, encoding: 'utf-8' }
  }
}

export const mhtmlReader: DocumentReader = {
  isolated: true,
  extensions: ['.mhtml', '.mht'],
  async read(bytes): Promise<ReadResult> {
    const mail = await parseMessage(bytes)
    if (!mail?.html) return { ok: false, reason: 'not a readable single-file web page (no HTML part)' }
    const a = readHtmlPage(mail.html)
    if (!a) return { ok: false, reason: 'no article text in this page' }
    const saved = header(mail, 'snapshot-content-location') ?? header(mail, 'content-location')
    if (!a.meta.url && saved && /^https?:\/\//i.test(saved)) {
      a.meta.url = saved.trim()
      a.meta.origins = { ...a.meta.origins, url: 'Snapshot-Content-Location header' }
    }
    const date = parseMetaDate(header(mail, 'date'))
    // the day the page was saved, not published
    if (date) a.meta.captured = { date, from: 'Date header of the saved page' }
    return { ok: true, format: 'mhtml', container: false, articles: [a], encoding: 'utf-8' }
  }
}
