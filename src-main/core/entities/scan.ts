/**
 * Tokens for the trained recogniser's pipeline, by one scan over the text: words, numbers,
 * abbreviations and punctuation with their offsets, split the way the recogniser's training text
 * (CoNLL-2003) and the rules expect — "Smith" "'s", "did" "n't", "U.S." and "Corp." whole,
 * "al" "-" "Haddad" (modelWords joins hyphenated words again), "1,000" and "10:30" whole.
 *
 * Why not wink's tokenizer, which the rules' pipeline (with part-of-speech tags) still uses: this
 * pipeline reads no tags, and wink's tokenizer with its lexicon lookups was a fifth of the whole
 * analysis time (#19, build throughput). Same Token shape, pos ''.
 */
import { RUN_MAX, startsAfter, tokenForm, type Token } from './tagger'

/** Abbreviations written with a final dot that is not a sentence end (wink's list, in spirit). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft rev hon gen lt col maj capt sgt cpl adm cmdr gov sen rep pres supt insp det ' +
    'corp inc ltd co cos bros plc assn dept univ govt natl intl ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'no nos vs etc approx est fig vol pp ave blvd rd sq hwy'
  ).split(' ')
)


const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x202f || c === 0x205f || c === 0xfeff
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const isDigit = (c: number) => c >= 48 && c <= 57
const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x2bc
const LETTER_RE = /[\p{L}\p{M}]/u

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return isAsciiLetter(c)
  // modifier letters of transliterations ("Qalʿat") glue like letters
  return (c >= 0x2b0 && c <= 0x2ff && c !== 0x2bc) || LETTER_RE.test(text[i]!) || (c >= 0xd800 && c <= 0xdbff)
}
const isAlnum = (text: string, i: number) => i < text.length && (isDigit(text.charCodeAt(i)) || isLetter(text, i))

const URL_RE = /(?:https?:\/\/|www\.)[^\s"'<>()[\]{}]+/y
const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/y
const TAG_RE = /[#@][\p{L}\d_]+/uy

/** The text's tokens; the same fields as tokenize(text, false). */
export function scanTokens(text: string): Token[] {
  const out: Token[] = []
  let boundary = true
  const n = text.length
  let i = 0
  const push = (start: number, end: number) => {
    const value = text.slice(start, end)
    out.push({ value, form: tokenForm(value), pos: '', start, end, sentenceStart: boundary })
    boundary = startsAfter(value, boundary)
  }
  while (i < n) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) {
      if (c === 10) boundary = true
      i++
      continue
    }
    // a run too long to be a name (a hex dump, base64, a URL soup): skipped whole, as winkSafe blanks it
    let runEnd = i
    while (runEnd < n && !isSpace(text.charCodeAt(runEnd))) runEnd++
    if (runEnd - i > RUN_MAX) {
      i = runEnd
      continue
    }
    const end = tokenEnd(text, i, runEnd)
    // a word and a clitic ("Smith" "'s", "did" "n't") come back as one end; split them here
    const split = cliticStart(text, i, end)
    if (split > i) push(i, split)
    push(split, end)
    i = end
  }
  return out
}

/** Where the token starting at i ends (within the non-space run ending at runEnd). */
function tokenEnd(text: string, i: number, runEnd: number): number {
  const c = text.charCodeAt(i)
  if (c === 104 || c === 119) {
    URL_RE.lastIndex = i
    if (URL_RE.test(text)) return trimTrailing(text, i, URL_RE.lastIndex)
  }
  if (c === 35 || c === 64) {
    TAG_RE.lastIndex = i
    if (TAG_RE.test(text)) return TAG_RE.lastIndex
  }
  if (isAlnum(text, i)) {
    // an "@" in this run only (searching the rest of the text made long texts quadratic)
    let at = i
    while (at < runEnd && text.charCodeAt(at) !== 64) at++
    if (at < runEnd) {
      EMAIL_RE.lastIndex = i
      if (EMAIL_RE.test(text)) return EMAIL_RE.lastIndex
    }
    return wordEnd(text, i, runEnd)
  }
  // a sign before a number ("-5", "+7") after a space
  if ((c === 45 || c === 43) && isDigit(text.charCodeAt(i + 1)) && (i === 0 || isSpace(text.charCodeAt(i - 1)))) return wordEnd(text, i + 1, runEnd)
  // "'90s"
  if (isApostrophe(c) && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === 115) return i + 4
  // runs of dots and of dashes are one token ("...", "--"); any other mark is one
  if (c === 46 || c === 45) {
    let j = i + 1
    while (j < runEnd && text.charCodeAt(j) === c) j++
    return j
  }
  // a surrogate pair is one character
  return c >= 0xd800 && c <= 0xdbff ? i + 2 : i + 1
}

