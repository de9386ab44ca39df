/**
 * RSS and Atom files: one article per item, with its link, date and author; the feed's own title
 * is the outlet. An item's HTML (description, content:encoded) is read as paragraphs.
 */
import { DOMParser, parseHTML } from 'linkedom'
import { decodeText } from '../text/decode'
import { blockText } from './html/text'
import { parseMetaDate } from './meta-date'
import { LIMITS, type Article, type ArticleMeta, type DocumentReader, type ReadResult } from './types'

interface X {
  nodeName: string
  textContent: string | null
  children: ArrayLike<X>
  getAttribute(n: string): string | null
}

const kids = (el: X) => Array.from(el.children)
const named = (el: X, ...names: string[]) => kids(el).filter((c) => names.includes(c.nodeName.toLowerCase()))
const first = (el: X, ...names: string[]) => {
  for (const n of names) {
    const c = kids(el).find((k) => k.nodeName.toLowerCase() === n)
    if (c) return c
  }
  return undefined
}
const textOf = (el: X | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() || undefined

function htmlText(html: string | undefined): string {
  if (!html) return ''
  if (!/[<&]/.test(html)) return html.trim()
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  return document.body ? blockText(document.body as never) : ''
}

function item(el: X, atom: boolean, outlet: string | undefined): Article | undefined {
  const title = textOf(first(el, 'title'))
  const body = htmlText(first(el, 'content:encoded', 'content', 'description', 'summary')?.textContent ?? undefined)
  if (!title && !body) return undefined
  const meta: ArticleMeta = { origins: {} }
  if (outlet) (meta.outlet = outlet), (meta.origins!.outlet = 'feed title')
  const link = atom
    ? (named(el, 'link').find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? first(el, 'link'))?.getAttribute('href') ?? undefined
    : textOf(first(el, 'link')) ?? (first(el, 'guid')?.getAttribute('ispermalink') !== 'false' ? textOf(first(el, 'guid')) : undefined)
  if (link && /^https?:\/\//i.test(link)) (meta.url = link.trim()), (meta.origins!.url = 'feed item link')
  const pub = first(el, 'pubdate', 'published', 'dc:date', 'updated')
  const date = parseMetaDate(textOf(pub))
  if (date) meta.published = { date, from: `feed <${pub!.nodeName.toLowerCase()}>` }
  const author = atom ? textOf(first(first(el, 'author') ?? el, 'name')) : textOf(first(el, 'dc:creator', 'author'))
  if (author) (meta.author = author), (meta.origins!.author = 'feed item author')
  const text = [title, body].filter(Boolean).join('\n\n')
  return { text, ...(title ? { title } : {}), meta }
}

export const feedReader: DocumentReader = {
  isolated: true,
  extensions: ['.rss', '.atom', '.xml'],
  read(bytes): ReadResult {
    const d = decodeText(bytes)
    if (!d.ok) return d
    let doc: { documentElement: X | null }
    try {
      doc = new DOMParser().parseFromString(d.text, 'text/xml') as never
    } catch {
      return { ok: false, reason: 'damaged XML (not a readable feed)' }
    }
    const root = doc.documentElement
    const rootName = root?.nodeName.toLowerCase()
    if (!root || (rootName !== 'rss' && rootName !== 'feed' && rootName !== 'rdf:rdf')) return { ok: false, reason: 'not an RSS or Atom feed' }
    const atom = rootName === 'feed'
    const channel = atom ? root : (first(root, 'channel') ?? root)
    const outlet = textOf(first(channel, 'title'))
    const items = atom ? named(root, 'entry') : [...named(channel, 'item'), ...(channel === root ? [] : named(root, 'item'))]
    const articles = items.slice(0, LIMITS.maxArticles).map((el) => item(el, atom, outlet)).filter((a): a is Article => !!a)
    if (!articles.length) return { ok: false, reason: 'a feed without items' }
    return { ok: true, format: 'feed', container: true, articles, encoding: d.encoding, ...(d.note ? { encodingNote: d.note } : {}) }
  }
}
