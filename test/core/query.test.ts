import { describe, expect, it } from 'vitest'
import { lowerQuery } from '../../src-main/core/search/plan'
import { parseQuery, QueryError } from '../../src-main/core/search/query'

describe('parseQuery', () => {
  it('ANDs words by default and binds OR tighter than the implicit AND (as web search does)', () => {
    expect(parseQuery('khatib raqqa')).toEqual({ kind: 'and', children: [{ kind: 'term', text: 'khatib' }, { kind: 'term', text: 'raqqa' }] })
    expect(parseQuery('isis OR isil raqqa')).toEqual({
      kind: 'and',
      children: [{ kind: 'or', children: [{ kind: 'term', text: 'isis' }, { kind: 'term', text: 'isil' }] }, { kind: 'term', text: 'raqqa' }]
    })
  })

  it('reads exclusions, phrases, fields, prefixes, fuzzy terms and groups', () => {
    expect(parseQuery('-telegraph')).toEqual({ kind: 'not', child: { kind: 'term', text: 'telegraph' } })
    expect(parseQuery('NOT telegraph')).toEqual({ kind: 'not', child: { kind: 'term', text: 'telegraph' } })
    expect(parseQuery('"internal than external"')).toEqual({ kind: 'phrase', text: 'internal than external' })
    expect(parseQuery('title:"islamic state"')).toEqual({ kind: 'phrase', text: 'islamic state', field: 'title' })
    expect(parseQuery('title:raqqa')).toEqual({ kind: 'term', text: 'raqqa', field: 'title' })
    expect(parseQuery('raqq*')).toEqual({ kind: 'term', text: 'raqq', prefix: true })
    expect(parseQuery('khatip~1')).toEqual({ kind: 'term', text: 'khatip', fuzzy: 1 })
    expect(parseQuery('(isis OR daesh) -iraq')).toEqual({
      kind: 'and',
      children: [
        { kind: 'or', children: [{ kind: 'term', text: 'isis' }, { kind: 'term', text: 'daesh' }] },
        { kind: 'not', child: { kind: 'term', text: 'iraq' } }
      ]
    })
  })

  it.each([
    ['title:', /needs a word after it/],
    ['~', /must follow a word/],
    ['raqqa~5', /1 or 2 edits/],
    ['"internal than', /not closed/],
    ['php:foo', /Unknown field "php:"/],
    ['isis OR', /OR.*both sides/],
    ['*', /start of a word/],
    ['ra*qa', /end of a word/],
    ['(isis', /bracket is not closed/],
    ['isis)', /no "\("/],
    ['""', /empty/]
  ])('explains the syntax error in %j', (q, message) => {
    expect(() => parseQuery(q)).toThrow(QueryError)
    expect(() => parseQuery(q)).toThrow(message)
  })
})

describe('lowerQuery', () => {
  it('reports ignored stop words and refuses a query of stop words only', () => {
    expect(lowerQuery(parseQuery('the raqqa')).ignored).toEqual(['the'])
    expect(() => lowerQuery(parseQuery('the of'))).toThrow(/common words/)
  })

  it('turns a hyphenated word into "joined OR all parts"', () => {
    expect(lowerQuery(parseQuery('al-Dulaimi')).plan).toEqual({
      k: 'or',
      children: [
        { k: 'leaf', leaf: { term: 'aldulaimi' } },
        { k: 'and', children: [{ k: 'leaf', leaf: { term: 'al' } }, { k: 'leaf', leaf: { term: 'dulaimi' } }] }
      ]
    })
  })
})
