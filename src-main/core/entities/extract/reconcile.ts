/**
 * Where the rules know better than the recogniser. The recogniser was trained on 1996 Reuters
 * wire copy; its spans and types stand, except where a rule has evidence it was not trained to
 * weigh (measured on CoNLL eng.testa not to cost there, see docs/design/entities.md):
 *   - a title opening a name is not part of it, and makes it a person ("Justice Miriam Otieno");
 *   - "X of <place>" after a first name is a person from a place ("Sofia Lindqvist of Sweden");
 *   - what the text calls a name decides its type ("grid operator Ukrenergo", "shares in Rheinmetall");
 *   - a place the gazetteer knows, right after "near", "outside" or a place word, is that place.
 */
import { lookupPlace } from '../gazetteer'
import { lookupKnown } from '../knowledge'
import { ACRONYM_STOP, isFirstName, ORG_APPOSITION, ORG_HEADS, PERSON_TITLES, PLACE_CUES, SHARE_WORDS, SPEECH_VERBS } from '../lexicon'
import { ACRONYM_RE } from './classify'
import { HYPHEN_RE } from './finders'
import { fold, isCap, isOrgHead, lastOrgHead, neverAlone, surface, type Chunk, type ExtractionDoc } from './document'
import type { Token } from '../tagger'
import { gazetteerKey, isDemonym } from './places'
import { usState } from '../us-states'

const NEAR = new Set(['near', 'outside', 'around'])
const PEOPLE_OF_PLACES = new Set(['residents', 'people', 'villagers', 'inhabitants', 'citizens', 'natives', 'mayor', 'governor', 'outskirts', 'outskirt', 'centre', 'center', 'streets'])
const ACTING_VERBS = new Set(['declined', 'denied', 'confirmed', 'reported', 'announced'])
/** Honorifics that open a name and are no part of it ("Sir Anthony Quayle"); not in the lexicon's titles, which the recogniser's features read */
const HONORIFICS = new Set(['sir', 'dame'])
const isTitle = (t: Token) => PERSON_TITLES.has(t.form) || HONORIFICS.has(t.form)

export function reconcileRecognized(d: ExtractionDoc): void {
  const out: Chunk[] = []
  joinCutNames(d)
  splitAtInnerTitle(d)
  nameDefinedByAcronym(d)
  for (const c of d.chunks) {
    if (agencyCredit(d, c)) continue
    if (c.kind === 'other') {
      personNotOther(d, c)
      placeInCompound(d, c)
    }
    if (!c.recognized || c.kind === 'other') {
      out.push(c)
      continue
    }
    if ((d.shout[c.from] || d.titleCase[c.from]) && doubtfulInCapitals(d, c)) continue
    stripLeadingArticle(d, c)
    trimDate(d, c)
    // a name ends on a capitalised word: "Shi'ite militia" is "Shi'ite" and a militia
    while (c.kind !== 'person' && c.to - c.from > 1 && /^\p{Ll}+$/u.test(d.tokens[c.to - 1]!.value)) c.to--
    // …and does not open on a compound that says who backs or leads it: "Iranian-backed", "U.S.-led"
    while (c.kind !== 'person' && c.to - c.from > 3 && HYPHEN_RE.test(d.tokens[c.from + 1]!.value) && /^\p{Ll}+$/u.test(d.tokens[c.from + 2]!.value)) c.from += 3
    if (notANameAlone(d, c)) continue
    // a curated name the recogniser found with its article ("The Syrian Observatory for Human Rights")
    const known = c.to - c.from > 1 ? lookupKnown(surface(d, c)) : undefined
    if (known) {
      Object.assign(c, { known, kind: known.type, key: known.id })
      out.push(c)
      continue
    }
    // "Brigadier" tagged alone before "Karim Haddad": a title is no entity
    if (c.to - c.from === 1 && isTitle(d.tokens[c.from]!)) continue
    stripTitle(d, c)
    cutAtOrgHead(d, c)
    joinNameOverAnd(d, c, out)
    const split = personOfPlace(d, c)
    if (split) {
      out.push(...split)
      continue
    }
    retype(d, c)
    arabicName(d, c)
    forCoreference(d, c)
    out.push(c)
  }
  d.chunks = out
  ampersandNames(d)
  introducedNames(d)
  usStates(d)
  d.chunks.sort((a, b) => a.from - b.from)
}

