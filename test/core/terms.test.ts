import { describe, expect, it } from 'vitest'
import { foldWord } from '../../src-main/core/text/fold'
import { words } from '../../src-main/core/text/words'
import { ACRONYM_MARK, indexTerms } from '../../src-main/core/search/terms'

const parts = (s: string) => [...words(s)].map((w) => w.parts.map((p) => p.text))
const terms = (s: string) => new Set(indexTerms(s))

describe('folding and word parts', () => {
  it('folds case, diacritics, ligatures and special letters', () => {
    expect(foldWord('Tikrīt')).toBe('tikrit')
    expect(foldWord('ﬁghters')).toBe('fighters')
    expect(foldWord('Straße')).toBe('strasse')
    expect(foldWord('Qal‘at')).toBe('qalat')
  })

  it('drops possessives written with any apostrophe', () => {
    expect(parts("Syria's Syria’s Syrias")).toEqual([['syria'], ['syria'], ['syrias']])
  })

  it('joins thousands separators and keeps offsets on the original text', () => {
    const [w] = [...words('killed 8,500 fighters')].slice(1)
    expect(w!.parts[0]).toMatchObject({ text: '8500', start: 7, end: 12 })
  })

  it('splits hyphenated and camel-case glued words into parts', () => {
    expect(parts('al-Dulaimi alDulaimi ruleReports self-proclaimed')).toEqual([
      ['al', 'dulaimi'],
      ['al', 'dulaimi'],
      ['rule', 'reports'],
      ['self', 'proclaimed']
    ])
    const [w] = [...words('Hassan alDulaimi')].slice(1)
    expect(w!.parts.map((p) => [p.start, p.end])).toEqual([
      [7, 9],
      [9, 16]
    ])
  })

  it('treats U.S. style acronyms as one word', () => {
    expect(parts('the U.K.-based monitor')).toEqual([['the'], ['uk'], ['based'], ['monitor']])
  })
})

describe('index terms', () => {
  it('gives possessive, curly and bare forms one stemmed term', () => {
    expect(indexTerms("Syria's")).toEqual(indexTerms('Syria’s'))
    expect(indexTerms('Syrias')).toEqual(indexTerms('Syria'))
  })

  it('indexes a glued word both whole and by its parts', () => {
    expect(terms('alDulaimi')).toEqual(new Set(['aldulaimi', 'al', 'dulaimi']))
    expect(terms('self-proclaimed')).toEqual(terms('selfProclaimed'))
    expect(terms('self-proclaimed').has(indexTerms('selfproclaimed')[0]!)).toBe(true)
  })

  it('drops stop words but keeps capitalised acronyms that look like them', () => {
    expect(indexTerms('the war is over')).toEqual(indexTerms('war over'))
    expect(indexTerms('IS fighters')).toContain('is' + ACRONYM_MARK)
  })
})
