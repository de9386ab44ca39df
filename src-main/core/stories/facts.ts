/**
 * What a report states where it stands, to tell a copy or a rewrite from a template: wire services
 * file the same sentence frame for unrelated reports ("X Corp said its first-quarter net profit
 * rose to N million…"). Such reports share most of their words, but where one says "rose to 12.4"
 * the other says "rose to 48.7". A copy, a scrape, a teaser or a rewrite quoting the original
 * says the same figures and names in the words they share, whatever else it adds.
 *
 * Each figure or capitalised word is keyed by the two ordinary words before it; two texts state
 * the same facts when, over the keys both have, their figures and names mostly agree.
 */

/** key (the two ordinary words before) → the figures and names written there */
export type Facts = Map<string, Set<string>>

const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu
const NUMBER_RE = /^\d[\d,.]*$/
/** capitalised at a sentence's start, not names */
const COMMON = new Set(
  'the a an this that these those there their they then than when where what which while with without from after before about into over under during since until also but and for not its his her our your some many most more such other another each every said says according he she it we in on at by as of to'.split(' ')
)

export function factsOf(text: string): Facts {
  const out: Facts = new Map()
  let w1 = '^'
  let w2 = '^'
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0].replace(/[.,'’-]+$/, '')
    const number = NUMBER_RE.test(t)
    const lower = t.toLowerCase()
    const name = !number && /^\p{Lu}/u.test(t) && t.length > 2 && !COMMON.has(lower)
    if (number || name) {
      const key = `${w2} ${w1}`
      const value = number ? t.replace(/[,.]/g, '') : lower.replace(/['’-]/g, '').replace(/s$/, '')
      let set = out.get(key)
      if (!set) out.set(key, (set = new Set()))
      set.add(value)
    } else {
      w2 = w1
      w1 = lower
    }
  }
  return out
}

/**
 * Whether two texts state the same facts where they say the same thing: over the keys both
 * have, at least half agree (a shared figure or name). No shared key: nothing to contradict.
 */
export function sameFacts(a: Facts, b: Facts): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  let agree = 0
  for (const [key, values] of small) {
    const other = large.get(key)
    if (!other) continue
    shared++
    for (const v of values) {
      if (other.has(v)) {
        agree++
        break
      }
    }
  }
  return shared === 0 || agree * 2 >= shared
}