/** Small words a long name keeps between its capitalised ones ("Interim Force in Lebanon", "League for Democracy"). */
const NAME_JOINERS = new Set(['of', 'for', 'and', 'in', 'on', 'the', 'de', 'des', 'du', 'la', 'le', '&'])

/**
 * "Marsh Law and Order Renewal Council (MLORC)", "U.N. Observer Mission in Varn (UNOMIV)":
 * an acronym in brackets spells the initials of the words before it, which name one body, however
 * the recogniser cut them. The letters are matched from the last word back (Schwartz & Hearst
 * 2003), a small word may give a letter or none, and the name must open on a capital.
 */
function nameDefinedByAcronym(d: ExtractionDoc): void {
  const { tokens, taken } = d
  for (let i = 2; i + 1 < tokens.length; i++) {
    const acr = tokens[i]!.value
    if (tokens[i - 1]!.value !== '(' || tokens[i + 1]!.value !== ')' || !/^\p{Lu}{3,8}$/u.test(acr)) continue
    const letters = acr.toLowerCase()
    let j = letters.length - 1
    let k = i - 2
    while (k >= 0 && j >= 0 && i - 2 - k < 12) {
      const t = tokens[k]!
      if (t.sentenceStart && k < i - 2 && j > 0 && !isCap(t)) break
      // "U.N.": its letters, last first
      const spelled = /^(?:\p{Lu}\.){2,4}$/u.test(t.value) ? t.value.replace(/\./g, '').toLowerCase() : t.form[0] ?? ''
      const small = NAME_JOINERS.has(t.form) || t.value === '-'
      if (spelled.length > 1 && letters.slice(j - spelled.length + 1, j + 1) === spelled) j -= spelled.length
      else if (isCap(t) && spelled === letters[j]) j--
      else if (small && spelled === letters[j] && t.form.length > 1 && j > 0) j--
      else if (!small) break
      k--
    }
    const from = k + 1
    if (j >= 0 || !isCap(tokens[from]!) || i - 1 - from < 2 || d.shout[from]) continue
    const inside = d.chunks.filter((c) => c.from < i - 1 && c.to > from)
    // a person's name, a curated name, or a chunk reaching out of the span: not this
    if (inside.some((c) => c.kind === 'person' || c.known || c.from < from || c.to > i - 1)) continue
    const placeKey = gazetteerKey(d.text.slice(tokens[from]!.start, tokens[i - 2]!.end))
    d.chunks = d.chunks.filter((c) => !inside.includes(c))
    d.chunks.push({ from, to: i - 1, kind: placeKey ? 'place' : 'organization', links: [], personCue: false, recognized: true, rule: 'acronym', ...(placeKey ? { key: placeKey } : {}) })
    taken.fill(1, from, i - 1)
  }
  d.chunks.sort((a, b) => a.from - b.from)
}

/** Titles that stand between an organisation or a place and a person's name ("Kestrel Reserve Bank Governor Halvard Ostby"). */
const INNER_TITLES = new Set(['governor', 'ambassador', 'chairman', 'chairwoman', 'ceo', 'cardinal', 'spokesman', 'spokeswoman', 'director', 'president', 'envoy', 'chief'])

/**
 * "Kestrel Reserve Bank Governor Halvard Ostby", "Harrowgate Cardinal Tomas Vell", "Varn Timber
 * CEO Ilse Brandt": the recogniser runs the organisation (or place), the title and the name into
 * one name, or cuts it after the title. The title divides them: an organisation or a place
 * before it, a person after it (with the next name if the recogniser cut it off there).
 */
