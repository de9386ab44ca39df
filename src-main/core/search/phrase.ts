/**
 * Exact-phrase verification. Lunr has no phrase query, so candidates found by an AND of the
 * phrase's terms are checked here against the document text.
 *
 * Both sides are reduced to a sequence of stemmed word parts, concatenated without separators,
 * with the part boundaries remembered. A phrase matches where its concatenation occurs starting
 * and ending on a boundary. That makes "deir al-zour" match "Deir al-Zour", "Deir alZour" and
 * "Deir Alzour", and "internal than external" match a copy whose punctuation was stripped,
 * while "art" never matches inside "start".
 */
import { foldTextAligned } from '../text/fold'
import { words } from '../text/words'
import { phraseUnit } from './terms'

export interface UnitText {
  compact: string
  /** compact offset where each unit starts; one more entry for the end */
  unitStarts: number[]
  /** original-text span of each unit */
  spans: Array<[number, number]>
}

export function unitText(text: string): UnitText {
  let compact = ''
  const unitStarts: number[] = []
  const spans: Array<[number, number]> = []
  for (const w of words(text)) {
    for (const p of w.parts) {
      unitStarts.push(compact.length)
      spans.push([p.start, p.end])
      compact += phraseUnit(p)
    }
  }
  unitStarts.push(compact.length)
  return { compact, unitStarts, spans }
}

/** The compact form of a phrase as the user typed it. */
export function phraseKey(phrase: string): string {
  return unitText(phrase).compact
}

/** Where to look for a phrase before the exact check (see phraseScan). */
export interface PhraseScan {
  /** matches a superset of the phrase's occurrences in foldTextAligned(text) */
  re: RegExp
  /** a folded literal every occurrence contains (the longest word part's stem start), when there is one */
  anchor?: string
  /** how far an occurrence may reach from its anchor, in characters */
  reach: number
}

/**
 * A scan for where a phrase may occur, run on foldTextAligned(doc) so that only small windows
 * around its hits need the exact check (which tokenises and stems the text). Each part must
 * appear starting with (most of) its stem, parts separated only by non-word characters; it
 * accepts a superset of true matches, since Porter stemming only rewrites the last letters.
 * The anchor lets a document be scanned with indexOf for its rarest-looking piece instead of
 * running the pattern from every position ("is" starts a match attempt in "this", "crisis"…).
 */
export function phraseScan(phrase: string): PhraseScan {
  const parts = [...words(phrase)].flatMap((w) => w.parts)
  let anchor: string | undefined
  const pieces = parts.map((p) => {
    const stem = phraseUnit(p)
    const keep = stem.length <= 3 ? Math.min(stem.length, p.text.length) : stem.length - 2
    const prefix = p.text.startsWith(stem.slice(0, keep)) ? stem.slice(0, keep) : commonPrefix(stem, p.text)
    // digits may carry separators in the text (8,500), so they are never the anchor; words may
    // carry apostrophes (Syria's)
    if (!/\d/.test(prefix) && prefix.length > (anchor?.length ?? 0)) anchor = prefix
    const body = /^\d+$/.test(prefix) ? prefix.split('').map(escapeRe).join('[,.]?') : escapeRe(prefix)
    return body + "[\\p{L}\\p{N}\\p{M}'’ʼ‘,.]*?"
  })
  // no word-start anchor: a part may be glued to the word before it ("saidThe situation")
  const re = new RegExp(pieces.join('[^\\p{L}\\p{N}]*?'), 'gu')
  // a phrase written out in the text is rarely longer than twice what was typed, plus separators
  return { re, ...(anchor ? { anchor } : {}), reach: 2 * phrase.length + 32 }
}

function commonPrefix(a: string, b: string): string {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return a.slice(0, i)
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const WINDOW_MARGIN = 48

/**
 * Exact phrase occurrences in a document, checking only windows around the scan's hits: a common
 * phrase in a large archive must not cost a full tokenisation of every candidate.
 */
export function findPhraseIn(text: string, key: string, scan: PhraseScan): Array<[number, number]> {
  const folded = foldTextAligned(text)
  const windows: Array<[number, number]> = []
  if (scan.anchor) {
    // around each anchor: the regex decides whether the window may hold the phrase at all
    for (let at = folded.indexOf(scan.anchor); at >= 0; at = folded.indexOf(scan.anchor, at + 1)) {
      const from = Math.max(0, at - scan.reach)
      const to = Math.min(text.length, at + scan.anchor.length + scan.reach)
      patternHits(scan.re, folded.slice(from, to), from, windows)
    }
    windows.sort((a, b) => a[0] - b[0])
  } else patternHits(scan.re, folded, 0, windows)
  const found = new Map<string, [number, number]>()
  let lastEnd = -1
  for (const [start, end] of windows) {
    if (end <= lastEnd) continue
    let from = Math.max(0, start - WINDOW_MARGIN)
    let to = Math.min(text.length, end + WINDOW_MARGIN)
    // start and end the window on whitespace so that no word is cut in two
    while (from > 0 && !/\s/.test(text[from - 1]!)) from--
    while (to < text.length && !/\s/.test(text[to]!)) to++
    lastEnd = to
    for (const [s, e] of findPhrase(unitText(text.slice(from, to)), key)) found.set(`${s + from}:${e + from}`, [s + from, e + from])
  }
  return [...found.values()].sort((a, b) => a[0] - b[0])
}

/** Every match of a global pattern in `text`, as [start, end) shifted by `offset`, added to `out`. */
function patternHits(re: RegExp, text: string, offset: number, out: Array<[number, number]>): void {
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++
    out.push([offset + m.index, offset + m.index + m[0].length])
  }
}

/** Original-text spans of every occurrence of the phrase (empty when it does not occur). */
export function findPhrase(doc: UnitText, key: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  if (!key) return out
  let from = 0
  for (;;) {
    const at = doc.compact.indexOf(key, from)
    if (at < 0) break
    from = at + 1
    const first = boundaryIndex(doc.unitStarts, at)
    const last = boundaryIndex(doc.unitStarts, at + key.length)
    if (first >= 0 && last > first) out.push([doc.spans[first]![0], doc.spans[last - 1]![1]])
  }
  return out
}

/** Index of the unit starting exactly at `offset`, or -1 if offset is inside a unit. */
function boundaryIndex(starts: number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = starts[mid]!
    if (v === offset) {
      // empty units cannot exist (parts are non-empty), so starts are strictly increasing
      return mid
    }
    if (v < offset) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}
