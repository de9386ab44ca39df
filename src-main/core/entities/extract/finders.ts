/**
 * Finders: where names are. Curated aliases first (longest match), then a dateline in capitals,
 * then runs of capitalised words with their particles, cut where a stripped copy glued on a date,
 * the next sentence's subject or a repeated word.
 */
import { lookupKnown, matchKnown, type KnownEntity } from '../knowledge'
import { ACRONYM_STOP, GROUP_NOUNS, isFirstName, ORG_HEADS, SPEECH_VERBS } from '../lexicon'
import type { Token } from '../tagger'
import { fold, isCap, isOrgHead, lastOrgHead, neverAlone, type Chunk, type ExtractionDoc } from './document'
import { gazetteerKey } from './places'

const DATELINE_LINES = 12
const MONTHS = new Set('january february march april may june july august september october november december'.split(' '))
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '))
const FUNCTION_WORDS = new Set(
  `the a an in on at of for and but or if when while this that these those his her its their our we they he she it i you as with by from to after before during since according despite although though so then there here what who where why how all both each every no not`.split(
    ' '
  )
)
const CONNECTORS = new Set(['al', 'el', 'ez', 'az', 'ad', 'ar', 'as', 'ash', 'bin', 'ibn', 'bint', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den'])
export const HYPHEN_RE = /^[-‐‑]$/

/**
 * Curated aliases, longest match first ("Islamic State of Iraq and the Levant"). After the
 * recogniser: an alias replaces the names it covers, so its key merges the spellings; one inside a
 * longer name ("U.S." in "U.S. Treasury", "Middle East" in "Carnegie Middle East Center") is part
 * of that name.
 */
export function findKnown(d: ExtractionDoc): void {
  const { tokens, shout, taken } = d
  for (let i = 0; i < tokens.length; i++) {
    if (shout[i]) continue
    const m = matchKnown(tokens, i)
    if (!m) continue
    const covered = d.chunks.filter((c) => c.from < m.to && c.to > m.from)
    // an organisation the recogniser read as part of another kind of name: "Kurdish Peshmerga" (but "U.S. Open" is no place)
    const beyond = (c: Chunk) => (c.from < m.from || c.to > m.to) && !(c.kind === 'other' && m.entity.type === 'organization')
    if (covered.some(beyond) || (covered.length === 0 && insideLargerName(d, m.from, m.to, m.entity))) continue
    d.chunks = d.chunks.filter((c) => !covered.includes(c))
    d.chunks.push({ from: m.from, to: m.to, kind: m.entity.type, known: m.entity, key: m.entity.id, links: [], personCue: false })
    taken.fill(1, m.from, m.to)
    i = m.to - 1
  }
  d.chunks.sort((a, b) => a.from - b.from)
}

/** "Middle East" inside "Carnegie Middle East Center" is part of the organisation's name. */
function insideLargerName(d: ExtractionDoc, from: number, to: number, e: KnownEntity): boolean {
  if (e.type === 'organization') return false
  const { tokens, text } = d
  let a = from
  let b = to
  const sameLine = (x: Token, y: Token) => !text.slice(x.end, y.start).includes('\n')
  while (a > 0 && isCap(tokens[a - 1]!) && sameLine(tokens[a - 1]!, tokens[a]!) && !tokens[a]!.sentenceStart) a--
  while (b < tokens.length && isCap(tokens[b]!) && sameLine(tokens[b - 1]!, tokens[b]!)) b++
  if (a === from && b === to) return false
  // a stripped copy glues the next sentence's first word on: "Carnegie Middle East Centers Khatib"
  return ORG_HEADS.has(fold(tokens[b - 1])) || (d.prep.repaired && lastOrgHead(d, from + 1, b) >= to)
}

/**
 * A dateline in capitals opening one of the first paragraphs: "PORT SELWYN, March 3 –",
 * "RAQQA, Syria (AFP) —": a place, even one no gazetteer knows.
 */
export function findDateline(d: ExtractionDoc): void {
  const dl = datelineRun(d)
  if (!dl) return
  const name = titleCase(d.text.slice(d.tokens[dl.from]!.start, d.tokens[dl.to - 1]!.end))
  const key = gazetteerKey(name)
  d.chunks.push({ from: dl.from, to: dl.to, kind: 'place', links: [], personCue: false, display: name, rule: 'dateline', ...(key ? { key } : {}) })
  d.taken.fill(1, dl.from, dl.to)
}

/** Capitalised runs (with name particles: al-, bin, de, van…), then the chunks in text order. */
export function findCapitalRuns(d: ExtractionDoc): void {
  const { tokens, text, taken, shout, chunks, prep, lowerSeen } = d
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || shout[i] || !isCap(tokens[i]!)) continue
    let j = i + 1
    for (;;) {
      const t = tokens[j]
      if (!t || taken[j] || shout[j]) break
      if (isCap(t) && !text.slice(tokens[j - 1]!.end, t.start).includes('\n')) {
        j++
        continue
      }
      // particle or hyphen between capitalised words: "Deir ez-Zor", "Abu Bakr al-Baghdadi", "Osama bin Laden"
      if ((CONNECTORS.has(t.value.toLowerCase()) || HYPHEN_RE.test(t.value)) && nextCap(tokens, j, taken)) {
        j++
        continue
      }
      break
    }
    let from = i
    // leading function words and non-name sentence openers are not part of the name
    while (from < j && (FUNCTION_WORDS.has(fold(tokens[from])) || (tokens[from]!.sentenceStart && opensSentenceOnly(tokens[from]!, lowerSeen)))) from++
    let to = j
    while (to > from && (CONNECTORS.has(tokens[to - 1]!.value.toLowerCase()) || HYPHEN_RE.test(tokens[to - 1]!.value))) to--
    // a date glued on by lost punctuation: "PORT SELWYN March 3", "Kirkuk Tuesday"
    while (to - from > 1 && (WEEKDAYS.has(fold(tokens[to - 1])) || (MONTHS.has(fold(tokens[to - 1])) && /^\d/.test(tokens[to]?.value ?? '')))) to--
    // …and the next sentence's subject: "outside Hawija Relatives said"
    if (prep.repaired && to - from > 1 && GROUP_NOUNS.has(fold(tokens[to - 1])) && SPEECH_VERBS.has(fold(tokens[to]))) to--
    // …and an organisation's name runs into the next sentence: "at the Labour Court Shipping lines…",
    // "the Carnegie Middle East Centers Khatib" (a possessive without its apostrophe)
    if (prep.repaired && to - from > 2 && !isOrgHead(d, tokens[to - 1]!)) {
      const head = lastOrgHead(d, from + 1, to - 1)
      if (head >= 0) {
        chunks.push({ from, to: head + 1, kind: 'multi', links: [], personCue: false })
        from = head + 1
      }
    }
    if (to > from) {
      // a stripped copy glues "…said Sipho Ndlovu" to "Ndlovu said…": split the repeated word
      const dup = to - from >= 3 && fold(tokens[to - 1]) === fold(tokens[to - 2]) ? to - 1 : -1
      if (dup > 0) {
        chunks.push({ from, to: dup, kind: 'multi', links: [], personCue: false })
        chunks.push({ from: dup, to, kind: 'multi', links: [], personCue: false })
      } else chunks.push({ from, to, kind: 'multi', links: [], personCue: false })
    }
    i = j - 1
  }
  chunks.sort((a, b) => a.from - b.from)
}

