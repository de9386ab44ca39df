/**
 * A generic name ("Finance Ministry", "Central Bank", "Supreme Court", "the police") names a
 * different body in every country: across an archive they are one entity only within a country.
 * The country is the one the text gives it ("Brazil's Finance Ministry", "the Brazilian Finance
 * Ministry"), else the document's own (its dateline's, or the country most of its places are in);
 * without one the name stays as written.
 */
import { countryName, lookupPlace } from '../gazetteer'
import { entityKey } from '../keys'
import { surface, type Chunk, type ExtractionDoc } from './document'
import { demonymCountry } from './places'

const GENERIC_HEADS = new Set(
  'ministry ministries department bank court council parliament police army navy force forces cabinet senate government office commission agency committee assembly congress guard tribunal treasury'.split(' ')
)
const GENERIC_WORDS = new Set(
  `of the and for finance financial foreign interior home defence defense health justice trade commerce economy economic economics agriculture labour labor
education energy industry industrial transport environment supreme central national state federal constitutional high air affairs public security
information culture tourism planning communications oil petroleum water housing social welfare mines mining budget fiscal monetary internal
reserve people's popular electoral statistics statistical revenue customs coast border republican presidential general`.split(/\s+/)
)

export function qualifyGenericNames(d: ExtractionDoc): void {
  let home: string | undefined
  let homeDone = false
  for (const c of d.chunks) {
    if (c.kind !== 'organization' || c.ref || c.known || !isGeneric(d, c)) continue
    if (!homeDone) {
      home = documentCountry(d)
      homeDone = true
    }
    const code = givenCountry(d, c) ?? home
    const country = code ? countryName(code) : undefined
    if (!country) continue
    const name = surface(d, c)
    c.display = `${name} (${country})`
    c.key = entityKey('organization', `${name} ${country}`)
  }
}

function isGeneric(d: ExtractionDoc, c: Chunk): boolean {
  let head = false
  for (let k = c.from; k < c.to; k++) {
    const f = d.tokens[k]!.form
    if (GENERIC_HEADS.has(f) || GENERIC_HEADS.has(f.replace(/s$/, ''))) head = true
    else if (!GENERIC_WORDS.has(f)) return false
  }
  return head
}

/** "Brazil's Finance Ministry", "the Brazilian Finance Ministry". */
function givenCountry(d: ExtractionDoc, c: Chunk): string | undefined {
  const { tokens } = d
  const before = tokens[c.from - 1]
  if (!before) return undefined
  const demonym = demonymCountry(before.value)
  if (demonym) return demonym
  if (/^['’]s$/.test(before.value) && c.from >= 2) {
    const owner = d.chunks.find((o) => o.to === c.from - 1 && o.kind === 'place')
    if (owner) return placeCountry(d, owner)
  }
  return undefined
}

function placeCountry(d: ExtractionDoc, c: Chunk): string | undefined {
  const m = lookupPlace(c.display ?? surface(d, c))
  return m && !m.variant ? m.place.country : undefined
}

/** The dateline's country, else one country holding most of the document's place mentions. */
function documentCountry(d: ExtractionDoc): string | undefined {
  const dateline = d.chunks.find((c) => c.rule === 'dateline')
  const fromDateline = dateline ? placeCountry(d, dateline) : undefined
  if (fromDateline) return fromDateline
  const counts = new Map<string, number>()
  let total = 0
  for (const c of d.chunks) {
    if (c.kind !== 'place') continue
    const code = placeCountry(d, c)
    if (!code) continue
    counts.set(code, (counts.get(code) ?? 0) + 1)
    total++
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]
  return top && top[1] * 2 > total ? top[0] : undefined
}
