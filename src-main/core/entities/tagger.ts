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
  its: { pos: unknown; precedingSpaces: unknown }
}

let nlp: Wink | undefined

function getNlp(): Wink {
  if (!nlp) {
    const require = createRequire(import.meta.url)
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => Wink
    nlp = winkNLP(require('wink-eng-lite-web-model'), ['sbd', 'pos'])
  }
  return nlp
}

const SENTENCE_END_RE = /^[.!?…]+$/
const OPENERS_RE = /^["“‘'(\[«—–-]+$/

/** Comparable form of a word: folded (text/fold.ts), dots dropped ("U.S." → "us", "Da'esh" → "daesh"). */
export function tokenForm(value: string): string {
  return foldWord(value).replace(/\./g, '')
}

export function tokenize(text: string): Token[] {
  const w = getNlp()
  const doc = w.readDoc(text)
  const toks = doc.tokens()
  const values = toks.out()
  const pos = toks.out(w.its.pos)
  const spaces = toks.out(w.its.precedingSpaces)
  const out: Token[] = []
  let at = 0
  let boundary = true
  for (let i = 0; i < values.length; i++) {
    const sp = spaces[i] ?? ''
    at += sp.length
    const value = values[i]!
    // wink reproduces the text exactly from value + preceding spaces; resynchronise defensively
    if (!text.startsWith(value, at)) {
      const found = text.indexOf(value, at)
      if (found >= 0) at = found
    }
    if (sp.includes('\n')) boundary = true
    const p = pos[i] ?? 'X'
    if (p !== 'SPACE') {
      out.push({ value, form: tokenForm(value), pos: p, start: at, end: at + value.length, sentenceStart: boundary })
      if (SENTENCE_END_RE.test(value) || value === ':') boundary = true
      else if (!OPENERS_RE.test(value)) boundary = false
    } else if (value.includes('\n')) boundary = true
    at += value.length
  }
  return out
}
