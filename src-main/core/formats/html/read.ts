/**
 * Saved web pages: the article's text by Mozilla's readability extractor over a parsed DOM
 * (linkedom: no script is run, no resource fetched, there is no network to reach), and the page's
 * metadata by our own reader (meta.ts). A page the extractor cannot make sense of keeps its body
 * text without navigation, header, footer, forms and asides.
 */
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { decodeText, decodeWindows1252, type Encoding } from '../../text/decode'
import { readExport } from '../exports/split'
import { headed, type Article, type DocumentReader, type ReadResult } from '../types'
import { pageMeta } from './meta'
import { blockText } from './text'

/** The charset a page declares in its first bytes (<meta charset>, http-equiv). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase()
}

export function decodeHtml(bytes: Uint8Array): { ok: true; html: string; encoding: Encoding; note?: string } | { ok: false; reason: string } {
  const declared = declaredCharset(bytes)
  if (declared && !/^utf-?8$/.test(declared) && !/^utf-16/.test(declared)) {
    try {
      // the runtime's decoder knows every label browsers do, and names the charset it decodes
      const decoder = new TextDecoder(declared === 'iso-8859-1' || declared === 'latin1' ? 'windows-1252' : declared)
      const html = decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes)
      return { ok: true, html, encoding: decoder.encoding, note: `declared by the page as ${declared}` }
    } catch {
      // an unknown label: the detection below
    }
  }
  const d = decodeText(bytes)
  return d.ok ? { ok: true, html: d.text, encoding: d.encoding, ...(d.note ? { note: d.note } : {}) } : d
}

// never article text, wherever they sit (readability keeps a share bar inside <article>)
const NEVER_TEXT = 'nav, aside, footer, form, dialog, [role="navigation"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"], [hidden], .cookie, .cookies, [id*="cookie"], [class*="cookie-"], .comments, #comments, .related, [class*="related-"], .newsletter, [class*="newsletter"], .share, [class*="share-"], .social, [class*="social-"], .advert, .ad, [class*="advert"], [class*="promo"], .paywall'
// a page without a readable article: its body without the page's own header either
const BOILERPLATE = `${NEVER_TEXT}, header, [role="banner"]`

function removeAll(doc: { querySelectorAll(s: string): Iterable<{ remove(): void }> }, selector: string): void {
  for (const el of [...doc.querySelectorAll(selector)]) el.remove()
}

const MAX_READABLE_DEPTH = 300

interface Node_ {
  children?: ArrayLike<Node_>
}

/** Element nesting depth under `root`, without recursion (a hostile page can nest deeper than the stack). */
function depthOf(root: Node_): number {
  let max = 0
  const stack: Array<[Node_, number]> = [[root, 1]]
  while (stack.length) {
    const [el, d] = stack.pop()!
    if (d > max) max = d
    if (max > MAX_READABLE_DEPTH) return max
    const kids = el.children
    if (kids) for (let i = 0; i < kids.length; i++) stack.push([kids[i]!, d + 1])
  }
  return max
}

/** One page → one article, or undefined when it holds no text to read. */
export function readHtmlPage(html: string): Article | undefined {
  const { document } = parseHTML(html)
  const meta = pageMeta(document as never, html)
  const { headline, ...rest } = meta
  const pageTitle = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim()
  let body = ''
  let title: string | undefined
  removeAll(document, NEVER_TEXT)
  // Readability's time grows with the cube of nesting depth (1,000 nested elements: 5 s, 2,000:
  // 43 s); real pages stay under ~60 levels, so a deeper one is read by the fallback below.
  if (document.body && depthOf(document.body as never) <= MAX_READABLE_DEPTH) {
    try {
      // the article's element itself, not its HTML: read as paragraphs without parsing it again
      const parsed = new Readability(document as unknown as Document, { charThreshold: 300, serializer: (el) => el }).parse()
      if (parsed?.content) {
        body = blockText(parsed.content as never)
        title = parsed.title?.trim() || undefined
      }
    } catch {
      // the extractor gave up: the fallback below
    }
  }
  if (!body.trim()) {
    const { document: again } = parseHTML(html)
    removeAll(again, BOILERPLATE)
    body = again.body ? blockText(again.body as never) : ''
  }
  if (!body.trim()) return undefined
  title = headline?.trim() || title || pageTitle
  return { text: headed(title, body), ...(title ? { title } : {}), meta: rest }
}

export const htmlReader: DocumentReader = {
  isolated: true,
  extensions: ['.html', '.htm', '.xhtml'],
  read(bytes): ReadResult {
    const d = decodeHtml(bytes)
    if (!d.ok) return d
    const noted = d.note ? { encodingNote: d.note } : {}
    // a database's HTML export of many articles (Factiva, Nexis) is split by its layout
    if (/Document\s+[A-Za-z0-9]{16,}|End of Document|\d+ of \d+ DOCUMENTS/.test(d.html)) {
      const body = parseHTML(d.html).document.body
      const exported = body ? readExport(blockText(body as never), d.encoding) : undefined
      if (exported) return { ...exported, ...noted }
    }
    let article
    try {
      article = readHtmlPage(d.html)
    } catch (err) {
      // the parser recurses per level of nesting: a page nested 100,000 deep exhausts the stack
      if (err instanceof RangeError) return { ok: false, reason: 'a page nested too deeply to read (a damaged or hostile file)' }
      throw err
    }
    if (!article) return { ok: false, reason: 'no article text in this page' }
    return { ok: true, format: 'html', container: false, articles: [article], encoding: d.encoding, ...noted }
  }
}