function splitAtInnerTitle(d: ExtractionDoc): void {
  const { tokens, chunks } = d
  for (let n = 0; n < chunks.length; n++) {
    const c = chunks[n]!
    if (!c.recognized || c.kind === 'other' || c.to - c.from < 2) continue
    let k = c.from + 1
    while (k < c.to && !INNER_TITLES.has(fold(tokens[k]).replace(/\.$/, ''))) k++
    if (k >= c.to) continue
    // what stands before the title names a body or a place: capitalised, no title of its own ("Vice President")
    const left = tokens.slice(c.from, k)
    if (left.some((t) => !isCap(t) || PERSON_TITLES.has(fold(t)) || INNER_TITLES.has(fold(t)))) continue
    // the person: the rest of the chunk, and the next chunk when it follows on the same line
    const next = chunks[n + 1]
    const follows = next && next.recognized && next.kind !== 'other' && next.from === c.to && next.to - next.from <= 3 && !d.text.slice(tokens[c.to - 1]!.end, tokens[next.from]!.start).includes('\n')
    const personTo = follows ? next.to : c.to
    if (personTo - (k + 1) < 1 || !tokens.slice(k + 1, personTo).every(isCap)) continue
    const leftText = d.text.slice(tokens[c.from]!.start, tokens[k - 1]!.end)
    const placeKey = k - c.from === 1 ? gazetteerKey(leftText) : undefined
    const body: Chunk = { from: c.from, to: k, kind: placeKey ? 'place' : 'organization', links: [], personCue: false, recognized: true, ...(placeKey ? { key: placeKey } : {}) }
    const person: Chunk = { from: k + 1, to: personTo, kind: 'person', links: [], personCue: true, recognized: true }
    chunks.splice(n, follows ? 2 : 1, body, person)
    n++
  }
}

/**
 * "Harlow & Penning", "Procter & Gamble", "Marks & Spencer": capitalised words joined by "&"
 * name one firm, whatever the recogniser made of the halves.
 */
function ampersandNames(d: ExtractionDoc): void {
  const { tokens, taken } = d
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i]!.value !== '&' || !isCap(tokens[i - 1]!) || !isCap(tokens[i + 1]!) || d.shout[i]) continue
    const sameLine = (k: number) => !d.text.slice(tokens[k]!.end, tokens[k + 1]!.start).includes('\n')
    let from = i - 1
    while (from > 0 && isCap(tokens[from - 1]!) && sameLine(from - 1) && !tokens[from]!.sentenceStart) from--
    let to = i + 2
    while (to < tokens.length && isCap(tokens[to]!) && sameLine(to - 1)) to++
    if (!sameLine(i - 1) || !sameLine(i)) continue
    const inside = d.chunks.filter((c) => c.from < to && c.to > from)
    // a curated name, or a chunk reaching beyond the run, stays as it is
    if (inside.some((c) => c.known || c.from < from || c.to > to)) continue
    d.chunks = d.chunks.filter((c) => !inside.includes(c))
    d.chunks.push({ from, to, kind: 'organization', links: [], personCue: false, recognized: true, rule: 'ampersand' })
    taken.fill(1, from, to)
  }
}

/**
 * US state abbreviations ("Newark, N.J.", "Albany, NY"): the state, under the gazetteer's key for
 * its name, whatever the recogniser made of the word (a curated alias stands).
 */
function usStates(d: ExtractionDoc): void {
  const { tokens, taken } = d
  const other = new Map(d.chunks.filter((c) => c.to - c.from === 1 && !c.known && (c.kind === 'other' || c.recognized)).map((c) => [c.from, c]))
  for (let i = 1; i < tokens.length; i++) {
    if (taken[i] && !other.has(i)) continue
    const state = usState(tokens[i]!.value, fold(tokens[i - 1]) === ',')
    if (!state) continue
    const held = other.get(i)
    if (held) d.chunks.splice(d.chunks.indexOf(held), 1)
    const key = gazetteerKey(state)
    d.chunks.push({ from: i, to: i + 1, kind: 'place', display: state, links: [], personCue: false, rule: 'us-state', ...(key ? { key } : {}) })
    taken[i] = 1
  }
}