function nextCap(tokens: readonly Token[], j: number, taken: Uint8Array): boolean {
  for (let k = j + 1; k < Math.min(tokens.length, j + 3); k++) {
    if (taken[k]) return false
    const t = tokens[k]!
    if (HYPHEN_RE.test(t.value)) continue
    return isCap(t)
  }
  return false
}

/** A capitalised sentence opener that is just an ordinary word ("Reports of…", "Most striking…"). */
function opensSentenceOnly(t: Token, lowerSeen: Set<string>): boolean {
  if (t.pos !== 'PROPN') return !isFirstName(t.value)
  return lowerSeen.has(t.form) || neverAlone(t.form)
}

/**
 * A dateline in capitals at the start of one of the first lines ("PORT SELWYN, March 3 –",
 * "BEIRUT (Reuters) -", "RAQQA, Syria —"): the run of all-capital words, when a comma, a bracket
 * or a dash follows it and the line goes on in ordinary case (a headline in capitals does not).
 */
function datelineRun(d: ExtractionDoc): { from: number; to: number } | undefined {
  const { text, tokens, shout, taken } = d
  let line = 0
  for (let i = 0; i < tokens.length && line < DATELINE_LINES; i++) {
    const t = tokens[i]!
    const lineStart = i === 0 || text.slice(tokens[i - 1]!.end, t.start).includes('\n')
    if (!lineStart) continue
    line++
    if (shout[i] || taken[i]) continue
    let j = i
    while (j < tokens.length && j - i < 4 && /^\p{Lu}[\p{Lu}'’.-]*\p{Lu}\.?$/u.test(tokens[j]!.value) && !taken[j] && !text.slice(tokens[i]!.end, tokens[j]!.start).includes('\n')) j++
    const next = tokens[j]?.value
    if (j === i || !next || !/^[,(–—-]$/.test(next)) continue
    // one word that is a known organisation ("REUTERS —") is a credit, not a dateline
    if (j - i === 1 && lookupKnown(tokens[i]!.value)?.type === 'organization') continue
    if (tokens.slice(i, j).some((w) => ACRONYM_STOP.has(w.form))) continue
    return { from: i, to: j }
  }
  return undefined
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
}
