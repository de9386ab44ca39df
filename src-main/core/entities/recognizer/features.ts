/**
 * Features of a token for the recogniser: the word, its shape, affixes and case, its neighbours,
 * where it stands (sentence start, a line in capitals), whether the document also writes it in
 * lower case, and what the project's name lists say (first names, the place gazetteer, curated
 * aliases, organisation head words). The previous decisions are added per step (decode.ts).
 */
import { lookupPlace } from '../gazetteer'
import { lookupKnown } from '../knowledge'
import { isFirstName, ORG_HEADS, PERSON_TITLES, PLACE_CUES } from '../lexicon'

export interface FeatureContext {
  /** folded words written in lower case somewhere in the document */
  lowerSeen: ReadonlySet<string>
  /** per token: on a line written in capitals (a headline) */
  shouting?: readonly boolean[]
}

/** "Xxxx", "XX", "dd", "Xx-Xx", "x.x." — runs of the same class collapsed. */
export function shapeOf(w: string): string {
  let out = ''
  let last = ''
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch
    if (c !== last) out += c
    last = c
  }
  return out
}

const lower = (w: string | undefined) => (w === undefined ? '' : w.toLowerCase())
const isCap = (w: string | undefined) => w !== undefined && /^\p{Lu}/u.test(w)
/** Words that end a company's or body's name ("Rheinmetall AG", "Fiat SpA", "Moody's Investors Service"). */
const ORG_SUFFIXES = new Set(
  'corp corporation inc incorporated ltd limited plc co cos company companies group holdings holding ag sa spa nv bv gmbh llc lp trust bancorp airlines airways motors industries international investors partners securities capital fund foundation association federation union club united city rovers wanderers athletic'.split(' ')
)

function placeFeature(name: string): string | undefined {
  if (!/\p{Lu}/u.test(name)) return undefined
  const m = lookupPlace(name)
  return m && !m.variant ? m.place.kind : undefined
}

/** The static features of token i (everything but the previous decisions). */
export function tokenFeatures(words: readonly string[], i: number, ctx: FeatureContext): string[] {
  const w = words[i]!
  const lw = w.toLowerCase()
  const shape = shapeOf(w)
  const prev = words[i - 1]
  const next = words[i + 1]
  const f: string[] = ['b', `w=${lw}`, `s=${shape}`, `w-1=${lower(prev)}`, `w+1=${lower(next)}`, `w-2=${lower(words[i - 2])}`, `w+2=${lower(words[i + 2])}`]
  f.push(`s-1=${prev === undefined ? '^' : shapeOf(prev)}`, `s+1=${next === undefined ? '$' : shapeOf(next)}`, `w-1w=${lower(prev)}|${lw}`, `ww+1=${lw}|${lower(next)}`)
  for (let k = 1; k <= 4 && k < lw.length; k++) f.push(`p${k}=${lw.slice(0, k)}`, `x${k}=${lw.slice(-k)}`)
  if (i === 0) f.push('first')
  const cap = /^\p{Lu}/u.test(w)
  if (cap && ctx.lowerSeen.has(lw)) f.push('lowerSeen')
  if (cap && i === 0) f.push('capFirst')
  if (ctx.shouting?.[i]) f.push('shout', `shout.s=${shape}`)
  if (w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w)) f.push('allcaps')
  // name lists
  if (cap && isFirstName(w)) f.push('fname')
  if (prev && isFirstName(prev) && /^\p{Lu}/u.test(prev)) f.push('prevFname')
  if (ORG_HEADS.has(lw)) f.push('orghead')
  if (next && ORG_HEADS.has(lower(next))) f.push('nextOrghead')
  if (PERSON_TITLES.has(lower(prev).replace(/\.$/, ''))) f.push('prevTitle')
  if (PLACE_CUES.has(lower(prev))) f.push('prevPlaceCue')
  // where the word stands in a run of capitalised words, and how the run ends
  if (cap) {
    let a = i
    let b = i
    while (a > 0 && isCap(words[a - 1])) a--
    while (b < words.length - 1 && isCap(words[b + 1])) b++
    const len = b - a + 1
    f.push(`run=${Math.min(len, 4)}:${i === a ? 'B' : i === b ? 'E' : 'M'}`)
    const last = lower(words[b])
    if (ORG_SUFFIXES.has(last.replace(/\.$/, '')) || ORG_HEADS.has(last)) f.push('runOrgEnd')
    if (len > 1 && isFirstName(words[a]!)) f.push('runFnameStart')
  }
  if (next !== undefined && /^\d/.test(next)) f.push('nextNum')
  if (prev !== undefined && /^\d/.test(prev)) f.push('prevNum')
  if (/\d/.test(w)) f.push(`wd=${lw.replace(/\d/g, '0')}`)
  if (lw.length > 5) f.push(`x5=${lw.slice(-5)}`)
  f.push(`ss=${prev === undefined ? '^' : shapeOf(prev)}|${shape}|${next === undefined ? '$' : shapeOf(next)}`)
  const place = placeFeature(w)
  if (place) f.push(`gaz=${place}`)
  // part of a two-word place ("New York", "Santa Fe")
  const p2 = prev ? placeFeature(`${prev} ${w}`) : undefined
  if (p2) f.push(`gaz2b=${p2}`)
  const n2 = next ? placeFeature(`${w} ${next}`) : undefined
  if (n2) f.push(`gaz2a=${n2}`)
  if (cap) {
    const known = lookupKnown(w)
    if (known) f.push(`known=${known.type}`)
  }
  return f
}