/**
 * A headline in capitals carries no case signal: the recogniser (trained on wire copy with such
 * headlines) reads its names well, but a run that opens with "THE" or "A" is a phrase of the
 * headline ("AT THE NORTHERN QUAYS") unless the gazetteer knows it or the article writes it in
 * ordinary case.
 */
function doubtfulInCapitals(d: ExtractionDoc, c: Chunk): boolean {
  // a headline in Title Case ("Raqqa Is Being Slaughtered Silently") capitalises every word;
  // one in capitals makes a person of any word ("CREWS JOIN…"): a lone one needs the article's word for it
  const lonePerson = c.kind === 'person' && c.to - c.from === 1 && !isFirstName(titleWord(d.tokens[c.from]!.value))
  if (!/^(?:the|an?)$/i.test(d.tokens[c.from]!.value) && !d.titleCase[c.from] && !lonePerson) return false
  if (lonePerson && d.chunks.some((o) => o !== c && !d.shout[o.from] && o.kind === 'person' && d.tokens.slice(o.from, o.to).some((t) => t.form === d.tokens[c.from]!.form))) return false
  const m = lookupPlace(surface(d, c))
  if (m && !m.variant) return false
  const n = c.to - c.from
  return !d.chunks.some((o) => o !== c && !d.shout[o.from] && o.to - o.from === n && d.tokens.slice(o.from, o.to).every((t, k) => t.form === d.tokens[c.from + k]!.form))
}

/**
 * What the text calls a name the recogniser passed over: "the steelmaker Orvanta", "shares in
 * Velbrook", "the Bundeswehr declined" (one capitalised word no chunk holds, never written in
 * lower case here).
 */
function introducedNames(d: ExtractionDoc): void {
  const { tokens, taken, lowerSeen } = d
  // a single word the recogniser read as another kind of name ("Orvanta", a product?) is free to retype
  const other = new Map(d.chunks.filter((c) => c.kind === 'other' && c.to - c.from === 1).map((c) => [c.from, c]))
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!
    if ((taken[i] && !other.has(i)) || d.shout[i] || !isCap(t) || t.sentenceStart || lowerSeen.has(t.form) || neverAlone(t.form)) continue
    if (tokens[i + 1] && isCap(tokens[i + 1]!) && !taken[i + 1]) continue
    const prev = fold(tokens[i - 1])
    const next = fold(tokens[i + 1])
    const introduced = ORG_APPOSITION.has(prev) || ((prev === 'in' || prev === 'of') && SHARE_WORDS.has(fold(tokens[i - 2])))
    // "the Bundeswehr declined to comment": a name with an article that acts
    const acting = prev === 'the' && (SPEECH_VERBS.has(next) || ACTING_VERBS.has(next))
    if (!introduced && !acting) continue
    const place = lookupPlace(t.value)
    if (place && !place.variant) continue
    const held = other.get(i)
    if (held) d.chunks.splice(d.chunks.indexOf(held), 1)
    d.chunks.push({ from: i, to: i + 1, kind: 'organization', links: [], personCue: false, rule: 'apposition' })
    taken[i] = 1
  }
}

const AGENCIES = new Set(['reuters', 'reuter', 'ap', 'afp', 'upi', 'dpa', 'ansa', 'efe', 'xinhua', 'tass', 'itar-tass', 'interfax', 'kyodo', 'aap', 'pa', 'bloomberg'])

/**
 * A news agency's credit is no mention: "(Reuters) -", "Ilse Brandt/AFP", a sign-off alone on the
 * last line ("REUTER"). "Reuters reported…" in a sentence stays an organisation.
 */
function agencyCredit(d: ExtractionDoc, c: Chunk): boolean {
  const { tokens, text } = d
  if (c.to - c.from !== 1 || !AGENCIES.has(tokens[c.from]!.form)) return false
  const t = tokens[c.from]!
  const before = text.slice(text.lastIndexOf('\n', t.start - 1) + 1, t.start).trim()
  const after = text.slice(t.end, (text.indexOf('\n', t.end) + 1 || text.length + 1) - 1).trim()
  return (fold(tokens[c.from - 1]) === '(' && fold(tokens[c.to]) === ')') || before.endsWith('/') || (before === '' && after === '')
}

