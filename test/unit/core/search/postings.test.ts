import { describe, expect, it } from 'vitest'
import { findSorted, findTerm, PostingsBuilder, prefixRange } from '../../../../src-main/core/search/postings'

describe('compact postings', () => {
  it('packs each term\'s documents in document order, with the vocabulary sorted', () => {
    const b = new PostingsBuilder(1)
    const raqqa = b.termId('raqqa')
    const aleppo = b.termId('aleppo')
    expect(b.termId('raqqa')).toBe(raqqa) // stable ids
    b.add(0, raqqa, 0, 2)
    b.add(0, aleppo, 0, 1)
    b.add(0, raqqa, 3, 1)
    b.add(0, aleppo, 5, 4)
    const { terms, postings } = b.finish()
    expect(terms).toEqual(['aleppo', 'raqqa'])
    const p = postings[0]!
    expect([...p.off]).toEqual([0, 2, 4])
    expect([...p.doc]).toEqual([0, 5, 0, 3])
    expect([...p.tf]).toEqual([1, 4, 2, 1])
  })

  it('caps a term frequency at 65,535 instead of wrapping around', () => {
    const b = new PostingsBuilder(1)
    b.add(0, b.termId('the'), 0, 70_000)
    expect(b.finish().postings[0]!.tf[0]).toBe(65_535)
  })

  it('keeps fields apart', () => {
    const b = new PostingsBuilder(2)
    b.add(1, b.termId('body'), 0, 1)
    const { postings } = b.finish()
    expect([...postings[0]!.off]).toEqual([0, 0])
    expect([...postings[1]!.off]).toEqual([0, 1])
  })

  it('finds terms and prefix ranges by binary search', () => {
    const terms = ['deir', 'deiraz', 'deirez', 'raqqa', 'tikrit']
    expect(findTerm(terms, 'raqqa')).toBe(3)
    expect(findTerm(terms, 'mosul')).toBe(-1)
    expect(prefixRange(terms, 'deir')).toEqual([0, 3])
    expect(prefixRange(terms, 'zz')).toEqual([5, 5])
    expect(findSorted(new Uint32Array([1, 4, 9, 12]), 9)).toBe(2)
    expect(findSorted(new Uint32Array([1, 4, 9, 12]), 5)).toBe(-1)
  })
})
