/**
 * Generated search queries for the reliability campaign (#25): well-formed ones in every part of
 * the syntax, and the malformed, oversized, deeply nested and strange input a search box receives.
 * Seeded, so a failing query can be found again by its number.
 */

const WORDS = ['harbour', 'strike', 'ferry', 'minister', 'talks', 'union', 'valmora', 'raqqa', 'khatib', 'port', 'flood', 'court', 'election', 'police', 'said', 'the', 'of', 'islamic', 'state', 'march', '2019', 'zürich', 'müller', 'забастовки', 'المفاوضات', '财政部长', 'o\'brien', 'al-khatib', 'u.s.', 'covid-19']
const FIELDS = ['title', 'title', 'body', 'body', 'source', 'author', 'url', 'tag', 'note', 'is', 'date', 'nosuchfield', '']
const JUNK = ['"', '(', ')', '-', '+', '~', '*', ':', '^', '\\', '/', '?', '!', '&&', '||', '[', ']', '{', '}', '<', '>', '%', '$', '#', '@', '.*', '^2', '~~', '**', '::', '""', '()', ')(', '\u0000', '\u0007', '\u001b[31m', '\u202e', '\u200b', '\ud83d\ude00', '\ud800', '\uffff', '\t', '\n']
const OPS = ['AND', 'OR', 'NOT', 'and', 'or', 'not', 'AND NOT', 'OR OR', 'NEAR']

export interface Rng {
  next(): number
  int(n: number): number
  pick<T>(xs: readonly T[]): T
}

export function rng(seed: number): Rng {
  let s = seed >>> 0 || 1
  const next = () => {
    // xorshift32
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 2 ** 32
  }
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)]! }
}

function word(r: Rng, extra: readonly string[]): string {
  const w = r.next() < 0.3 && extra.length ? r.pick(extra) : r.pick(WORDS)
  switch (r.int(8)) {
    case 0: return w.slice(0, 1 + r.int(w.length)) + '*'
    case 1: return `${w}~${r.next() < 0.8 ? 1 + r.int(2) : r.int(5)}`
    case 2: return w.toUpperCase()
    case 3: return `${w}^${r.int(20)}`
    default: return w
  }
}

function term(r: Rng, extra: readonly string[], depth: number): string {
  switch (r.int(10)) {
    case 0: return `"${Array.from({ length: 1 + r.int(5) }, () => r.pick(WORDS)).join(' ')}"`
    case 1: return `${r.pick(FIELDS)}:${r.next() < 0.3 ? `"${r.pick(WORDS)} ${r.pick(WORDS)}"` : word(r, extra)}`
    case 2: return `-${word(r, extra)}`
    case 3: return depth < 4 ? `(${clause(r, extra, depth + 1)})` : word(r, extra)
    case 4: return r.next() < 0.3 ? r.pick(JUNK) : word(r, extra)
    default: return word(r, extra)
  }
}

function clause(r: Rng, extra: readonly string[], depth = 0): string {
  const n = 1 + r.int(5)
  const parts: string[] = []
  for (let i = 0; i < n; i++) {
    if (i && r.next() < 0.3) parts.push(r.pick(OPS))
    parts.push(term(r, extra, depth))
  }
  return parts.join(r.next() < 0.1 ? '' : ' ')
}

/** Query number `i` of the campaign with this seed (`extra`: words of the archive searched). */
export function generatedQuery(seed: number, i: number, extra: readonly string[] = []): string {
  const r = rng(seed * 1_000_003 + i)
  switch (i % 20) {
    case 0: return '' // empty
    case 1: return ' '.repeat(r.int(20)) + '\t\n'
    case 2: return 'a'.repeat(1 + r.int(1200)) // one long word, up to over the length limit
    case 3: return `${'abcdefghijklmnopqrstuvwxyz'.repeat(4).slice(0, 5 + r.int(60))}~${1 + r.int(2)}` // fuzzy on long words
    case 4: return '('.repeat(1 + r.int(600)) + r.pick(WORDS) + ')'.repeat(r.int(600)) // deep or unbalanced brackets
    case 5: return Array.from({ length: 2 + r.int(300) }, () => r.pick(WORDS)).join(' OR ') // very many terms
    case 6: return Array.from({ length: 2 + r.int(40) }, () => `${r.pick([...'abcdefghijklmnopqrstuvwxyz'])}${r.pick([...'aeiou'])}*`).join(' ') // many broad prefixes
    case 7: return Array.from({ length: 1 + r.int(30) }, () => r.pick(JUNK)).join(r.next() < 0.5 ? ' ' : '') // punctuation soup
    case 8: return String.fromCharCode(...Array.from({ length: 1 + r.int(80) }, () => r.int(0x10000))) // arbitrary UTF-16 units
    case 9: return `"${Array.from({ length: 1 + r.int(60) }, () => r.pick(WORDS)).join(' ')}` // long unclosed phrase
    default: return clause(r, extra)
  }
}