/**
 * "according to Hassan al-Dulaimi": two or three words opening with a first name, read as another
 * kind of name by the recogniser (trained on few Arabic names), are a person.
 */
function personNotOther(d: ExtractionDoc, c: Chunk): void {
  const words = surface(d, c).split(/\s+/)
  if (words.length < 2 || words.length > 3 || !isFirstName(words[0]!) || neverAlone(d.tokens[c.from]!.form) || words.some(isDemonym)) return
  if (!words.every((w) => /^(?:\p{Lu}|(?:al|el|bin|ibn|de|van|von)\b)/u.test(w))) return
  c.kind = 'person'
}

/**
 * "U.K.-based", "US-led", "London-based": the recogniser reads the compound as another kind of
 * name (as CoNLL annotates it), but it names the place; its capitalised part becomes the place's
 * mention (a curated one keeps its id).
 */
function placeInCompound(d: ExtractionDoc, c: Chunk): void {
  const { tokens } = d
  const n = c.to - c.from
  if (n < 3 || !HYPHEN_RE.test(tokens[c.to - 2]!.value) || !/^\p{Ll}+$/u.test(tokens[c.to - 1]!.value)) return
  const to = c.to - 2
  const name = d.text.slice(tokens[c.from]!.start, tokens[to - 1]!.end)
  const known = lookupKnown(name)
  if (known?.type === 'place') {
    Object.assign(c, { to, kind: 'place', known, key: known.id })
    return
  }
  const m = lookupPlace(name)
  if (!known && m && !m.variant) Object.assign(c, { to, kind: 'place', key: `place:@${m.place.gid}` })
}

/**
 * One name the recogniser cut in two: a surname with its particle ("Bashar/PER al-Assad/O",
 * "Faisal/PER al-Nouri/LOC"), "Van/PER der Westhuizen/PER", "The Sunday/O Telegraph/ORG",
 * "Nigerian National/MISC Petroleum Corporation/ORG", "The Christian/PER Science Monitor/ORG".
 * The merged chunk takes the second's place: its type is the first's when that is a person.
 */
