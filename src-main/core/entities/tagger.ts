/**
 * Tokens with part-of-speech tags and character offsets, from wink-nlp's English model
 * (MIT, shipped on npm, no download). The model loads once, lazily (~65 ms).
 */
import { createRequire } from 'node:module'
import { foldWord } from '../text/fold'

export interface Token {
  value: string
  /** comparable form, computed once: folded, no dots or apostrophes ("U.S." → "us") */
  form: string
  pos: string
  start: number
  end: number
  /** first word of a sentence (or of a line) */
  sentenceStart: boolean
}

interface WinkDoc {
  tokens(): { out(f?: unknown): string[] }
}
interface Wink {
  readDoc(text: string): WinkDoc
  its: { pos: unknown; type: unknown; precedingSpaces: unknown }
}

// two pipelines of the same model, each loaded once on first use: with the part-of-speech tagger
// (the rules read the tags) and without it (the recogniser does not: 0.3 of the 0.7 ms per 4 KB)
const pipelines = new Map<boolean, Wink>()

function getNlp(tagged: boolean): Wink {
  let nlp = pipelines.get(tagged)
  if (!nlp) {
    const require = createRequire(import.meta.url)
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => Wink
    pipelines.set(tagged, (nlp = winkNLP(require('wink-eng-lite-web-model'), tagged ? ['sbd', 'pos'] : [])))
  }
  return nlp
}

// wink's tokenizer knows Latin-1 letters but breaks words at Latin Extended letters ("Erdoğan" →
// "Erdo" "ğ" "an", "Tikrīt" → "Tikr" "ī" "t") and at the ʿ ʾ of transliterations ("Qalʿat").
// It reads a copy where each such letter is replaced by a plain one of the same length (one UTF-16
// unit), so offsets line up and token values are still taken from the original text.
const WINK_UNSAFE_RE = /[\u0100-\u024F\u1E00-\u1EFF\u02BB-\u02BF]/g
const NO_PLAIN_BASE: Record<string, string> = { ı: 'i', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ŀ: 'l', Ŀ: 'L', ƒ: 'f' }
const plainCache = new Map<string, string>()

function plainLetter(ch: string): string {
  let p = plainCache.get(ch)
  if (p === undefined) {
    const base = ch.normalize('NFD')[0] ?? ''
    // a modifier letter (ʿ ʾ ʼ) glues like a letter; anything without an ASCII base becomes "x"
    p = NO_PLAIN_BASE[ch] ?? (/^[A-Za-z]$/.test(base) ? base : /\p{Lu}/u.test(ch) ? 'X' : 'x')
    plainCache.set(ch, p)
  }
  return p
}

/**
 * Runs without a space this long (a hex dump, an inline base64 image, a URL soup) are never
 * names, and wink's tokenizer takes time quadratic in a token's length on them (#25 item 8: a
 * 96 KB run took 28 s): they are read as spaces.
 */
export const RUN_MAX = 64

/** The text as wink can tokenize it, same length as the original. */
export function winkSafe(text: string): string {
  return blankLongRuns(text.replace(WINK_UNSAFE_RE, plainLetter))
}

/** Runs of non-space characters longer than RUN_MAX as spaces. A scan, not a regex: a regex on an 11 MB run overflows the stack. */
function blankLongRuns(text: string): string {
  let out = ''
  let copied = 0
  let runStart = -1
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32
    const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0
    if (!space) {
      if (runStart < 0) runStart = i
      continue
    }
    if (runStart >= 0 && i - runStart > RUN_MAX) {
      out += text.slice(copied, runStart) + ' '.repeat(i - runStart)
      copied = i
    }
    runStart = -1
  }
  return copied ? out + text.slice(copied) : text
}

const SENTENCE_END_RE = /^[.!?…]+$/
const OPENERS_RE = /^["“‘'(\[«—–-]+$/

/** Whether the token after `value` opens a sentence: after an end mark or a colon yes, after an opening quote or bracket as before, else no. */
export function startsAfter(value: string, boundary: boolean): boolean {
  if (SENTENCE_END_RE.test(value) || value === ':') return true
  return OPENERS_RE.test(value) ? boundary : false
}

/** Comparable form of a word: folded (text/fold.ts), dots dropped ("U.S." → "us", "Da'esh" → "daesh"). */
export function tokenForm(value: string): string {
  let form = forms.get(value)
  if (form === undefined) {
    form = foldWord(value).replace(/\./g, '')
    if (forms.size >= FORMS_MAX) forms.clear()
    forms.set(value, form)
  }
  return form
}
// every token needs its form and words repeat: a bounded memo saves most of the folding
const forms = new Map<string, string>()
const FORMS_MAX = 100_000

/**
 * `tagged` false: no part-of-speech tags (pos '' on every token), for the trained recogniser's
 * pipeline, which does not read them.
 */
export function tokenize(text: string, tagged = true): Token[] {
  const w = getNlp(tagged)
  const safe = winkSafe(text)
  const doc = w.readDoc(safe)
  const toks = doc.tokens()
  const values = toks.out()
  const pos = tagged ? toks.out(w.its.pos) : toks.out(w.its.type).map((t) => (t === 'tabCRLF' ? 'SPACE' : ''))
  const spaces = toks.out(w.its.precedingSpaces)
  const out: Token[] = []
  let at = 0
  let boundary = true
  const same = safe === text // (compared once: two equal strings that are not one object compare in full)
  for (let i = 0; i < values.length; i++) {
    const sp = spaces[i] ?? ''
    at += sp.length
    const safeValue = values[i]!
    // wink reproduces the text exactly from value + preceding spaces; resynchronise defensively
    if (!safe.startsWith(safeValue, at)) {
      const found = safe.indexOf(safeValue, at)
      if (found >= 0) at = found
    }
    const value = same ? safeValue : text.slice(at, at + safeValue.length)
    if (sp.includes('\n')) boundary = true
    const p = pos[i] ?? (tagged ? 'X' : '')
    if (p !== 'SPACE') {
      out.push({ value, form: tokenForm(value), pos: p, start: at, end: at + value.length, sentenceStart: boundary })
      boundary = startsAfter(value, boundary)
    } else if (value.includes('\n')) boundary = true
    at += value.length
  }
  return out
}
