/**
 * Text preparation before tagging, keeping a way back to the original offsets:
 * - boilerplate lines (paywall, newsletter, share and "min read" lines) are blanked out with
 *   spaces of the same length, so they produce no entities and offsets do not move;
 * - a punctuation-stripped scrape ("…despotic ruleReports of rising…", "alMyadin") gets its glued
 *   sentences split and its Arabic articles re-hyphenated; these insertions are recorded so every
 *   mention maps back to the file's own characters.
 */

export interface Prepared {
  text: string
  /** true when the text looked punctuation-stripped and was repaired */
  repaired: boolean
  /** offset in the prepared text → offset in the original */
  toOriginal(offset: number): number
}

const BOILERPLATE_RE =
  /\b(?:subscribe|subscription|subscriber|sign in|sign up|log in|newsletter|cookies?|all rights reserved|copyright|advertisement|min read|read more|continue reading|related articles?|follow (?:us|him|her|[\w@]+) on|share (?:this|on)|click (?:here|to (?:enlarge|expand|view|read|see))|unlimited access|terms of (?:use|service)|privacy policy|this article (?:appeared|was originally))\b|©/i
const MAX_BOILERPLATE_LINE = 240

const LETTER_RE = /^\p{L}$/u

// In stripped text, a lower-case letter directly followed by a capital marks a lost boundary.
// Name prefixes that legitimately glue (McCain, MacDonald, DeSantis, LeBlanc, O'Neill) are exempt.
const LOWER_RE = /\p{Ll}/u
const UPPER_RE = /\p{Lu}/u
const NAME_PREFIX_RE = /^(?:mc|mac|de|di|da|du|la|le|van|von|o)$/i
const ARTICLE_PREFIX_RE = /^(?:al|el|ar|as|ad|az|ash|ez)$/

/** Few sentence marks per word: the file was scraped with its punctuation removed. */
export function looksStripped(text: string): boolean {
  // one pass over the characters, no regular expression per word: this runs on every article at
  // index time. Words are runs of letters; ASCII is decided by code, the rest by Unicode property.
  let words = 0
  let marks = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let letter: boolean
    if (c < 128) {
      letter = (c | 32) >= 97 && (c | 32) <= 122
      if (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63) marks++ // . , ; : ! ?
    } else {
      const cp = text.codePointAt(i)!
      letter = LETTER_RE.test(String.fromCodePoint(cp))
      if (cp > 0xffff) i++
    }
    if (letter && !inWord) words++
    inWord = letter
  }
  return words >= 40 && marks / words < 0.015
}

/** a line that is only a page's time stamp ("Updated 6 hours ago", "Posted: 2 days ago") */
const FURNITURE_RE = /^\s*(?:last\s+)?(?:updated|posted|published|modified)\b[^.!?]{0,40}\bago\s*$/i

export function isBoilerplateLine(line: string): boolean {
  return line.length <= MAX_BOILERPLATE_LINE && (BOILERPLATE_RE.test(line) || FURNITURE_RE.test(line))
}

/** Paywall, newsletter, share and "min read" lines replaced by spaces of the same length (offsets unchanged). */
export function blankBoilerplate(original: string): string {
  return original.replace(/[^\n]+/g, (line) => (isBoilerplateLine(line) ? ' '.repeat(line.length) : line))
}

export function prepareText(original: string): Prepared {
  // 1. blank boilerplate lines (same length: offsets unchanged)
  let text = blankBoilerplate(original)
  if (!looksStripped(text)) return { text, repaired: false, toOriginal: (i) => i }

  // 2. repair glued words; remember where characters were inserted
  const inserts: number[] = [] // original offset of each inserted character, ascending
  let out = ''
  let last = 0
  for (const m of text.matchAll(/\S+/g)) {
    const word = m[0]
    const at = m.index
    out += text.slice(last, at)
    last = at + word.length
    let from = 0
    for (let p = 1; p < word.length; p++) {
      if (!(LOWER_RE.test(word[p - 1]!) && UPPER_RE.test(word[p]!))) continue
      const part = word.slice(from, p)
      if (from === 0 && NAME_PREFIX_RE.test(part)) continue
      const article = ARTICLE_PREFIX_RE.test(part)
      if (!article && (/\p{Ll}+$/u.exec(part)?.[0].length ?? 0) < 2) continue
      const insert = article ? '-' : '. '
      out += part + insert
      for (let k = 0; k < insert.length; k++) inserts.push(at + p)
      from = p
    }
    out += word.slice(from)
  }
  out += text.slice(last)
  text = out

  // prepared offset → original: the k-th inserted character sits at prepared offset inserts[k] + k
  const toOriginal = (i: number): number => {
    let lo = 0
    let hi = inserts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (inserts[mid]! + mid < i) lo = mid + 1
      else hi = mid
    }
    return i - lo
  }
  return { text, repaired: true, toOriginal }
}