function joinCutNames(d: ExtractionDoc): void {
  const { chunks, tokens, taken } = d
  // "Bashar/PER al-Assad/O": a surname with its particle the recogniser left out
  for (const a of chunks) {
    if (!a.recognized || a.kind !== 'person') continue
    const p = tokens[a.to]
    if (!p || !/^(?:al|el|bin|ibn)$/i.test(p.value) || taken[a.to] || p.start > tokens[a.to - 1]!.end + 1) continue
    const hyphen = HYPHEN_RE.test(tokens[a.to + 1]?.value ?? '') && tokens[a.to + 1]!.start === p.end
    const name = tokens[a.to + (hyphen ? 2 : 1)]
    if (!name || !isCap(name) || taken[a.to + (hyphen ? 2 : 1)]) continue
    const to = a.to + (hyphen ? 3 : 2)
    taken.fill(1, a.to, to)
    a.to = to
  }
  // "Van/PER der/O Westhuizen/PER", "Jean de/O Villiers": a lower-case particle between two parts of a person's name
  for (let k = chunks.length - 1; k >= 0; k--) {
    const b = chunks[k]!
    if (!b.recognized || b.kind !== 'person' || b.from < 2) continue
    const particle = tokens[b.from - 1]!
    const before = tokens[b.from - 2]!
    if (!/^(?:der|den|de|van|von|da|di|du|la|le|dos|del|ter)$/.test(particle.value) || !isCap(before)) continue
    if (before.end + 1 < particle.start || particle.end + 1 < tokens[b.from]!.start) continue
    const a = chunks.find((o) => o.to === b.from - 1)
    if (a && !(a.recognized && a.kind === 'person')) continue
    if (!a && taken[b.from - 2]) continue
    b.from = a ? a.from : b.from - 2
    if (a) chunks.splice(chunks.indexOf(a), 1)
    taken.fill(1, b.from, b.to)
  }
  // "The Sunday/O Telegraph/ORG", "al-Furqan/O Media/ORG": a weekday or an "al-" word no chunk
  // holds, right before an organisation's name, is part of it
  for (const b of chunks) {
    if (!b.recognized || b.kind !== 'organization' || b.from < 1 || taken[b.from - 1]) continue
    const w = tokens[b.from - 1]!
    if (w.end + 1 < tokens[b.from]!.start) continue
    if (WEEKDAYS.has(w.form) && /^\p{Lu}/u.test(w.value)) {
      b.from--
      continue
    }
    // "al-Furqan" is three tokens: al, -, Furqan
    const [al, hyphen] = [tokens[b.from - 3], tokens[b.from - 2]]
    if (al && hyphen && isCap(w) && HYPHEN_RE.test(hyphen.value) && /^(?:al|el)$/i.test(al.value) && !taken[b.from - 2] && !taken[b.from - 3] && al.end === hyphen.start && hyphen.end === w.start) b.from -= 3
  }
  // "Nigerian National/MISC Petroleum Corporation/ORG": more than a nationality before an
  // organisation's name is part of it ("Russian/MISC Interior Ministry/ORG" stays two)
  for (let k = chunks.length - 1; k > 0; k--) {
    const a = chunks[k - 1]!
    const b = chunks[k]!
    if (a.kind !== 'other' || b.kind !== 'organization' || !b.recognized || a.to !== b.from || a.to - a.from < 2) continue
    if (!isOrgHead(d, tokens[b.to - 1]!) || tokens[a.to - 1]!.end + 1 < tokens[b.from]!.start) continue
    b.from = a.from
    chunks.splice(k - 1, 1)
  }
  for (let k = chunks.length - 1; k > 0; k--) {
    const a = chunks[k - 1]!
    const b = chunks[k]!
    if (!a.recognized || !b.recognized || a.kind !== 'person' || a.to !== b.from || tokens[a.to - 1]!.end + 1 < tokens[b.from]!.start) continue
    // "Bashar/PER al-Assad/PER": a surname with its particle continues the name
    // (whatever the recogniser typed the surname as: "Faisal/PER al-Nouri/LOC")
    const particle = b.kind !== 'organization' && b.kind !== 'other' && /^(?:al|el|bin|ibn)$/.test(tokens[b.from]!.value)
    const organisation = a.to - a.from === 1 && b.kind === 'organization' && isOrgHead(d, tokens[b.to - 1]!)
    if (!particle && !organisation) continue
    b.from = a.from
    if (particle) {
      b.kind = 'person'
      delete b.key
    }
    chunks.splice(k - 1, 1)
  }
}

/** "The Syrian Observatory for Human Rights" opening a sentence: the article is not part of the name. */
function stripLeadingArticle(d: ExtractionDoc, c: Chunk): void {
  if (c.to - c.from > 1 && /^the$/i.test(d.tokens[c.from]!.value)) c.from++
}

/** A date glued to a name by lost punctuation or a caption: "al-Alam March 8", "Kirkuk Tuesday". */
function trimDate(d: ExtractionDoc, c: Chunk): void {
  const { tokens } = d
  while (c.to - c.from > 1) {
    const last = tokens[c.to - 1]!.form
    if (WEEKDAYS.has(last) || (MONTHS.has(last) && /^\d/.test(tokens[c.to]?.value ?? ''))) c.to--
    else break
  }
}
/** "JOIN" → "Join": how a name list spells it */
function titleWord(w: string): string {
  return w.charAt(0) + w.slice(1).toLowerCase()
}

const MONTHS = new Set('january february march april may june july august september october november december'.split(' '))
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '))

/**
 * Alone, some words are no name of the three kinds: a faith or a people ("Shia", "Muslims",
 * "Syrian"), a calendar word, a name particle ("Abu"), or an ordinary word opening a sentence
 * that the article also writes in lower case ("Click here…"), a common abbreviation ("ID", "CEO").
 */
