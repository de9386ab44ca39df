/**
 * Features of a token for the recogniser: the word, its shape, affixes and case, its neighbours,
 * where it stands (sentence start, a line in capitals, a run of capitalised words), whether the
 * document also writes it in lower case, and what the project's name lists say (first names, the
 * place gazetteer, curated aliases, organisation head words). The previous decisions and the
 * document's memory are added per step (model.ts).
 *
 * What depends on the word alone is computed once per distinct word (wordInfo, cached): most of
 * a token's features, and the ones its neighbours need of it. Only the context is built per token.
 */
import { lookupPlace } from '../gazetteer'
import { lookupKnown } from '../knowledge'
import { isFirstName, ORG_HEADS, PERSON_TITLES, PLACE_CUES } from '../lexicon'

export interface FeatureContext {
  /** folded words written in lower case somewhere in the document */
  lowerSeen: ReadonlySet<string>
  /** per token: on a line written in capitals (a headline) */
  shouting?: readonly boolean[]
  /** what the document's other mentions of a capitalised word say of it (documentCues) */
  cues?: ReadonlyMap<string, readonly string[]>
}

const CUE_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'president', 'minister', 'prime', 'sir', 'coach', 'striker', 'chairman', 'spokesman', 'general', 'gen.', 'judge', 'senator', 'sen.', 'rep.', 'gov.', 'governor', 'mayor', 'king', 'queen', 'prince'])
const CUE_SPEECH = new Set(['said', 'says', 'told', 'added', 'stated'])
const CUE_IN = new Set(['in', 'at', 'from', 'near', 'to'])

/**
 * What every mention of a capitalised word in the document says of it, as features for all of
 * them: a title before one ("Mr Lahssini"), a speech verb after ("Lahssini said"), "in"/"at"
 * before, a company suffix after ("Pirelli Cables"), a first name before, "the" before, a
 * possessive after, and a mention inside a sentence (not its first word). A name is typed the
 * same way throughout an article; its clearest mention informs the others, earlier or later.
 */
export function documentCues(sentences: readonly (readonly string[])[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>()
  for (const words of sentences) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!
      const c = w.charCodeAt(0)
      if (!(c >= 65 && c <= 90) && (c < 128 || !/^\p{Lu}/u.test(w))) continue
      const prev = i > 0 ? words[i - 1]!.toLowerCase() : ''
      const next = words[i + 1]?.toLowerCase() ?? ''
      let set = out.get(w)
      if (!set) out.set(w, (set = new Set()))
      if (i > 0) set.add('mid')
      if (CUE_TITLES.has(prev)) set.add('title')
      if (CUE_SPEECH.has(next)) set.add('speech')
      if (CUE_IN.has(prev)) set.add('in')
      if (prev === 'the') set.add('the')
      if (next === "'s") set.add('poss')
      if (next && ORG_SUFFIXES.has(next.replace(/\.$/, ''))) set.add('orgnext')
      if (i > 0 && isFirstName(words[i - 1]!)) set.add('afterFname')
    }
  }
  return new Map([...out].map(([w, cues]) => [w, [...cues].sort().map((cue) => `dc=${cue}`)]))
}

/** What the features need of one word, and the features that depend on it alone. */
export interface WordInfo {
  word: string
  lower: string
  shape: string
  cap: boolean
  fname: boolean
  digitStart: boolean
  orgHead: boolean
  orgSuffix: boolean
  title: boolean
  placeCue: boolean
  /** may begin a name: a capital or a digit in it, or a name particle ("al", "de", "van") */
  nameLike: boolean
  /** the shape feature on a line in capitals, made once */
  shoutShape: string
  /** features of the word alone */
  own: string[]
}

/** Words that end a company's or body's name ("Rheinmetall AG", "Fiat SpA", "Moody's Investors Service"). */
const ORG_SUFFIXES = new Set(
  'corp corporation inc incorporated ltd limited plc co cos company companies group holdings holding ag sa spa nv bv gmbh llc lp trust bancorp airlines airways motors industries international investors partners securities capital fund foundation association federation union club united city rovers wanderers athletic'.split(' ')
)

/** "Xxxx", "XX", "dd", "Xx-Xx", "x.x." — runs of the same class collapsed. */
export function shapeOf(w: string): string {
  let out = ''
  let last = ''
  for (const ch of w) {
    const code = ch.charCodeAt(0)
    const c =
      code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd' : code < 128 ? ch : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : ch
    if (c !== last) out += c
    last = c
  }
  return out
}

export function placeKind(name: string): string | undefined {
  const m = lookupPlace(name)
  return m && !m.variant ? m.place.kind : undefined
}

const PARTICLES = new Set(['al', 'el', 'ez', 'ad', 'ar', 'as', 'bin', 'ibn', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'dos', 'mc', 'mac'])

const infos = new Map<string, WordInfo>()
// bounded: a worker indexing a large archive keeps its heap flat (30,000 distinct words: about 40 MB with the row caches)
const INFO_MAX = 30_000

