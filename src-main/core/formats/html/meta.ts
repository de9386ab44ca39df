/**
 * A web page's own statement of who published it, when, by whom and where: Open Graph and
 * article:* tags, JSON-LD (schema.org NewsArticle and kin, also inside @graph), <time datetime>,
 * the canonical link, and the "saved from url=" comment a browser writes into a saved page.
 * Read here, not by the readability extractor, so each value keeps where it came from.
 */
import { parseMetaDate } from '../meta-date'
import type { ArticleMeta, StatedMetaDate } from '../types'

type Doc = { querySelector(s: string): El | null; querySelectorAll(s: string): Iterable<El>; documentElement: El | null }
type El = { getAttribute(n: string): string | null; textContent: string | null; closest?(s: string): El | null }

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|WebPage|ScholarlyArticle)$/

interface JsonLdArticle {
  datePublished?: string
  dateModified?: string
  dateCreated?: string
  headline?: string
  author?: string
  publisher?: string
  url?: string
  inLanguage?: string
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined
  if (Array.isArray(v)) return str(v[0])
  return undefined
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x)
    return names.length ? names.join(', ') : undefined
  }
  if (v && typeof v === 'object') return str((v as Record<string, unknown>).name)
  return undefined
}

/** The first schema.org article object in the page's JSON-LD blocks. */
export function jsonLdArticle(doc: Doc): JsonLdArticle | undefined {
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown
    try {
      data = JSON.parse((s.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''))
    } catch {
      continue // a damaged block is ignored, not fatal
    }
    const queue: unknown[] = [data]
    for (let n = 0; queue.length && n < 200; n++) {
      const o = queue.shift()
      if (Array.isArray(o)) {
        queue.push(...o)
        continue
      }
      if (!o || typeof o !== 'object') continue
      const r = o as Record<string, unknown>
      if (Array.isArray(r['@graph'])) queue.push(...r['@graph'])
      const types = ([] as unknown[]).concat(r['@type'] ?? [])
      if (!types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) continue
      // a WebPage wrapping the article: the article itself is better, if there is one
      if (types.every((t) => t === 'WebPage') && !r.datePublished) continue
      return {
        datePublished: str(r.datePublished),
        dateModified: str(r.dateModified),
        dateCreated: str(r.dateCreated),
        headline: str(r.headline) ?? str(r.name),
        author: nameOf(r.author) ?? nameOf(r.creator),
        publisher: nameOf(r.publisher) ?? nameOf(r.sourceOrganization),
        url: str(r.url) ?? (typeof r.mainEntityOfPage === 'string' ? r.mainEntityOfPage : str((r.mainEntityOfPage as Record<string, unknown> | undefined)?.['@id'])),
        inLanguage: str(r.inLanguage)
      }
    }
  }
  return undefined
}

function metaContent(doc: Doc, ...selectors: string[]): { value: string; from: string } | undefined {
  for (const sel of selectors) {
    const v = doc.querySelector(sel)?.getAttribute('content')?.trim()
    if (v) return { value: v, from: sel.replace(/^meta\[(?:property|name|itemprop)="?([^"\]]+)"?\]$/, '$1') }
  }
  return undefined
}

function dated(value: string | undefined, from: string): StatedMetaDate | undefined {
  const date = parseMetaDate(value)
  return date ? { date, from } : undefined
}

const isUrl = (s: string | undefined) => !!s && /^https?:\/\/\S+$/i.test(s)

export function pageMeta(doc: Doc, html: string): ArticleMeta & { headline?: string } {
  const ld = jsonLdArticle(doc)
  const meta: ArticleMeta & { headline?: string } = { origins: {} }
  const origins = meta.origins!

  // publication: JSON-LD, then the article:* tags, then microdata and the common name="date" tags, then <time>
  const pubTag = metaContent(doc, 'meta[property="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="article:published_time"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="publish-date"]', 'meta[name="parsely-pub-date"]', 'meta[name="sailthru.date"]', 'meta[name="dc.date.issued"]', 'meta[name="DC.date.issued"]', 'meta[name="dcterms.created"]', 'meta[name="date"]')
  const timeEl = doc.querySelector('time[itemprop="datePublished"]') ?? doc.querySelector('time[pubdate]') ?? doc.querySelector('article time[datetime]') ?? doc.querySelector('header time[datetime]')
  meta.published =
    dated(ld?.datePublished, 'JSON-LD datePublished') ??
    (pubTag ? dated(pubTag.value, `<meta ${pubTag.from}>`) : undefined) ??
    dated(timeEl?.getAttribute('datetime') ?? undefined, '<time datetime>') ??
    dated(ld?.dateCreated, 'JSON-LD dateCreated')
  if (!meta.published) delete meta.published
  const modTag = metaContent(doc, 'meta[property="article:modified_time"]', 'meta[itemprop="dateModified"]', 'meta[property="og:updated_time"]')
  meta.modified = dated(ld?.dateModified, 'JSON-LD dateModified') ?? (modTag ? dated(modTag.value, `<meta ${modTag.from}>`) : undefined)
  if (!meta.modified) delete meta.modified

  const site = metaContent(doc, 'meta[property="og:site_name"]', 'meta[name="application-name"]')
  if (ld?.publisher) (meta.outlet = ld.publisher), (origins.outlet = 'JSON-LD publisher')
  else if (site) (meta.outlet = site.value), (origins.outlet = `<meta ${site.from}>`)

  const authorTag = metaContent(doc, 'meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', 'meta[name="parsely-author"]')
  const relAuthor = doc.querySelector('a[rel="author"]')?.textContent?.trim()
  if (ld?.author && !isUrl(ld.author)) (meta.author = ld.author), (origins.author = 'JSON-LD author')
  else if (authorTag && !isUrl(authorTag.value)) (meta.author = authorTag.value.replace(/^by\s+/i, '')), (origins.author = `<meta ${authorTag.from}>`)
  else if (relAuthor) (meta.author = relAuthor.replace(/^by\s+/i, '')), (origins.author = 'rel="author" link')

  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim()
  const ogUrl = metaContent(doc, 'meta[property="og:url"]')
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))?.[1]
  if (isUrl(canonical)) (meta.url = canonical), (origins.url = 'canonical link')
  else if (isUrl(ogUrl?.value)) (meta.url = ogUrl!.value), (origins.url = '<meta og:url>')
  else if (isUrl(ld?.url)) (meta.url = ld!.url), (origins.url = 'JSON-LD url')
  else if (isUrl(savedFrom)) (meta.url = savedFrom), (origins.url = 'the browser\'s "saved from" note')

  const lang = doc.documentElement?.getAttribute('lang')?.trim() || ld?.inLanguage || metaContent(doc, 'meta[http-equiv="content-language"]', 'meta[property="og:locale"]')?.value
  if (lang) (meta.language = lang.toLowerCase().replace('_', '-')), (origins.language = doc.documentElement?.getAttribute('lang') ? '<html lang>' : 'page metadata')

  const ogTitle = metaContent(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]')?.value
  const headline = ld?.headline ?? ogTitle
  if (headline) meta.headline = headline
  if (!Object.keys(origins).length) delete meta.origins
  return meta
}