function notANameAlone(d: ExtractionDoc, c: Chunk): boolean {
  if (c.to - c.from !== 1) return false
  const t = d.tokens[c.from]!
  if (PARTICLE_ALONE.has(t.form) || ACRONYM_STOP.has(t.form)) return true
  const place = lookupPlace(t.value)
  // ("Czech", "Georgia": a country stands; a town or region named like a word — Northern, Bahrain — does not)
  if (place && !place.variant && place.place.kind === 'country' && c.kind === 'place') return false
  if (neverAlone(t.form) || isDemonym(t.value)) return true
  return (t.sentenceStart || opensStory(d, c.from)) && d.lowerSeen.has(t.form) && !isFirstName(t.value) && !place
}

/** The first word after a dateline's dash ("KYIV, Ukraine — Power returned…") opens the story's first sentence. */
function opensStory(d: ExtractionDoc, i: number): boolean {
  const dash = d.tokens[i - 1]
  if (!dash || !/^[—–-]$/.test(dash.value)) return false
  const lineStart = d.text.lastIndexOf('\n', dash.start) + 1
  if (dash.start - lineStart >= 60) return false
  return d.chunks.some((c) => c.rule === 'dateline' && d.tokens[c.from]!.start >= lineStart && d.tokens[c.from]!.start < dash.start)
}
const PARTICLE_ALONE = new Set(['abu', 'umm', 'al', 'el', 'bin', 'ibn', 'bint', 'de', 'van', 'von'])

function stripTitle(d: ExtractionDoc, c: Chunk): void {
  const { tokens } = d
  let from = c.from
  while (from < c.to - 1 && isTitle(tokens[from]!)) from++
  if (from === c.from) return
  // "Justice Ministry", "General Motors": the title word is part of an organisation's name
  if (isOrgHead(d, tokens[c.to - 1]!) || (c.kind !== 'person' && !isFirstName(tokens[from]!.value) && c.to - from < 2)) return
  c.from = from
  c.kind = 'person'
  c.personCue = true
  delete c.key
}

/** A stripped copy runs an organisation's name into the next sentence: "the Labour Court Shipping lines…". */
function cutAtOrgHead(d: ExtractionDoc, c: Chunk): void {
  if (!d.prep.repaired || c.kind !== 'organization' || c.to - c.from < 3 || isOrgHead(d, d.tokens[c.to - 1]!)) return
  const head = lastOrgHead(d, c.from + 1, c.to - 1)
  if (head >= 0) c.to = head + 1
}

/**
 * "South African Transport and Allied Workers Union": the recogniser takes the words before "and"
 * for another kind of name (MISC); capitalised words there that no chunk holds are the name's.
 */
function joinNameOverAnd(d: ExtractionDoc, c: Chunk, before: Chunk[]): void {
  const { tokens } = d
  if (c.kind !== 'organization' || c.to - c.from < 2 || !isOrgHead(d, tokens[c.to - 1]!) || fold(tokens[c.from - 1]) !== 'and') return
  const held = (k: number) => before.some((o) => k >= o.from && k < o.to && o.kind !== 'other')
  let from = c.from - 1
  while (from > 0 && isCap(tokens[from - 1]!) && !held(from - 1) && !tokens[from]!.sentenceStart) from--
  if (c.from - 1 - from < 2) return
  for (let k = before.length - 1; k >= 0; k--) if (before[k]!.from >= from && before[k]!.to <= c.from) before.splice(k, 1)
  c.from = from
}

function personOfPlace(d: ExtractionDoc, c: Chunk): Chunk[] | undefined {
  const { tokens, text } = d
  // within the chunk only (a search from the text's start made long texts quadratic)
  let of = -1
  for (let k = c.from + 1; k < c.to - 1 && of < 0; k++) if (tokens[k]!.form === 'of') of = k
  if (of < 0 || of - c.from < 2 || of - c.from > 3 || !isFirstName(tokens[c.from]!.value)) return undefined
  const place = text.slice(tokens[of + 1]!.start, tokens[c.to - 1]!.end)
  const key = gazetteerKey(place)
  if (!key) return undefined
  return [
    { from: c.from, to: of, kind: 'person', links: [], personCue: false, recognized: true },
    { from: of + 1, to: c.to, kind: 'place', key, links: [], personCue: false, recognized: true }
  ]
}

