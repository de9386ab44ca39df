/**
 * Nexis / LexisNexis exports: one file, many articles. Two layouts, as the service writes them
 * in .txt, .docx and .rtf alike (the text of the latter two is read first):
 * - classic: each article opens with a line "3 of 120 DOCUMENTS", then the outlet, the date line,
 *   the headline, and "BYLINE:", "LENGTH:", "DATELINE:", "BODY:" lines; "LOAD-DATE:" and
 *   "LANGUAGE:" after the text;
 * - Nexis Uni: each article ends with "End of Document"; it opens with the headline, the outlet,
 *   the date line and a copyright line, then "Section:", "Length:", "Byline:" lines, "Body" and
 *   the text, and "Load-Date:" after it. A cover page ("Job Number:", a list of titles) is dropped.
 */
import { parseMetaDate } from '../meta-date'
import type { Article, ArticleMeta } from '../types'

const CLASSIC_START = /^[ \t]*(?:FOCUS - )?\d+ of \d+ DOCUMENTS?[ \t]*$/im
const UNI_END = /^[ \t]*End of Document[ \t]*$/im
const FIELD = /^[ \t]*([A-Z][A-Za-z-]{1,24}):[ \t]*(.*)$/
const UNI_HEAD_FIELDS = /^(?:SECTION|LENGTH|BYLINE|HIGHLIGHT|DATELINE|EDITION|SERIES|COLUMN|TYPE|CORRECTION|CORRECTION-DATE|DOCUMENT-TYPE|PUBLICATION-TYPE|JOURNAL-CODE|ACC-NO|GRAPHIC)$/
const UNI_TAIL_FIELDS = /^(?:LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|URL|SUBJECT|GEOGRAPHIC|GRAPHIC|NOTES|CLASSIFICATION|INDUSTRY|PERSON|ORGANIZATION|COMPANY|TICKER|DOCUMENT-TYPE|JOURNAL-CODE)$/

/** The articles of a Nexis export, or undefined when the text is not one. */
export function splitNexis(text: string): Article[] | undefined {
  const lines = text.split(/\r\n|\r|\n/)
  if (CLASSIC_START.test(text)) return splitClassic(lines)
  const ends = lines.filter((l) => UNI_END.test(l)).length
  if (ends >= 1 && /^[ \t]*(?:Length|Load-Date|Byline):/im.test(text)) return splitUni(lines)
  return undefined
}

function blocks(lines: string[], isStart: (l: string) => boolean, isEnd: (l: string) => boolean): string[][] {
  const out: string[][] = []
  let cur: string[] | undefined
  for (const l of lines) {
    if (isStart(l)) {
      if (cur) out.push(cur)
      cur = []
      continue
    }
    if (isEnd(l)) {
      if (cur) out.push(cur)
      cur = []
      continue
    }
    ;(cur ??= []).push(l)
  }
  if (cur && cur.some((l) => l.trim())) out.push(cur)
  return out
}

function words(v: string | undefined): number | undefined {
  const m = /([\d,]+)\s+words?/i.exec(v ?? '')
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined
}

function clean(v: string | undefined): string | undefined {
  const s = v?.replace(/\s+/g, ' ').trim()
  return s ? s : undefined
}

/** "By Ana Costa and Ben Ode" → "Ana Costa and Ben Ode" */
function byline(v: string | undefined): string | undefined {
  return clean(v?.replace(/^\s*by\s+/i, ''))
}

function assemble(title: string | undefined, body: string[], meta: ArticleMeta): Article {
  const text = [title, body.join('\n').replace(/^\s+|\s+$/g, '')].filter(Boolean).join('\n\n')
  return { text, ...(title ? { title } : {}), meta }
}

function splitClassic(lines: string[]): Article[] {
  const out: Article[] = []
  for (const block of blocks(lines, (l) => CLASSIC_START.test(l), () => false)) {
    const fields = new Map<string, string>()
    const head: string[] = []
    const body: string[] = []
    // head lines, then field lines ("BYLINE: …"), then the text ("BODY:", or the first paragraph
    // after a blank line when the export has no BODY label), then the closing fields
    let where: 'head' | 'fields' | 'body' | 'tail' = 'head'
    let blank = false
    for (const raw of block) {
      const f = FIELD.exec(raw)
      const key = f?.[1]!.toUpperCase()
      if (where === 'fields' && !f && raw.trim() && blank) where = 'body'
      blank = !raw.trim()
      if (f && key && /^(?:BYLINE|SECTION|LENGTH|DATELINE|HIGHLIGHT|BODY|LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|URL|GRAPHIC|TYPE|JOURNAL-CODE|DOCUMENT-TYPE|CORRECTION-DATE|SUBJECT|ORGANIZATION|PERSON|GEOGRAPHIC|COUNTRY|CITY|STATE|COMPANY|TICKER|INDUSTRY|NOTES|DISTRIBUTION|EDITION|SERIES|COLUMN)$/.test(key)) {
        if (key === 'BODY') where = 'body'
        else if (where === 'head') where = 'fields'
        else if (where === 'body' && key !== 'DATELINE') where = 'tail'
        fields.set(key, f[2]!.trim())
        continue
      }
      if (where === 'body') body.push(raw)
      else if (where === 'head') head.push(raw)
      else if (/^\s*(?:copyright|©|\(c\))/i.test(raw)) fields.set('COPYRIGHT', raw.trim())
    }
    const top = head.map((l) => l.trim()).filter(Boolean)
    // outlet, date line, optional edition line(s), headline: the date line is the one that parses
    const dateAt = top.findIndex((l) => parseMetaDate(l) !== undefined)
    const outlet = dateAt > 0 ? top[dateAt - 1] : undefined
    const date = dateAt >= 0 ? parseMetaDate(top[dateAt]) : undefined
    const title = clean(dateAt >= 0 ? top.slice(dateAt + 1).filter((l) => !/edition|^final$|^late/i.test(l)).pop() : top[top.length - 1])
    if (!body.some((l) => l.trim())) continue
    out.push(assemble(title, body, exportMeta(outlet, date, date ? 'date line' : undefined, fields)))
  }
  return out
}

