/**
 * Entities of one document: people, organisations and places with their mentions.
 *
 * Pipeline (see docs/design/entities.md): prepare (blank boilerplate, repair stripped text) → wink
 * tokens and POS tags → curated aliases (longest match) → capitalised chunks and acronyms →
 * typing by cues, first names and the gazetteer → in-document coreference (surname → full name,
 * "(ISIL)" definitions and initials, "the Observatory") → one DocEntity per merge key.
 * Offsets always refer to the original text.
 */
import { lookupPlace } from './gazetteer'
import { entityKey, placeSkeleton } from './keys'
import { lookupKnown, matchKnown, type KnownEntity } from './knowledge'
import {
  ACRONYM_STOP,
  GROUP_NOUNS,
  isFirstName,
  NEVER_ALONE,
  ORG_APPOSITION,
  ORG_HEADS,
  ORG_STARTS,
  PERSON_TITLES,
  PLACE_AFTER,
  PLACE_CUES,
  PLACE_STARTS,
  SHARE_WORDS,
  SPEECH_VERBS
} from './lexicon'
import { prepareText, type Prepared } from './prepare'
import { tokenForm, tokenize, type Token } from './tagger'
import type { DocEntity, EntityType, Span } from './types'

type Kind = EntityType | 'acronym' | 'single' | 'multi'

interface Chunk {
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
}

/** Never an entity on its own: calendar words, openers, honorifics, and groups ("Residents said"). */
const neverAlone = (form: string) => NEVER_ALONE.has(form) || GROUP_NOUNS.has(form)
/** Towns smaller than this, found only as a sentence's first word, are taken for the ordinary word ("Union leader…"). */
const SENTENCE_START_TOWN_MIN = 100_000
const DATELINE_LINES = 12
const MONTHS = new Set('january february march april may june july august september october november december'.split(' '))
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '))

