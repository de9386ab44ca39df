/**
 * Factiva exports: one file, many articles, each closed by its accession line
 * ("Document WSJO000020210604eh6400001"). Two layouts, in .txt, .rtf and .html alike:
 * - with field codes ("Full Article/Report plus Indexing"): lines led by two- or three-letter codes,
 *   HD headline, BY byline, WC word count, PD date, SN outlet, LA language, LP and TD the text;
 * - without: headline, an optional byline, "512 words", the date, an optional time, the outlet,
 *   its code, the language, the copyright line, then the text.
 */
import { parseMetaDate } from '../meta-date'
import type { Article, ArticleMeta } from '../types'

const DOC_END = /^[ \t]*(?:AN[ \t]+)?Document[ \t]+[A-Za-z0-9]{16,40}[ \t]*$/
const CODE = /^(HD|BY|CR|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CO|IN|NS|RE|IPC|IPD|PUB|AN|SE|CLM|RF|ART|VOL)(?:[ \t]+(.*))?$/
const WORDS = /^[ \t]*([\d,]+)\s+words[ \t]*$/i

/** The articles of a Factiva export, or undefined when the text is not one. */
export function splitFactiva(text: string): Article[] | undefined {
  const lines = text.split(/\r\n|\r|\n/)
  if (!lines.some((l) => DOC_END.test(l))) return undefined
  const out: Article[] = []
  let cur: string[] = []
  for (const l of lines) {
    if (DOC_END.test(l)) {
      const a = cur.some((x) => /^HD\b/.test(x)) ? coded(cur) : plain(cur)
      if (a) out.push(a)
      cur = []
    } else cur.push(l)
  }
  return out.length ? out : undefined
}

function coded(lines: string[]): Article | undefined {
  const fields = new Map<string, string[]>()
  let key: string | undefined
  for (const l of lines) {
    const m = CODE.exec(l)
    if (m) {
      key = m[1]!
      fields.set(key, [...(fields.get(key) ?? []), ...(m[2] ? [m[2]] : [])])
    } else if (key) fields.get(key)!.push(l)
  }
  const one = (k: string) => fields.get(k)?.join(' ').replace(/\s+/g, ' ').trim() || undefined
  const title = one('HD')
  const body = [...(fields.get('LP') ?? []), '', ...(fields.get('TD') ?? [])].join('\n').trim()
  if (!body) return undefined
  const meta: ArticleMeta = { origins: {} }
  const outlet = one('SN')
  if (outlet) (meta.outlet = outlet), (meta.origins!.outlet = 'Factiva SN field')
  const by = one('BY')?.replace(/^by\s+/i, '')
  if (by) (meta.author = by), (meta.origins!.author = 'Factiva BY field')
  const date = parseMetaDate(one('PD'))
  if (date) meta.published = { date, from: 'Factiva PD field' }
  const wc = WORDS.exec(one('WC') ?? '')
  if (wc) (meta.words = Number(wc[1]!.replace(/,/g, ''))), (meta.origins!.words = 'Factiva WC field')
  const lang = one('LA')
  if (lang) (meta.language = lang.toLowerCase()), (meta.origins!.language = 'Factiva LA field')
  return { text: [title, body].filter(Boolean).join('\n\n'), ...(title ? { title } : {}), meta }
}

function plain(lines: string[]): Article | undefined {
  const rows = lines.map((l) => l.trim())
  let i = 0
  while (i < rows.length && !rows[i]) i++
  const w = rows.findIndex((l, k) => k >= i && k < i + 6 && WORDS.test(l))
  if (w < 0) return undefined
  const before = rows.slice(i, w).filter(Boolean)
  const title = before[0]
  const by = before.length > 1 ? before[before.length - 1]!.replace(/^by\s+/i, '') : undefined
  const meta: ArticleMeta = { origins: {} }
  meta.words = Number(WORDS.exec(rows[w]!)![1]!.replace(/,/g, ''))
  meta.origins!.words = 'Factiva word-count line'
  let k = w + 1
  const date = parseMetaDate(rows[k])
  if (date) {
    meta.published = { date, from: 'Factiva date line' }
    k++
  }
  if (/^\d{1,2}:\d{2}\b/.test(rows[k] ?? '')) k++ // the time
  const outlet = rows[k]
  if (outlet) (meta.outlet = outlet), (meta.origins!.outlet = 'Factiva outlet line')
  if (by) (meta.author = by), (meta.origins!.author = 'Factiva byline line')
  // the text begins after the copyright line (within a few lines), else after the outlet's code
  let start = rows.findIndex((l, j) => j > k && j <= k + 8 && /^(?:copyright|©|\(c\))/i.test(l))
  if (start < 0) start = k + 2
  const lang = rows.slice(k + 1, start).find((l) => /^(?:english|french|german|spanish|italian|portuguese|dutch|arabic|russian)$/i.test(l))
  if (lang) (meta.language = lang.toLowerCase()), (meta.origins!.language = 'Factiva language line')
  const body = lines.slice(start + 1).join('\n').trim()
  if (!body) return undefined
  return { text: [title, body].filter(Boolean).join('\n\n'), ...(title ? { title } : {}), meta }
}