export function wordInfo(w: string): WordInfo {
  let info = infos.get(w)
  if (info) return info
  const lower = w.toLowerCase()
  const shape = shapeOf(w)
  const cap = /^\p{Lu}/u.test(w)
  const fname = cap && isFirstName(w)
  const own = [`w=${lower}`, `s=${shape}`]
  for (let k = 1; k <= 5 && k < lower.length; k++) {
    if (k <= 4) own.push(`p${k}=${lower.slice(0, k)}`)
    own.push(`x${k}=${lower.slice(-k)}`)
  }
  if (/\d/.test(w)) own.push(`wd=${lower.replace(/\d/g, '0')}`)
  if (w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w)) own.push('allcaps')
  if (fname) own.push('fname')
  const orgHead = ORG_HEADS.has(lower)
  if (orgHead) own.push('orghead')
  if (cap) {
    const place = placeKind(w)
    if (place) own.push(`gaz=${place}`)
    const known = lookupKnown(w)
    if (known) own.push(`known=${known.type}`)
  }
  info = {
    word: w,
    lower,
    shape,
    cap,
    fname,
    digitStart: /^\d/.test(w),
    orgHead,
    orgSuffix: orgHead || ORG_SUFFIXES.has(lower.replace(/\.$/, '')),
    title: PERSON_TITLES.has(lower.replace(/\.$/, '')),
    placeCue: PLACE_CUES.has(lower),
    nameLike: /[\p{Lu}\d]/u.test(w) || PARTICLES.has(lower),
    shoutShape: `shout.s=${shape}`,
    own
  }
  if (infos.size >= INFO_MAX) infos.clear()
  infos.set(w, info)
  return info
}

/** The neighbours' own words and shapes, by position: -2, -1, +1, +2. */
export const NEIGHBOURS = [-2, -1, 1, 2] as const
export function neighbourFeatures(info: WordInfo | undefined, offset: (typeof NEIGHBOURS)[number]): string[] {
  const edge = offset < 0 ? '^' : '$'
  const at = offset < 0 ? String(offset) : `+${offset}`
  const f = [`w${at}=${info?.lower ?? edge}`]
  if (offset === -1 || offset === 1) f.push(`s${at}=${info?.shape ?? edge}`)
  return f
}

/**
 * The features of token i that depend on its neighbours and its document. Tagging adds the
 * neighbours' own words and shapes from a cache (`neighbours` false); training builds them here.
 */
export function contextFeatures(infos: readonly WordInfo[], i: number, ctx: FeatureContext, neighbours = true): string[] {
  const me = infos[i]!
  const prev = infos[i - 1]
  const next = infos[i + 1]
  const pl = prev?.lower ?? '^'
  const nl = next?.lower ?? '$'
  const ps = prev?.shape ?? '^'
  const ns = next?.shape ?? '$'
  const f = ['b', `w-1w=${pl}|${me.lower}`, `ww+1=${me.lower}|${nl}`, `ss=${ps}|${me.shape}|${ns}`]
  if (neighbours) for (const o of NEIGHBOURS) f.push(...neighbourFeatures(infos[i + o], o))
  if (i === 0) f.push('first')
  if (me.cap && ctx.lowerSeen.has(me.lower)) f.push('lowerSeen')
  if (ctx.shouting?.[i]) f.push('shout', me.shoutShape)
  const cues = me.cap ? ctx.cues?.get(me.word) : undefined
  if (cues) f.push(...cues)
  if (prev?.fname) f.push('prevFname')
  if (next?.orgHead) f.push('nextOrghead')
  if (prev?.title) f.push('prevTitle')
  if (prev?.placeCue) f.push('prevPlaceCue')
  if (next?.digitStart) f.push('nextNum')
  if (prev?.digitStart) f.push('prevNum')
  if (me.cap) {
    // part of a two-word place ("New York", "Santa Fe")
    if (prev?.cap) {
      const k = placeKind(`${prev.word} ${me.word}`)
      if (k) f.push(`gaz2b=${k}`)
    }
    if (next?.cap) {
      const k = placeKind(`${me.word} ${next.word}`)
      if (k) f.push(`gaz2a=${k}`)
    }
    // where the word stands in a run of capitalised words, and how the run ends
    let a = i
    let b = i
    while (a > 0 && infos[a - 1]!.cap) a--
    while (b < infos.length - 1 && infos[b + 1]!.cap) b++
    f.push(RUN_NAMES[Math.min(b - a + 1, 4)]![i === a ? 0 : i === b ? 1 : 2]!)
    if (infos[b]!.orgSuffix) f.push('runOrgEnd')
    if (b > a && infos[a]!.fname) f.push('runFnameStart')
  }
  return f
}

/** `run=<length>:<B|E|M>`, made once (tagging looks them up per token) */
export const RUN_NAMES = [0, 1, 2, 3, 4].map((n) => ['B', 'E', 'M'].map((p) => `run=${n}:${p}`))

/** Every static feature of each token of a sentence (training uses this; tagging uses the cached parts). */
export function sentenceFeatures(words: readonly string[], ctx: FeatureContext): string[][] {
  const infos = words.map(wordInfo)
  return infos.map((info, i) => [...info.own, ...contextFeatures(infos, i, ctx)])
}