const FUNCTION_WORDS = new Set(
  `the a an in on at of for and but or if when while this that these those his her its their our we they he she it i you as with by from to after before during since according despite although though so then there here what who where why how all both each every no not`.split(
    ' '
  )
)
const CONNECTORS = new Set(['al', 'el', 'ez', 'az', 'ad', 'ar', 'as', 'ash', 'bin', 'ibn', 'bint', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den'])
const HYPHEN_RE = /^[-‐‑]$/
const ACRONYM_RE = /^(?:\p{Lu}{2,6}s?|(?:\p{Lu}\.){2,4})$/u
const SHORT_STOP = new Set(['of', 'for', 'and', 'the', 'on', 'in'])

const isCap = (t: Token) => /^\p{Lu}/u.test(t.value) && /\p{L}/u.test(t.value)
const fold = (t: Token | undefined) => t?.form ?? ''

/** `prep`: the text's prepareText(), when the caller already has it (analysis shares one). */
export function extractEntities(original: string, prep: Prepared = prepareText(original)): DocEntity[] {
  const text = prep.text
  const tokens = tokenize(text)
  const shout = shoutingLines(text, tokens)
  const lowerSeen = new Set<string>()
  for (const t of tokens) if (/^\p{Ll}/u.test(t.value)) lowerSeen.add(t.form)

  const chunks: Chunk[] = []
  const taken = new Uint8Array(tokens.length)
  const surface = (c: Chunk) => text.slice(tokens[c.from]!.start, tokens[c.to - 1]!.end)

  // 1. curated aliases, longest match first
  for (let i = 0; i < tokens.length; i++) {
    if (shout[i]) continue
    const m = matchKnown(tokens, i)
    if (!m || insideLargerName(m.from, m.to, m.entity)) continue
    chunks.push({ from: m.from, to: m.to, kind: m.entity.type, known: m.entity, key: m.entity.id, links: [], personCue: false })
    taken.fill(1, m.from, m.to)
    i = m.to - 1
  }

  /** "Middle East" inside "Carnegie Middle East Center" is part of the organisation's name. */
  function insideLargerName(from: number, to: number, e: KnownEntity): boolean {
    if (e.type === 'organization') return false
    let a = from
    let b = to
    const sameLine = (x: Token, y: Token) => !text.slice(x.end, y.start).includes('\n')
    while (a > 0 && isCap(tokens[a - 1]!) && sameLine(tokens[a - 1]!, tokens[a]!) && !tokens[a]!.sentenceStart) a--
    while (b < tokens.length && isCap(tokens[b]!) && sameLine(tokens[b - 1]!, tokens[b]!)) b++
    if (a === from && b === to) return false
    // a stripped copy glues the next sentence's first word on: "Carnegie Middle East Centers Khatib"
    return ORG_HEADS.has(fold(tokens[b - 1])) || (prep.repaired && lastOrgHead(from + 1, b) >= to)
  }

  // 1b. a dateline in capitals opening one of the first paragraphs: "PORT SELWYN, March 3 –",
  // "RAQQA, Syria (AFP) —": a place, even one no gazetteer knows
  const dl = datelineRun(text, tokens, shout, taken)
  if (dl) {
    const name = titleCase(text.slice(tokens[dl.from]!.start, tokens[dl.to - 1]!.end))
    const key = gazetteerKey(name)
    chunks.push({ from: dl.from, to: dl.to, kind: 'place', links: [], personCue: false, display: name, ...(key ? { key } : {}) })
    taken.fill(1, dl.from, dl.to)
  }

  // 2. capitalised runs (with name particles: al-, bin, de, van…)
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
    if (prep.repaired && to - from > 2 && !isOrgHead(tokens[to - 1]!)) {
      const head = lastOrgHead(from + 1, to - 1)
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

  // 3. organisation names continue over "of"/"for": "Ministry of Defence", "Syrian Observatory for Human Rights"
  for (let k = 0; k < chunks.length - 1; k++) {
    const c = chunks[k]!
    if (c.known) continue
    const head = fold(tokens[c.to - 1])
    const first = fold(tokens[c.from])
    if (!ORG_HEADS.has(head) && !ORG_STARTS.has(first)) continue
    let j = c.to
    if (!['of', 'for', 'on'].includes(fold(tokens[j]))) continue
    j++
    if (fold(tokens[j]) === 'the') j++
    const next = chunks[k + 1]!
    if (next.from !== j || next.known?.type === 'organization') continue
    c.to = next.to
    chunks.splice(k + 1, 1)
    k--
  }

  // "South African Transport and Allied Workers Union": a name joined by "and" to an organisation name
  for (let k = 0; k < chunks.length - 1; k++) {
    const a = chunks[k]!
    const b = chunks[k + 1]!
    if (a.known || b.known || fold(tokens[a.to]) !== 'and' || b.from !== a.to + 1) continue
    if (!ORG_HEADS.has(fold(tokens[b.to - 1])) || b.to - b.from < 2 || a.to - a.from < 2) continue
    a.to = b.to
    chunks.splice(k + 1, 1)
    k--
  }

  /** an organisation's head word; in a stripped copy also one with its possessive's s glued on ("Centers") */
  function isOrgHead(t: Token): boolean {
    return ORG_HEADS.has(t.form) || (prep.repaired && t.form.endsWith('s') && ORG_HEADS.has(t.form.slice(0, -1)))
  }
  /** the last token of [from, to) that is an organisation's head word, or -1 */
  function lastOrgHead(from: number, to: number): number {
    for (let k = to - 1; k >= from; k--) if (isOrgHead(tokens[k]!)) return k
    return -1
  }

  // 4. type each chunk
  for (const c of chunks) if (!c.known) classify(c)

  function classify(c: Chunk): void {
    // titles: "President Bashar al-Assad", "Sheikh Yusuf" — the title is not part of the name
    while (c.to - c.from > 1 && PERSON_TITLES.has(fold(tokens[c.from]))) {
      c.from++
      c.personCue = true
    }
    const prev = fold(tokens[c.from - 1])
    const prev2 = fold(tokens[c.from - 2])
    const next = fold(tokens[c.to])
    if (PERSON_TITLES.has(prev)) c.personCue = true
    const words = tokens.slice(c.from, c.to)
    const name = surface(c)
    const n = words.length
    const single = n === 1 ? words[0]! : undefined

    if (single && (neverAlone(fold(single)) || single.pos === 'ADJ' || isDemonym(single.value))) return void (c.kind = 'single')
    if (single && ACRONYM_RE.test(single.value)) {
      // "IRAQ", and datelines: "DHAKA, July 14 (Reuters)", "GENEVA —"
      const country = lookupPlace(single.value)
      if (country && !country.variant && (country.place.kind !== 'city' || single.value.length >= 4) && !ACRONYM_STOP.has(fold(single))) {
        c.kind = 'place'
        c.key = `place:@${country.place.gid}`
        return
      }
      c.kind = ACRONYM_STOP.has(fold(single)) ? 'single' : 'acronym'
      return
    }
    // a stripped copy loses the apostrophe: "Islamic States capacity"
    if (/s$/.test(name)) {
      const known = lookupKnown(name.slice(0, -1))
      if (known && n > 1) {
        c.known = known
        c.kind = known.type
        c.key = known.id
        return
      }
    }
    if (n > 1 && isOrgHead(words[n - 1]!)) return void (c.kind = 'organization')
    if (n > 1 && ORG_STARTS.has(fold(words[0])) && words.some((w) => fold(w) === 'of' || fold(w) === 'for')) return void (c.kind = 'organization')

    const firstIsName = isFirstName(words[0]!.value)
    // "Port Selwyn", "Mount Sinjar", "Lake Chad": a place by its first word, known or not
    if (n > 1 && n <= 4 && PLACE_STARTS.has(fold(words[0])) && !firstIsName) {
      c.kind = 'place'
      c.key = gazetteerKey(name)
      return
    }
    const place = placeFor(c, words, firstIsName)
    if (place) {
      c.kind = 'place'
      c.key = `place:@${place.gid}`
      return
    }
    // "grid operator Ukrenergo", "shares in Rheinmetall": what the text calls it (a name the
    // gazetteer knows was taken as a place above; a person's name is not introduced like this)
    // (not an ordinary word: a stripped copy glues "the group" to the next sentence's "Were seeing…")
    const ordinary = lowerSeen.has(fold(words[0])) || (single !== undefined && single.pos !== 'PROPN')
    if (n <= 3 && !firstIsName && !ordinary && (ORG_APPOSITION.has(prev) || ((prev === 'in' || prev === 'of') && SHARE_WORDS.has(prev2)))) {
      return void (c.kind = 'organization')
    }
    const placeCue = PLACE_CUES.has(prev) || (prev === 'of' && PLACE_CUES.has(prev2)) || PLACE_AFTER.has(next) || prev === 'near'
    const after = next === ',' ? fold(tokens[c.to + 1]) : next
    const speech = SPEECH_VERBS.has(after) || prev === 'said' || prev === 'says' || (prev === 'to' && prev2 === 'according')
    const byline = prev === 'by' && tokens[c.from - 1]!.sentenceStart && n >= 2 && n <= 3
    const allProper = words.every((w) => w.pos === 'PROPN' && !lowerSeen.has(fold(w)))
    const particle = n > 1 && (['abu', 'umm'].includes(fold(words[0])) || words.some((w) => ['bin', 'ibn'].includes(fold(w))))
    const plainWord = single !== undefined && (lowerSeen.has(fold(single)) || (single.sentenceStart && single.pos !== 'PROPN'))
    if (c.personCue && n <= 4 && !placeCue && !plainWord) return void (c.kind = 'person')
    if (n > 1 && n <= 4 && (firstIsName || particle)) return void (c.kind = 'person')
    if (placeCue && !plainWord && !/^\p{Lu}+$/u.test(name)) return void (c.kind = 'place')
    if ((speech || byline) && n > 1 && n <= 4 && allProper) return void (c.kind = 'person')
    // "the Bundeswehr declined…": a single unknown name with an article acting is an organisation
    if (single && prev === 'the' && (speech || ['declined', 'denied', 'confirmed', 'reported', 'announced'].includes(after)) && !lowerSeen.has(fold(single))) {
      return void (c.kind = 'organization')
    }
    // "Quinlan said": a person cue, unless "residents of Qayyarah said" (the speakers are elsewhere)
    if (single && SPEECH_VERBS.has(after) && (!single.sentenceStart || single.pos === 'PROPN') && !['of', 'in', 'from', 'at', 'near'].includes(prev)) {
      c.personCue = true
    }
    c.kind = single ? 'single' : 'multi'
  }

  function placeFor(c: Chunk, words: Token[], firstIsName: boolean) {
    const name = surface(c)
    const single = words.length === 1 ? words[0]! : undefined
    if (single) {
      const f = fold(single)
      if (neverAlone(f) || lowerSeen.has(f) || f.length < 3) return undefined
      if (single.sentenceStart && single.pos !== 'PROPN') return undefined
    }
    const m = lookupPlace(name)
    if (!m) return undefined
    const strong = m.place.kind !== 'city'
    // a small town named like a word ("Union", "Police", "Reading") seen only opening a sentence
    if (single && single.sentenceStart && !strong && m.place.population < SENTENCE_START_TOWN_MIN && !tokens.some((t) => t !== single && t.form === single.form && !t.sentenceStart)) return undefined
    if (single && firstIsName && !strong && m.place.population < 500_000) return undefined
    // spelling variants only for multi-word names: single words collide too easily (Small ~ Somalia)
    if (m.variant && (firstIsName || single)) return undefined
    return m.place
  }

  // 5. in-document coreference
  // multi-word names whose surname is used with a speech verb elsewhere ("Hamid said") are people
  for (const c of chunks) {
    if (c.kind !== 'multi') continue
    const last = fold(tokens[c.to - 1])
    const evidence = chunks.some((o) => o !== c && (o.kind === 'person' || o.personCue) && o.to - o.from === 1 && fold(tokens[o.from]) === last)
    if (evidence) c.kind = 'person'
  }
  const surnameOf = new Map<string, Chunk>()
  for (const p of chunks) {
    if (p.kind !== 'person' || p.ref || p.to - p.from < 2) continue
    const last = fold(tokens[p.to - 1])
    if (!surnameOf.has(last)) surnameOf.set(last, p)
  }
  for (const c of chunks) {
    if (c.kind === 'single' || (c.kind === 'person' && c.to - c.from === 1)) {
      const f = fold(tokens[c.from])
      const p = surnameOf.get(f)
      if (p && p !== c) {
        c.kind = 'person'
        c.ref = p
      } else if (c.kind === 'single' && c.personCue && /^\p{Lu}/u.test(tokens[c.from]!.value) && tokens[c.from]!.pos === 'PROPN' && !neverAlone(f) && !lowerSeen.has(f)) {
        // "Quinlan said…" with no full name here: a person; the archive may know the full name
        c.kind = 'person'
      }
    }
  }
  // a stripped copy drops the possessive's apostrophe: "Port Selwyns cranes" is "Port Selwyn"
  for (const c of chunks) {
    if (c.ref || c.known || c.to - c.from < 2 || (c.kind !== 'place' && c.kind !== 'organization' && c.kind !== 'person')) continue
    const name = surface(c)
    if (!/\p{Ll}s$/u.test(name)) continue
    const base = name.slice(0, -1).toLowerCase()
    const target = chunks.find((o) => o !== c && !o.ref && o.kind === c.kind && surface(o).toLowerCase() === base)
    if (target) {
      c.ref = target
      c.possessive = true
    }
  }
  // a shortened name ("Syrian Observatory") after the full one ("Syrian Observatory for Human Rights")
  const longOrgs = chunks
    .filter((o) => o.kind === 'organization' && o.to - o.from > 2)
    .map((o) => ({ chunk: o, words: tokens.slice(o.from, o.to).map(fold).join(' ') }))
  for (const c of chunks) {
    if (c.ref || c.to - c.from < 2 || (c.kind !== 'organization' && c.kind !== 'multi')) continue
    const words = tokens.slice(c.from, c.to).map(fold).join(' ') + ' '
    const full = longOrgs.find((o) => o.chunk !== c && o.words.startsWith(words))?.chunk
    if (full) {
      c.kind = 'organization'
      c.ref = full
    }
  }
  // "the Observatory" after "Syrian Observatory for Human Rights"
  const orgs = chunks.filter((c) => c.kind === 'organization' && c.to - c.from > 1)
  for (const c of chunks) {
    if (c.kind !== 'single' || fold(tokens[c.from - 1]) !== 'the') continue
    const head = fold(tokens[c.from])
    if (!ORG_HEADS.has(head)) continue
    const target = orgs.find((o) => tokens.slice(o.from, o.to).some((t) => fold(t) === head))
    if (target) {
      c.kind = 'organization'
      c.ref = target
    }
  }
  // acronyms: "(ISIL)" right after a name defines it; otherwise initials of a name in the document
  for (const c of chunks) {
    if (c.kind !== 'acronym') continue
    const acr = tokens[c.from]!.value.replace(/\./g, '').replace(/s$/, '')
    const defined = definedBy(c)
    const target = defined ?? [...orgs, ...chunks.filter((o) => o.known && o.kind === 'organization')].find((o) => initials(o) === acr)
    c.kind = 'organization'
    if (target && target.kind !== 'acronym') {
      c.ref = target
      target.links.push(entityKey(target.kind as EntityType, acr))
    }
  }

  function definedBy(c: Chunk): Chunk | undefined {
    if (fold(tokens[c.from - 1]) !== '(' || fold(tokens[c.to]) !== ')') return undefined
    const before = chunks.find((o) => o.to === c.from - 1 && o !== c)
    return before && (before.kind === 'organization' || before.kind === 'place' || before.kind === 'multi') ? before : undefined
  }

  function initials(o: Chunk): string {
    const name = o.known ? o.known.name : surface(o)
    return name
      .split(/[\s-]+/)
      .filter((w) => w && !SHORT_STOP.has(w.toLowerCase()))
      .map((w) => w[0]!.toUpperCase())
      .join('')
  }

  // 6. one DocEntity per key
  const out = new Map<string, DocEntity & { names: Map<string, number>; rootNames: Set<string> }>()
  for (const c of chunks) {
    let root = c
    while (root.ref) root = root.ref
    const type = root.kind
    if (type !== 'person' && type !== 'organization' && type !== 'place') continue
    const key = (root.key ??= type === 'place' ? `place:~${placeSkeleton(surface(root))}` : entityKey(type, surface(root)))
    if (/[:~]$/.test(key)) continue // nothing name-like left after folding
    let e = out.get(key)
    if (!e) out.set(key, (e = { key, type, name: '', mentions: [], names: new Map(), rootNames: new Set() }))
    const span: Span = [prep.toOriginal(tokens[c.from]!.start), prep.toOriginal(tokens[c.to - 1]!.end)]
    e.mentions.push(span)
    const own = c.possessive ? original.slice(span[0], span[1] - 1) : original.slice(span[0], span[1]).replace(/['’]s$/u, '')
    e.names.set(own, (e.names.get(own) ?? 0) + 1)
    if (root !== c || root.known || root.display) e.rootNames.add(root.known ? root.known.name : (root.display ?? surface(root)))
    for (const l of root.links) if (l !== key && !(e.links ??= []).includes(l)) e.links.push(l)
  }
  return [...out.values()].map(({ names, rootNames, ...e }) => {
    // the fullest name this document uses; the other spellings it uses are kept as forms
    const candidates = [...rootNames, ...names.keys()]
    // the fullest; between equals, the one not in capitals ("Port Selwyn" over a dateline's "PORT SELWYN")
    const shouted = (s: string) => (s === s.toUpperCase() ? 1 : 0)
    e.name = candidates.sort((a, b) => b.length - a.length || shouted(a) - shouted(b))[0]!
    const forms = [...names.keys()].filter((n) => n !== e.name)
    if (forms.length) e.forms = forms
    e.mentions.sort((a, b) => a[0] - b[0])
    return e
  })
}

/** "Syrian", "Iraqi", "Russians": a people, not a place. */
const demonyms = new Map<string, boolean>()
function isDemonym(word: string): boolean {
  let hit = demonyms.get(word)
  if (hit === undefined) {
    hit = demonymUncached(word)
    if (demonyms.size > 50_000) demonyms.clear()
    demonyms.set(word, hit)
  }
  return hit
}
function demonymUncached(word: string): boolean {
  const f = tokenForm(word).replace(/s$/, '')
  for (const suffix of ['n', 'an', 'ian', 'i', 'ese', 'ish']) {
    if (!f.endsWith(suffix) || f.length - suffix.length < 3) continue
    const m = lookupPlace(f.slice(0, -suffix.length))
    if (m && !m.variant && m.place.kind === 'country') return true
  }
  return false
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

/** Lines written in capitals (headlines, shouting captions): their words carry no case signal. */
function shoutingLines(text: string, tokens: readonly Token[]): Uint8Array {
  const out = new Uint8Array(tokens.length)
  let lineStart = 0
  const lines = text.split('\n')
  let ti = 0
  for (const line of lines) {
    const lineEnd = lineStart + line.length
    const [letters, upper] = letterCase(line)
    const loud = letters >= 12 && upper / letters > 0.8
    while (ti < tokens.length && tokens[ti]!.start < lineEnd + 1) {
      if (loud) out[ti] = 1
      ti++
    }
    lineStart = lineEnd + 1
  }
  return out
}

/**
 * A dateline in capitals at the start of one of the first lines ("PORT SELWYN, March 3 –",
 * "BEIRUT (Reuters) -", "RAQQA, Syria —"): the run of all-capital words, when a comma, a bracket
 * or a dash follows it and the line goes on in ordinary case (a headline in capitals does not).
 */
function datelineRun(text: string, tokens: readonly Token[], shout: Uint8Array, taken: Uint8Array): { from: number; to: number } | undefined {
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

/** The gazetteer's key for a place name spelled as it knows it; undefined leaves the spelling key to later. */
function gazetteerKey(name: string): string | undefined {
  const m = lookupPlace(name)
  return m && !m.variant ? `place:@${m.place.gid}` : undefined
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
}
