import { describe, expect, it } from 'vitest'
import { sentences } from '../../../../src-main/core/text/sentences'

describe('sentences', () => {
  it('end at full stops and paragraph breaks, not after abbreviations or initials, with offsets into the text', () => {
    const text = 'Gen. Ana Costa met Mr. J. Okafor in the U.S. capital. They talked.\nA new paragraph "starts" here'
    const s = sentences(text)
    expect(s.map((x) => x.text)).toEqual(['Gen. Ana Costa met Mr. J. Okafor in the U.S. capital.', 'They talked.', 'A new paragraph "starts" here'])
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text)
  })
})
