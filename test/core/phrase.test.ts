import { describe, expect, it } from 'vitest'
import { findPhrase, findPhraseIn, phraseKey, phraseScan, unitText } from '../../src-main/core/search/phrase'

const occurs = (text: string, phrase: string) => findPhrase(unitText(text), phraseKey(phrase)).map(([s, e]) => text.slice(s, e))

describe('exact phrases', () => {
  it('matches across hyphens, glued words and stripped punctuation', () => {
    expect(occurs('Fighting near Deir al-Zour resumed', 'deir al-zour')).toEqual(['Deir al-Zour'])
    expect(occurs('Fighting near Deir alZour resumed', 'deir al-zour')).toEqual(['Deir alZour'])
    expect(occurs('Fighting near Deir Alzour resumed', '"deir al zour"')).toEqual(['Deir Alzour'])
    expect(occurs('is more internal than external she said', 'internal than external')).toEqual(['internal than external'])
    expect(occurs('more “internal” than external,” she', 'internal than external')).toEqual(['internal” than external'])
  })

  it('respects word boundaries and order', () => {
    expect(occurs('a fresh start today', 'art')).toEqual([])
    expect(occurs('external than internal', 'internal than external')).toEqual([])
    expect(occurs('the fighters fought', 'fighter fought')).toEqual(['fighters fought']) // stemmed, as the index is
  })

  it('the scan before the exact check never rules out a real match', () => {
    const cases: Array<[string, string]> = [
      ['Fighting near Deir alZour resumed', 'deir al-zour'],
      ['union officials saidThe situation is', 'the situation'],
      ['New studies show that Syria’s north', 'study shows'],
      ['Syria’s north', 'syrias north'],
      ['killed 8,500 fighters', '8500 fighters'],
      ['Tikrīt road', 'tikrit road'],
      ['killed 8,500 of them', '8500'], // digits only: no literal anchor, the pattern scans
      ['This crisis is fragile, as the situation is FRAGILE.', 'is fragile']
    ]
    for (const [text, phrase] of cases) {
      const expected = occurs(text, phrase)
      expect(expected.length, phrase).toBeGreaterThan(0)
      expect(findPhraseIn(text, phraseKey(phrase), phraseScan(phrase)).map(([s, e]) => text.slice(s, e)), phrase).toEqual(expected)
    }
    expect(findPhraseIn('nothing relevant here', phraseKey('deir al-zour'), phraseScan('deir al-zour'))).toEqual([])
  })

  it('finds every occurrence in a long text by checking windows only, with original offsets', () => {
    const filler = 'Nothing of note happened on the quay that morning. '.repeat(40)
    const text = `${filler}Near Deir alZour the road closed. ${filler}Traffic to Deir al-Zour resumed.`
    const spans = findPhraseIn(text, phraseKey('deir al-zour'), phraseScan('deir al-zour'))
    expect(spans.map(([s, e]) => text.slice(s, e))).toEqual(['Deir alZour', 'Deir al-Zour'])
    expect(findPhraseIn(text, phraseKey('quay road'), phraseScan('quay road'))).toEqual([])
  })
})
