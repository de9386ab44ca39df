/**
 * Index terms: the one definition of how a word becomes what Lunr stores and what a query looks up.
 * Index and query both go through here, so "Syria’s", "Syrias" and "syria's" meet on one term.
 * Lunr's own tokenizer/trimmer are ASCII-only and know nothing of glued words, so we tokenise
 * ourselves; Lunr provides the stemmer, the stop-word list and (segment.ts) the term automaton.
 */
import lunr from 'lunr'
import { forEachRawWord, isPlainWord, splitParts, type Word, type WordPart } from '../text/words'

/** Suffix for capitalised acronyms that would otherwise be dropped as stop words (IS, US, WHO). */
export const ACRONYM_MARK = '_acr'

const stemCache = new Map<string, string>()

export function stem(folded: string): string {
  let s = stemCache.get(folded)
  if (s === undefined) {
    s = /\d/.test(folded) ? folded : lunr.stemmer(new lunr.Token(folded, {})).toString()
    if (stemCache.size > 200_000) stemCache.clear()
    stemCache.set(folded, s)
  }
  return s
}

export function isStopWord(folded: string): boolean {
  return lunr.stopWordFilter(new lunr.Token(folded, {})) === undefined
}

// termFor runs on every word of every snippet's document: one Map lookup instead of Lunr's
// stop-word filter (a Token and an object lookup) plus the stem cache
const termCache = new Map<string, string | null>()

/** The stored term for one folded piece of text, or null for a stop word. */
export function termFor(folded: string, allCaps = false): string | null {
  if (!folded) return null
  const key = allCaps ? folded + '\u0001' : folded
  let t = termCache.get(key)
  if (t === undefined) {
    t = isStopWord(folded) ? (allCaps ? folded + ACRONYM_MARK : null) : stem(folded)
    if (termCache.size > 200_000) termCache.clear()
    termCache.set(key, t)
  }
  return t
}

/** Stemmed form used for phrase matching, where stop words are kept. */
export function phraseUnit(part: WordPart): string {
  return stem(part.text)
}

/** Terms a word contributes to the index: its whole joined form plus each part. */
export function wordTerms(word: Word): string[] {
  const out: string[] = []
  const { parts } = word
  if (parts.length > 1) {
    const joined = termFor(parts.map((p) => p.text).join(''))
    if (joined) out.push(joined)
  }
  for (const p of parts) {
    const t = termFor(p.text, p.allCaps)
    if (t) out.push(t)
  }
  return out
}

/** All index terms of a text, in order (repeats kept). */
export function indexTerms(text: string): string[] {
  const out: string[] = []
  eachTerm(text, (t) => out.push(t))
  return out
}

/** What indexTerms lists, one at a time: plain words (most of them) skip the parts and their objects. */
function eachTerm(text: string, each: (term: string) => void): void {
  forEachRawWord(text, (raw, start) => {
    if (isPlainWord(raw)) {
      const t = termFor(raw.toLowerCase())
      if (t) each(t)
      return
    }
    const parts = splitParts(raw, start)
    if (parts.length) for (const t of wordTerms({ start, end: start + raw.length, parts })) each(t)
  })
}

/** A field's distinct index terms with their frequencies, and its length in terms (for BM25). */
export interface TermCounts {
  terms: string[]
  tfs: number[]
  length: number
}

/** What a document contributes to the inverted index: computed where the document is analysed. */
export interface DocTerms {
  title: TermCounts
  body: TermCounts
}

export function countTerms(text: string): TermCounts {
  const counts = new Map<string, number>()
  let length = 0
  eachTerm(text, (t) => {
    counts.set(t, (counts.get(t) ?? 0) + 1)
    length++
  })
  return { terms: [...counts.keys()], tfs: [...counts.values()], length }
}
