/**
 * Rich Text Format: text and the \info group (title, author, creation time), by our own reader:
 * no well-kept JavaScript RTF library exists, and reading text out of RTF needs little: skip the
 * destination groups (font and colour tables, pictures, headers, field instructions), turn \par
 * into line breaks, decode \'hh in the file's code page and \uN escapes. A Nexis or Factiva
 * export saved as RTF is split into its articles.
 */
import { decodeWindows1252 } from '../text/decode'
import { readExport } from './exports/split'
import { headed, type ArticleMeta, type DocumentReader, type ReadResult } from './types'

const SKIP = new Set(['fonttbl', 'colortbl', 'stylesheet', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'listtable', 'listoverridetable', 'revtbl', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'fldinst', 'filetbl', 'bkmkstart', 'bkmkend', 'footnote', 'annotation', 'mmathPr', 'pgdsctbl', 'operator', 'company', 'doccomm', 'keywords', 'subject', 'category', 'comment', 'hlinkbase', 'buptim', 'revtim', 'printim', 'nonshppict', 'shppict', 'blipuid'])
const INFO_TEXT = new Set(['title', 'author'])

export interface RtfText {
  text: string
  title?: string
  author?: string
  created?: string
}

export function rtfToText(src: string): RtfText {
  const out: string[] = []
  const info: Record<string, string[]> = {} // \title and \author text, by name
  let codepage = 1252
  let bytes: number[] = [] // \'hh bytes waiting to be decoded together (a multi-byte code page)
  const flushBytes = (into: string[]) => {
    if (!bytes.length) return
    const u8 = Uint8Array.from(bytes)
    let s: string
    try {
      s = codepage === 1252 ? decodeWindows1252(u8) : new TextDecoder(`windows-${codepage}`).decode(u8)
    } catch {
      s = decodeWindows1252(u8)
    }
    into.push(s)
    bytes = []
  }
  interface State { skip: boolean; uc: number; dest?: string; firstWord: boolean; star: boolean }
  const stack: State[] = []
  let st: State = { skip: false, uc: 1, firstWord: false, star: false }
  let skipChars = 0
  const sink = (): string[] => {
    if (st.dest && INFO_TEXT.has(st.dest)) return (info[st.dest] ??= [])
    return out
  }
  const creatim: Record<string, number> = {}
  const emit = (s: string) => {
    if (st.skip) return
    if (skipChars > 0) {
      const n = Math.min(skipChars, s.length)
      skipChars -= n
      s = s.slice(n)
      if (!s) return
    }
    flushBytes(sink())
    sink().push(s)
  }
  const n = src.length
  for (let i = 0; i < n; ) {
    const c = src[i]!
    if (c === '{') {
      flushBytes(sink())
      stack.push(st)
      st = { ...st, firstWord: true, star: false }
      i++
      continue
    }
    if (c === '}') {
      flushBytes(sink())
      st = stack.pop() ?? st
      i++
      continue
    }
    if (c === '\\') {
      const next = src[i + 1]
      if (next === undefined) break
      if (next === "'") {
        const hex = src.slice(i + 2, i + 4)
        i += 4
        if (st.skip) continue
        if (skipChars > 0) {
          skipChars--
          continue
        }
        if (/^[0-9a-f]{2}$/i.test(hex)) bytes.push(parseInt(hex, 16))
        continue
      }
      if (next === '*') {
        st.star = true
        i += 2
        continue
      }
      if (!/[a-z]/i.test(next)) {
        i += 2
        const sym = next === '~' ? '\u00a0' : next === '_' ? '-' : next === '-' ? '' : next === '\n' || next === '\r' ? '\n' : next
        if (sym) emit(sym)
        st.firstWord = false
        continue
      }
      const m = /^([a-z]{1,32})(-?\d{1,10})? ?/i.exec(src.slice(i + 1, i + 48))!
      i += 1 + m[0].length
      const word = m[1]!
      const arg = m[2] === undefined ? undefined : Number(m[2])
      const first = st.firstWord
      st.firstWord = false
      if (first && (st.star || SKIP.has(word))) {
        if (word === 'fldinst' || st.star || SKIP.has(word)) st.skip = true
        continue
      }
      if (first && word === 'info') {
        st.dest = 'info'
        continue
      }
      if (first && st.dest === 'info' && INFO_TEXT.has(word)) {
        st.dest = word
        continue
      }
      if (first && st.dest === 'info' && word === 'creatim') {
        st.dest = 'creatim'
        continue
      }
      if (st.dest === 'creatim' && arg !== undefined) {
        creatim[word] = arg
        continue
      }
      if (st.dest === 'info') continue
      switch (word) {
        case 'ansicpg':
          if (arg) codepage = arg
          break
        case 'uc':
          st.uc = arg ?? 1
          break
        case 'u':
          if (arg !== undefined) {
            emit(String.fromCharCode(arg < 0 ? arg + 65536 : arg))
            skipChars = st.uc
          }
          break
        case 'par':
        case 'line':
        case 'sect':
        case 'page':
        case 'row':
          emit('\n')
          break
        case 'tab':
        case 'cell':
          emit('\t')
          break
        case 'emdash':
          emit('\u2014')
          break
        case 'endash':
          emit('\u2013')
          break
        case 'lquote':
          emit('\u2018')
          break
        case 'rquote':
          emit('\u2019')
          break
        case 'ldblquote':
          emit('\u201c')
          break
        case 'rdblquote':
          emit('\u201d')
          break
        case 'bullet':
          emit('\u2022')
          break
        default:
          break
      }
      continue
    }
    if (c === '\r' || c === '\n') {
      i++
      continue
    }
    // plain text up to the next control character
    let j = i
    while (j < n && src[j] !== '\\' && src[j] !== '{' && src[j] !== '}' && src[j] !== '\r' && src[j] !== '\n') j++
    emit(src.slice(i, j))
    st.firstWord = false
    i = j
  }
  flushBytes(out)
  const text = out.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim()
  const join = (k: string) => info[k]?.join('').trim() || undefined
  const created = creatim.yr && creatim.mo && creatim.dy ? `${creatim.yr}-${String(creatim.mo).padStart(2, '0')}-${String(creatim.dy).padStart(2, '0')}` : undefined
  const title = join('title')
  const author = join('author')
  return { text, ...(title ? { title } : {}), ...(author ? { author } : {}), ...(created ? { created } : {}) }
}

export const rtfReader: DocumentReader = {
  isolated: true,
  extensions: ['.rtf'],
  read(bytes): ReadResult {
    // RTF is 7-bit text by definition; latin1 keeps every byte as one character
    const src = new TextDecoder('latin1').decode(bytes)
    if (!src.startsWith('{\\rtf')) return { ok: false, reason: 'not an RTF file (no {\\rtf header)' }
    const r = rtfToText(src)
    const exported = readExport(r.text, 'windows-1252')
    if (exported) return exported
    if (!r.text) return { ok: false, reason: 'no text in this document' }
    const meta: ArticleMeta = {}
    if (r.author) (meta.author = r.author), (meta.origins = { author: 'RTF author' })
    if (r.created) meta.captured = { date: r.created, from: 'RTF creation time' }
    return { ok: true, format: 'rtf', container: false, articles: [{ text: headed(r.title, r.text), ...(r.title ? { title: r.title } : {}), meta }], encoding: 'windows-1252' }
  }
}