function trimTrailing(text: string, start: number, end: number): number {
  while (end > start + 1 && /[.,;:!?'’]/.test(text[end - 1]!)) end--
  return end
}

/** A word, a number or an abbreviation from i: letters and digits, joined by what joins them. */
function wordEnd(text: string, i: number, runEnd: number): number {
  let j = i
  while (j < runEnd && isAlnum(text, j)) j++
  for (;;) {
    if (j >= runEnd) return j
    const c = text.charCodeAt(j)
    const before = text.charCodeAt(j - 1)
    const after = j + 1 < runEnd ? text.charCodeAt(j + 1) : 0
    // 5.5, 1,000, 10:30, 12/05/1996, 5-4
    if ((c === 46 || c === 44 || c === 58 || c === 47 || c === 45) && isDigit(before) && isDigit(after)) {
      j = skipAlnum(text, j + 1, runEnd)
      continue
    }
    // O'Neill, rock'n'roll, Qal'at — a clitic ('s, n't, 're) is split off later
    if (isApostrophe(c) && isAlnum(text, j + 1)) {
      j = skipAlnum(text, j + 1, runEnd)
      continue
    }
    // anti-American, co-founder, e-mail: a prefix and its word are one word, as wink reads them
    if (c === 45 && isLetter(text, j + 1) && PREFIXES.has(text.slice(i, j).toLowerCase())) {
      j = skipAlnum(text, j + 1, runEnd)
      continue
    }
    // AT&T
    if (c === 38 && before >= 65 && before <= 90 && after >= 65 && after <= 90) {
      j = skipAlnum(text, j + 1, runEnd)
      continue
    }
    if (c === 46) {
      const word = text.slice(i, j)
      // U.S., a.m., J.P. (single letters between dots): on to the next letter and its dot
      if (isSingleLetters(word) && isLetter(text, j + 1) && (j + 2 >= runEnd || !isAlnum(text, j + 2))) {
        j += 2
        continue
      }
      // the final dot of U.S., of an initial (F.) or of a known abbreviation (Corp.)
      if (isSingleLetters(word) || ABBREVIATIONS.has(word.toLowerCase())) return j + 1
    }
    return j
  }
}

function skipAlnum(text: string, j: number, runEnd: number): number {
  while (j < runEnd && isAlnum(text, j)) j++
  return j
}

/** "U", "U.S", "a.m": letters one at a time between dots. */
function isSingleLetters(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const even = k % 2 === 0
    const c = word.charCodeAt(k)
    if (even ? !(isAsciiLetter(c) || (c > 127 && LETTER_RE.test(word[k]!))) : c !== 46) return false
  }
  return word.length % 2 === 1
}

const CLITICS = new Set(['s', 're', 've', 'll', 'd', 'm'])
const PREFIXES = new Set('anti pro ex co re pre post mid x e non un vice pan semi'.split(' '))
/** verbs whose "n't" a stripped copy writes without its apostrophe ("didnt" → "did" "nt") */
const NT_STEMS = new Set('do does did is are was were has have had could would should must need might wo ca ai'.split(' '))

/** Where a clitic at the end of the token [start, end) begins ("Smith's" → at "'s", "didn't" → at "n't"), or start. */
function cliticStart(text: string, start: number, end: number): number {
  if (end - start < 3) return start
  // n't
  if ((text.charCodeAt(end - 1) | 32) === 116 && isApostrophe(text.charCodeAt(end - 2)) && (text.charCodeAt(end - 3) | 32) === 110 && end - 3 > start) return end - 3
  if (end - start <= 7 && (text.charCodeAt(end - 1) | 32) === 116 && (text.charCodeAt(end - 2) | 32) === 110 && NT_STEMS.has(text.slice(start, end - 2).toLowerCase())) return end - 2
  for (let k = end - 1; k > start && k >= end - 3; k--) {
    if (isApostrophe(text.charCodeAt(k))) {
      const rest = text.slice(k + 1, end).toLowerCase()
      return CLITICS.has(rest) ? k : start
    }
  }
  return start
}
