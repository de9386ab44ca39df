import { describe, expect, it } from 'vitest'
import { lowerQuery, type Plan } from '../../../../src-main/core/search/plan'
import { parseQuery } from '../../../../src-main/core/search/query'
import { termFor } from '../../../../src-main/core/search/terms'

const plan = (q: string) => lowerQuery(parseQuery(q))
const leaves = (p: Plan): string[] =>
  p.k === 'leaf' ? [p.leaf.term] : p.k === 'and' || p.k === 'or' ? p.children.flatMap(leaves) : p.k === 'not' ? leaves(p.child) : p.k === 'phrase' ? leaves(p.candidates) : []

describe('query plan', () => {
  it('lowers words onto the index\'s terms, and reports the common words it left out', () => {
    const p = plan('the strikes on Raqqa')
    expect(p.ignored).toEqual(['the', 'on'])
    expect(leaves(p.plan)).toEqual([termFor('strikes'), termFor('raqqa')])
  })

  it('lets a hyphenated word match its parts or the glued form a scraper left', () => {
    const p = plan('al-Zour').plan
    expect(p.k).toBe('or')
    expect(leaves(p)).toContain(termFor('alzour'))
  })

  it('keeps prefixes and fuzzy terms for the engine to expand, and a phrase for the text check', () => {
    expect(plan('raqq*').plan).toMatchObject({ k: 'leaf', leaf: { term: 'raqq', prefix: true } })
    expect(plan('okafr~1').plan).toMatchObject({ k: 'leaf', leaf: { editDistance: 1 } })
    expect(plan('"harbour gate"').plan.k).toBe('phrase')
  })

  it('refuses a search of common words only, and a prefix of one letter, saying what to do', () => {
    expect(() => plan('the of and')).toThrow(/more specific word/)
    expect(() => plan('r*')).toThrow(/at least 2 letters/)
  })
})

describe('fuzzy search on long words (#25 item 9)', () => {
  it('refuses at once, with what to do, instead of freezing the search', () => {
    expect(() => plan(`${'abcdefghij'.repeat(16)}~2`)).toThrow(/Fuzzy search works on words of up to 24 letters .* has 160\): remove the "~"/)
    expect(plan('reconstruction~1').plan).toMatchObject({ k: 'leaf', leaf: { editDistance: 1 } })
  })
})
