/**
 * Classifiers: the type of each chunk not already known, from cues around it (titles, speech
 * verbs, "in"/"near", what the text calls it), first names, organisation head words and the
 * gazetteer. A chunk that is none of person, organisation or place stays 'single' or 'multi' for
 * coreference to decide.
 */
import { lookupPlace } from '../gazetteer'
import { lookupKnown } from '../knowledge'
import { ACRONYM_STOP, isFirstName, ORG_APPOSITION, ORG_STARTS, PERSON_TITLES, PLACE_AFTER, PLACE_CUES, PLACE_STARTS, SHARE_WORDS, SPEECH_VERBS } from '../lexicon'
import type { Token } from '../tagger'
import { fold, isOrgHead, neverAlone, surface, type Chunk, type ExtractionDoc } from './document'
import { gazetteerKey, isDemonym } from './places'

/** Towns smaller than this, found only as a sentence's first word, are taken for the ordinary word ("Union leader…"). */
const SENTENCE_START_TOWN_MIN = 100_000
export const ACRONYM_RE = /^(?:\p{Lu}{2,6}s?|(?:\p{Lu}\.){2,4})$/u

export function classifyChunks(d: ExtractionDoc): void {
  // (the recogniser's chunks and those a rule already typed keep their type)
  for (const c of d.chunks) if (!c.known && !c.recognized && !c.rule) classify(d, c)
}

function classify(d: ExtractionDoc, c: Chunk): void {
  const { tokens, lowerSeen } = d
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
  const name = surface(d, c)
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
  if (n > 1 && isOrgHead(d, words[n - 1]!)) return void (c.kind = 'organization')
  if (n > 1 && ORG_STARTS.has(fold(words[0])) && words.some((w) => fold(w) === 'of' || fold(w) === 'for')) return void (c.kind = 'organization')

  const firstIsName = isFirstName(words[0]!.value)
  // "Port Selwyn", "Mount Sinjar", "Lake Chad": a place by its first word, known or not
  if (n > 1 && n <= 4 && PLACE_STARTS.has(fold(words[0])) && !firstIsName) {
    c.kind = 'place'
    c.key = gazetteerKey(name)
    return
  }
  const place = placeFor(d, c, words, firstIsName)
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

function placeFor(d: ExtractionDoc, c: Chunk, words: Token[], firstIsName: boolean) {
  const { tokens, lowerSeen } = d
  const name = surface(d, c)
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
