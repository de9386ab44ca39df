import { describe, expect, it } from 'vitest'
import { scanTokens } from '../../../../src-main/core/entities/scan'

const values = (text: string) => scanTokens(text).map((t) => t.value)

describe("the recogniser pipeline's tokens (scanTokens)", () => {
  it('splits words from punctuation and keeps offsets into the text', () => {
    const text = 'Ferries halted, officials said (Tuesday).'
    const tokens = scanTokens(text)
    expect(tokens.map((t) => t.value)).toEqual(['Ferries', 'halted', ',', 'officials', 'said', '(', 'Tuesday', ')', '.'])
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.value)
  })

  it('splits possessives and negations off as the training text does', () => {
    expect(values("Brandt's firm didn't pay; they're late")).toEqual(['Brandt', "'s", 'firm', 'did', "n't", 'pay', ';', 'they', "'re", 'late'])
    expect(values('Ndlovu’s team can’t')).toEqual(['Ndlovu', '’s', 'team', 'ca', 'n’t'])
    // a scraped copy without apostrophes
    expect(values('officials didnt say')).toEqual(['officials', 'did', 'nt', 'say'])
    // an apostrophe inside a name stays in it
    expect(values("O'Rourke of Qal'at Harbour")).toEqual(["O'Rourke", 'of', "Qal'at", 'Harbour'])
  })

  it('keeps abbreviations, initials and numbers whole', () => {
    expect(values('U.S. envoy J.P. Varga of Aldmere Corp. met Gen. Ostrova at 10:30 a.m.')).toEqual([
      'U.S.', 'envoy', 'J.P.', 'Varga', 'of', 'Aldmere', 'Corp.', 'met', 'Gen.', 'Ostrova', 'at', '10:30', 'a.m.'
    ])
    expect(values('Pirelli Cables paid $1,250.5 million on 12/05/1996, won 5-4')).toEqual([
      'Pirelli', 'Cables', 'paid', '$', '1,250.5', 'million', 'on', '12/05/1996', ',', 'won', '5-4'
    ])
    // a sentence's last word keeps no dot unless it is an abbreviation
    expect(values('They left Harbourside. Then')).toEqual(['They', 'left', 'Harbourside', '.', 'Then'])
  })

  it('splits hyphenated words except after a prefix', () => {
    expect(values('al-Haddad anti-Ostrovan U.K.-based')).toEqual(['al', '-', 'Haddad', 'anti-Ostrovan', 'U.K.', '-', 'based'])
  })

  it('reads letters outside Latin-1 as letters', () => {
    expect(values('Erdoğan visited Tikrīt and Qalʿat')).toEqual(['Erdoğan', 'visited', 'Tikrīt', 'and', 'Qalʿat'])
  })

  it('keeps URLs and addresses whole and skips spaceless runs too long to be a name', () => {
    expect(values('see https://example.org/a?b=1. Mail desk@example.org now')).toEqual(['see', 'https://example.org/a?b=1', '.', 'Mail', 'desk@example.org', 'now'])
    const hex = 'ab'.repeat(200)
    expect(values(`Before ${hex} After`)).toEqual(['Before', 'After'])
  })

  it('marks where sentences start: after an end mark, a colon or a line break', () => {
    const starts = (text: string) => scanTokens(text).filter((t) => t.sentenceStart).map((t) => t.value)
    expect(starts('Ferries ran. "Calm," she said? Yes\nLater: ok')).toEqual(['Ferries', '"', 'Calm', 'Yes', 'Later', 'ok'])
  })
})