/**
 * Left for coreference to resolve: an acronym ("CFA", defined in brackets or the initials of a
 * name here) and "the Observatory" after the full name.
 */
function forCoreference(d: ExtractionDoc, c: Chunk): void {
  if (c.kind !== 'organization' || c.to - c.from !== 1) return
  const t = d.tokens[c.from]!
  if (ACRONYM_RE.test(t.value)) c.kind = 'acronym'
  else if (fold(d.tokens[c.from - 1]) === 'the' && ORG_HEADS.has(t.form)) c.kind = 'single'
}

/**
 * Arabic names the 1996 wire copy rarely had: "Abu Omar", "Umm Khaled", "Osama bin Laden" are
 * people; a lone "al-Sudani" that no gazetteer knows is left for coreference (a full name's
 * surname, or nothing), not taken for a place.
 */
function arabicName(d: ExtractionDoc, c: Chunk): void {
  const { tokens } = d
  const first = fold(tokens[c.from])
  // "the town of Umm Ruqaiba" is a place
  if (fold(tokens[c.from - 1]) === 'of' && (PLACE_CUES.has(fold(tokens[c.from - 2])) || PEOPLE_OF_PLACES.has(fold(tokens[c.from - 2])))) return
  const n = c.to - c.from
  if (n >= 2 && n <= 4 && (first === 'abu' || first === 'umm' || tokens.slice(c.from + 1, c.to - 1).some((t) => t.form === 'bin' || t.form === 'ibn'))) {
    if (c.kind !== 'person') {
      c.kind = 'person'
      delete c.key
    }
    return
  }
  const name = surface(d, c)
  if (c.kind === 'place' && /^(?:al|el)-\p{Lu}/iu.test(name) && !name.includes(' ') && !lookupPlace(name)) {
    c.kind = 'single'
    delete c.key
  }
}

function retype(d: ExtractionDoc, c: Chunk): void {
  const { tokens } = d
  const prev = fold(tokens[c.from - 1])
  const prev2 = fold(tokens[c.from - 2])
  const n = c.to - c.from
  const name = surface(d, c)
  // "residents of Qayyarah said", "the outskirts of al-Alam": the people are of a place, not a person
  if (c.kind !== 'place' && !name.includes(' ') && (prev === 'of' || prev === 'from') && (PEOPLE_OF_PLACES.has(prev2) || (c.kind !== 'person' && PLACE_CUES.has(prev2)))) {
    c.kind = 'place'
    c.key = gazetteerKey(name)
    if (!c.key) delete c.key
    return
  }
  if (c.kind !== 'organization' && n <= 3 && (ORG_APPOSITION.has(prev) || ((prev === 'in' || prev === 'of') && SHARE_WORDS.has(prev2)))) {
    const place = lookupPlace(name)
    if (!place || place.variant) {
      c.kind = 'organization'
      delete c.key
      return
    }
  }
  // "organiser Sipho Ndlovu said": a speech verb makes a person of a short name that is no place
  if (c.kind === 'organization' && n >= 2 && n <= 3 && !isOrgHead(d, tokens[c.to - 1]!)) {
    let after = c.to
    // a stripped copy repeats the surname: "Sipho Ndlovu Ndlovu said"
    if (fold(tokens[after]) === fold(tokens[c.to - 1])) after++
    if (SPEECH_VERBS.has(fold(tokens[after]))) {
      c.kind = 'person'
      delete c.key
      const repeated = after > c.to ? d.chunks.find((o) => o.from === c.to && o.to === after) : undefined
      if (repeated) repeated.kind = 'person'
      return
    }
  }
  if (c.kind !== 'place' && (NEAR.has(prev) || PLACE_CUES.has(prev))) {
    const key = gazetteerKey(name)
    if (key) {
      c.kind = 'place'
      c.key = key
    }
  }
}
