/**
 * Split text into words with their offsets in the ORIGINAL text, and each word into parts.
 * Parts are what messy news text glues together: hyphenated compounds ("self-proclaimed"),
 * camel-case joins left by stripped punctuation ("alDulaimi", "ruleReports"), possessives.
 * Nothing here lower-cases the source; callers fold each part with foldWord.
 */
import { foldWord } from './fold'

export interface WordPart {
  /** Folded text of this part (lower case, no diacritics or apostrophes, no digit separators). */
  text: string
  /** Whether the part was written in capitals only (ISIS, UN, US): acronyms are kept distinct from stop words. */
  allCaps: boolean
  start: number
  end: number
}

export interface Word {
  start: number
  end: number
  parts: WordPart[]
}

// A word: letters/digits (with combining marks), joined by apostrophes, hyphens, or a digit
// separator between digits ("8,500", "3.5"). "U.S."-style acronyms are one word.
const WORD_RE =
  /(?:\p{L}\.){2,}(?!\p{L})|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?:['’ʼ‘\-‐‑–]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu
const HYPHEN_RE = /[-‐‑–]/
const POSSESSIVE_RE = /['’ʼ‘]s$/i
const CAMEL_RE = /(?<=\p{Ll})(?=\p{Lu})/u
const ALL_CAPS_RE = /^\p{Lu}{2,}$/u

export function* words(text: string): Generator<Word> {
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index
    const raw = m[0]
    const parts = splitParts(raw, start)
    if (parts.length) yield { start, end: start + raw.length, parts }
  }
}

/**
 * Each word's text as written and its offset, without the parts: the indexing hot path, which
 * handles plain words itself (isPlainWord) and calls splitParts for the rest.
 */
export function forEachRawWord(text: string, each: (raw: string, start: number) => void): void {
  const re = new RegExp(WORD_RE) // own lastIndex: callers may nest
  for (let m = re.exec(text); m; m = re.exec(text)) each(m[0], m.index)
}

// Most words are plain: one part, nothing to split or fold beyond case (the hot path of indexing).
const PLAIN_RE = /^(?:[A-Za-z][a-z]*|[0-9]+)$/

/** One part, lower case is its folded form, never all capitals (splitParts gives exactly that). */
export function isPlainWord(raw: string): boolean {
  return PLAIN_RE.test(raw)
}

export function splitParts(raw: string, offset: number): WordPart[] {
  if (PLAIN_RE.test(raw)) return [{ text: raw.toLowerCase(), allCaps: false, start: offset, end: offset + raw.length }]
  if (raw.endsWith('.') && /^(?:\p{L}\.){2,}$/u.test(raw)) {
    // Acronym with dots: U.S. -> "us", U.K. -> "uk"
    const letters = raw.replace(/\./g, '')
    return [{ text: foldWord(letters), allCaps: letters === letters.toUpperCase(), start: offset, end: offset + raw.length }]
  }
  const out: WordPart[] = []
  let pos = 0
  for (const segment of raw.split(HYPHEN_RE)) {
    const segStart = pos
    pos += segment.length + 1
    const segEnd = offset + segStart + segment.length
    if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(segment)) {
      // 8,500 -> 8500: thousands separators are formatting, not part of the number
      out.push({ text: segment.replace(/,/g, ''), allCaps: false, start: offset + segStart, end: segEnd })
      continue
    }
    let seg = segment
    if (POSSESSIVE_RE.test(seg) && seg.length > 2) seg = seg.slice(0, -2) // Syria's -> Syria
    let subStart = segStart
    for (const sub of seg.split(CAMEL_RE)) {
      const text = foldWord(sub)
      if (text) {
        out.push({
          text,
          allCaps: ALL_CAPS_RE.test(sub),
          start: offset + subStart,
          end: Math.min(offset + subStart + sub.length, segEnd)
        })
      }
      subStart += sub.length
    }
  }
  return out
}
