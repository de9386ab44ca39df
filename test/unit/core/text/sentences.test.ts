import { describe, expect, it } from 'vitest'
import { sentences } from '../../../../src-main/core/text/sentences'

describe('sentences', () => {
  it('end at full stops and paragraph breaks, not after abbreviations or initials, with offsets into the text', () => {
    const text = 'Gen. Ana Costa met Mr. J. Okafor in the U.S. capital. They talked.\nA new paragraph "starts" here'
    const s = sentences(text)
    expect(s.map((x) => x.text)).toEqual(['Gen. Ana Costa met Mr. J. Okafor in the U.S. capital.', 'They talked.', 'A new paragraph "starts" here'])
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text)
  })

  it('join the lines of hard-wrapped wire copy, but not a headline to its lead', () => {
    const text =
      'Dock strike spreads to ferries\nKESTRELPORT, Feb 26 - Dockworkers at the northern quays walked\nout on Tuesday, union officials told reporters in\nPort Selwyn, and the ferries fell\nsilent. Talks resume on Friday.\nREUTER'
    const s = sentences(text)
    expect(s.map((x) => x.text.replace(/\n/g, ' '))).toEqual([
      'Dock strike spreads to ferries',
      'KESTRELPORT, Feb 26 - Dockworkers at the northern quays walked out on Tuesday, union officials told reporters in Port Selwyn, and the ferries fell silent.',
      'Talks resume on Friday.',
      'REUTER'
    ])
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text)
  })
})
