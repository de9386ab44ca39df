/**
 * What every extraction stage works on: the prepared text, its tokens with what is known of them
 * (lines in capitals, words also seen in lower case, tokens already taken by a name), and the
 * chunks found so far. Stages add, join, type and link chunks; collect.ts turns them into entities.
 */
import type { KnownEntity } from '../knowledge'
import { GROUP_NOUNS, NEVER_ALONE, ORG_HEADS } from '../lexicon'
import type { Prepared } from '../prepare'
import { scanTokens } from '../scan'
import { tokenize, type Token } from '../tagger'
import type { EntityType } from '../types'

/** 'other': a name of another kind (a nationality, an event), held so no rule makes one of the three of it */
export type Kind = EntityType | 'acronym' | 'single' | 'multi' | 'other'

export interface Chunk {
  from: number
  to: number
  kind: Kind
  known?: KnownEntity
  /** merge key once decided */
  key?: string
  /** chunk index this one was resolved to (coreference) */
  ref?: Chunk
  links: string[]
  personCue: boolean
  /** display name when the text's own is not one ("PORT SELWYN" in a dateline → "Port Selwyn") */
  display?: string
  /** a possessive whose apostrophe a scraper dropped ("Port Selwyns"): its own spelling is not a name */
  possessive?: boolean
  /** found and typed by the trained recogniser: the rules' classifiers leave its type alone */
  recognized?: boolean
  /** the rule that found and typed it outside the classifiers ('dateline', 'apposition', 'us-state', 'ampersand') */
  rule?: string
}

export interface ExtractionDoc {
  original: string
  prep: Prepared
  /** the prepared text (boilerplate blanked, a stripped copy repaired); offsets map back through prep */
  text: string
  tokens: Token[]
  /** tokens on lines written in capitals: their case says nothing */
  shout: Uint8Array
  /** tokens on a headline line in Title Case (every longer word capitalised): their case says little */
  titleCase: Uint8Array
  /** folded forms seen in lower case somewhere in the text: ordinary words */
  lowerSeen: Set<string>
  /** tokens already part of a chunk */
  taken: Uint8Array
  chunks: Chunk[]
}

/** `tagged`: with part-of-speech tags (the rules read them; the recogniser does not). */
export function extractionDoc(original: string, prep: Prepared, tagged = true): ExtractionDoc {
  const text = prep.text
  // the recogniser's pipeline reads no part-of-speech tags: its own scan, five times faster than wink's tokenizer
  const tokens = tagged ? tokenize(text) : scanTokens(text)
  const lowerSeen = new Set<string>()
  for (const t of tokens) if (/^\p{Ll}/u.test(t.value)) lowerSeen.add(t.form)
  return { original, prep, text, tokens, ...lineCase(text, tokens, lowerSeen), lowerSeen, taken: new Uint8Array(tokens.length), chunks: [] }
}

export const isCap = (t: Token) => /^\p{Lu}/u.test(t.value) && /\p{L}/u.test(t.value)
export const fold = (t: Token | undefined) => t?.form ?? ''
/** Never an entity on its own: calendar words, openers, honorifics, and groups ("Residents said"). */
export const neverAlone = (form: string) => NEVER_ALONE.has(form) || GROUP_NOUNS.has(form)

export function surface(d: ExtractionDoc, c: Chunk): string {
  return d.text.slice(d.tokens[c.from]!.start, d.tokens[c.to - 1]!.end)
}

/** An organisation's head word; in a stripped copy also one with its possessive's s glued on ("Centers"). */
export function isOrgHead(d: ExtractionDoc, t: Token): boolean {
  return ORG_HEADS.has(t.form) || (d.prep.repaired && t.form.endsWith('s') && ORG_HEADS.has(t.form.slice(0, -1)))
}

/** The last token of [from, to) that is an organisation's head word, or -1. */
export function lastOrgHead(d: ExtractionDoc, from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) if (isOrgHead(d, d.tokens[k]!)) return k
  return -1
}

const LETTER_RE = /\p{L}/u
const UPPER_RE = /\p{Lu}/u

/** [letters, upper-case letters] of a line: ASCII by code, the rest by Unicode property (one pass, no arrays). */
function letterCase(line: string): [number, number] {
  let letters = 0
  let upper = 0
  for (const ch of line) {
    const c = ch.charCodeAt(0)
    if (c < 128) {
      if (c >= 65 && c <= 90) {
        letters++
        upper++
      } else if (c >= 97 && c <= 122) letters++
    } else if (LETTER_RE.test(ch)) {
      letters++
      if (UPPER_RE.test(ch)) upper++
    }
  }
  return [letters, upper]
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'as', 'by', 'with', 'from', 'vs', 'is'])

/**
 * Per token, what its line says of case, in one pass over the lines:
 * - `shout`: a line written in capitals (a headline, a shouting caption);
 * - `titleCase`: a line of 4 to 20 words with every word of four letters or more capitalised,
 *   two of them written in lower case elsewhere, and no comma or sentence end inside: a headline
 *   in Title Case ("Raqqa Is Being Slaughtered Silently"). A line-up or a list of names is
 *   capitalised too, but a headline's words are ordinary ones.
 */
function lineCase(text: string, tokens: readonly Token[], lowerSeen: ReadonlySet<string>): { shout: Uint8Array; titleCase: Uint8Array } {
  const shout = new Uint8Array(tokens.length)
  const titleCase = new Uint8Array(tokens.length)
  let ti = 0
  let lineStart = 0
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length
    const from = ti
    while (ti < tokens.length && tokens[ti]!.start < lineEnd + 1) ti++
    lineStart = lineEnd + 1
    if (from === ti) continue
    const [letters, upper] = letterCase(line)
    if (letters >= 12 && upper / letters > 0.8) shout.fill(1, from, ti)
    if (ti - from < 4) continue
    const toks = tokens.slice(from, ti)
    const words = toks.filter((t) => /\p{L}/u.test(t.value))
    const long = words.filter((t) => t.value.length >= 4 && !SMALL_WORDS.has(t.form))
    const ended = toks.slice(0, -1).some((t) => /^[.!?]$/.test(t.value))
    const ordinary = long.filter((t) => lowerSeen.has(t.form)).length
    const listed = toks.some((t) => t.value === ',')
    if (words.length >= 4 && words.length <= 20 && long.length >= 3 && ordinary >= 2 && !ended && !listed && long.every((t) => /^\p{Lu}/u.test(t.value))) titleCase.fill(1, from, ti)
  }
  return { shout, titleCase }
}
