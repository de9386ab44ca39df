import { describe, expect, it } from 'vitest'
import { foldTextAligned, foldWord } from '../../../../src-main/core/text/fold'

describe('folding', () => {
  it('makes the spellings a reader takes for one word one string', () => {
    expect(foldWord('Tikrīt')).toBe('tikrit')
    expect(foldWord('Erdoğan')).toBe('erdogan')
    expect(foldWord('Straße')).toBe('strasse')
    expect(foldWord('Łódź')).toBe('lodz')
    expect(foldWord('ﬁnance')).toBe('finance') // ligature
    expect(foldWord('Ｒａｑｑａ')).toBe('raqqa') // full width
    expect(foldWord("Syria’s")).toBe('syrias')
  })

  it('folds a whole text one unit for one, so offsets stay those of the original', () => {
    const text = 'Deir ez-Zōr — “İstanbul” and Tikrīt'
    const folded = foldTextAligned(text)
    expect(folded.length).toBe(text.length)
    expect(folded.slice(text.indexOf('Tikrīt'))).toBe('tikrit')
    expect(folded.slice(0, 11)).toBe('deir ez-zor')
  })
})
