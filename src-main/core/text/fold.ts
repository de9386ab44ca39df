/**
 * Character folding for matching: what a reader considers "the same word" must be the same string.
 * Compatibility forms (ligatures, full-width), diacritics, case and apostrophe variants all fold away.
 * Used per word, so offsets into the original text are never disturbed.
 */

// Letters that Unicode does not decompose into base + mark.
const SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't'
}
const SPECIAL_RE = /[ßæœøłđðþıħŧ]/g
const MARKS_RE = /\p{M}+/gu
const APOSTROPHES_RE = /['’ʼ‘`´]/g

// ASCII is already in every normal form and has no marks or special letters: only case and apostrophes fold.
const ASCII_RE = /^[\x00-\x7f]*$/

/** Lower-case, diacritic-free, apostrophe-free form of one word (or part of a word). */
export function foldWord(raw: string): string {
  // most words of English news are ASCII: skip the three Unicode normalisations (the hot path of indexing)
  if (ASCII_RE.test(raw)) return raw.toLowerCase().replace(APOSTROPHES_RE, '')
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .replace(APOSTROPHES_RE, '')
    .normalize('NFC')
}

/**
 * A whole text folded one UTF-16 unit for one (lower case, diacritics dropped), so an offset in
 * the result is the same offset in the original. Used to find where a phrase may occur before
 * the exact check; apostrophes and digit separators are left for the scan pattern to skip.
 */
export function foldTextAligned(text: string): string {
  const lower = text.toLowerCase()
  // ASCII, plus the Latin-1 symbols and typographic punctuation (curly quotes, dashes) of most
  // English news, which have no decomposition: lower case is already the folded form
  if (!FOLDS_RE.test(text)) return lower
  // lower-case in bulk when that keeps every offset (it does unless a letter such as "İ" expands),
  // then drop the diacritics of the non-ASCII characters one UTF-16 unit at a time
  if (lower.length === text.length) return lower.replace(NON_ASCII_RE, foldUnit)
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out += c < 0x80 ? (c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i]!) : foldUnit(text[i]!)
  }
  return out
}

const NON_ASCII_RE = /[^\x00-\x7f]/g
// U+2000 and U+2001 decompose (to U+2002, U+2003), so they are not in the quiet range
const FOLDS_RE = /[^\x00-\xbf\u2002-\u206f]/

function foldUnit(ch: string): string {
  const base = ch.normalize('NFD')[0]!.toLowerCase()
  return base.length === 1 ? base : ch
}