/** Nexis Uni opens an export with a cover page (job number, a numbered list of titles) before the first article. */
const COVER = /^[ \t]*(?:Date and Time:|Job Number:|Documents? \(\d+\)|\d+\.[ \t]+\S|Client\/Matter:|Search Terms?:|Search Type:|Narrowed by:|Content Type:?)/

function withoutCover(block: string[]): string[] {
  if (!block.slice(0, 6).some((l) => /^[ \t]*(?:Job Number:|Date and Time:)/.test(l))) return block
  const bodyAt = block.findIndex((l) => /^[ \t]*Body[ \t]*$/.test(l))
  let last = -1
  for (let i = 0; i < (bodyAt < 0 ? block.length : bodyAt); i++) if (COVER.test(block[i]!)) last = i
  return block.slice(last + 1)
}

function splitUni(lines: string[]): Article[] {
  const out: Article[] = []
  for (const [n, raw] of blocks(lines, () => false, (l) => UNI_END.test(l)).entries()) {
    const block = n === 0 ? withoutCover(raw) : raw
    const fields = new Map<string, string>()
    const head: string[] = []
    const body: string[] = []
    let where: 'head' | 'body' | 'tail' = 'head'
    for (const raw of block) {
      if (where === 'head' && /^[ \t]*Body[ \t]*$/.test(raw)) {
        where = 'body'
        continue
      }
      const f = FIELD.exec(raw)
      const key = f?.[1]!.toUpperCase()
      // only Nexis's own labels: a headline "Report: a flood in …" is not a field
      if (f && key && (where === 'head' ? UNI_HEAD_FIELDS.test(key) : UNI_TAIL_FIELDS.test(key))) {
        if (where === 'body') where = 'tail'
        fields.set(key, f[2]!.trim())
        continue
      }
      if (where === 'body') body.push(raw)
      else if (where === 'head') head.push(raw)
    }
    // a cover page has no body
    if (!body.some((l) => l.trim())) continue
    const top = head.map((l) => l.trim()).filter(Boolean)
    const title = clean(top[0])
    const dateAt = top.findIndex((l, i) => i > 0 && parseMetaDate(l) !== undefined)
    const outlet = dateAt > 1 ? top[dateAt - 1] : top[1]
    const date = dateAt > 0 ? parseMetaDate(top[dateAt]) : undefined
    for (const l of top) if (/^(?:copyright|©|\(c\))/i.test(l)) fields.set('COPYRIGHT', l)
    out.push(assemble(title, body, exportMeta(outlet, date, date ? 'date line' : undefined, fields)))
  }
  return out
}

function exportMeta(outlet: string | undefined, date: string | undefined, dateFrom: string | undefined, fields: Map<string, string>): ArticleMeta {
  const meta: ArticleMeta = { origins: {} }
  const o = clean(outlet)
  if (o) {
    meta.outlet = o
    meta.origins!.outlet = 'Nexis outlet line'
  }
  const load = parseMetaDate(fields.get('LOAD-DATE'))
  if (date && dateFrom) meta.published = { date, from: `Nexis ${dateFrom}` }
  else if (load) meta.published = { date: load, from: 'Nexis Load-Date line' }
  const by = byline(fields.get('BYLINE'))
  if (by) {
    meta.author = by
    meta.origins!.author = 'Nexis Byline line'
  }
  const n = words(fields.get('LENGTH'))
  if (n !== undefined) {
    meta.words = n
    meta.origins!.words = 'Nexis Length line'
  }
  const lang = clean(fields.get('LANGUAGE'))
  if (lang) {
    meta.language = lang.toLowerCase()
    meta.origins!.language = 'Nexis Language line'
  }
  const url = clean(fields.get('URL'))
  if (url && /^https?:\/\//i.test(url)) {
    meta.url = url
    meta.origins!.url = 'Nexis URL line'
  }
  return meta
}
