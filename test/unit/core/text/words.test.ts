import { describe, expect, it } from 'vitest'
import { words } from '../../../../src-main/core/text/words'

const parts = (t: string) => [...words(t)].map((w) => w.parts.map((p) => p.text))

describe('words', () => {
  it('split hyphens and the camel-case joins a scraper left into folded parts; thousands separators go', () => {
    expect(parts('self-proclaimed')).toEqual([['self', 'proclaimed']])
    expect(parts('alDulaimi')).toEqual([['al', 'dulaimi']])
    expect(parts('8,500 fighters')).toEqual([['8500'], ['fighters']])
    expect([...words('ISIS and UN')].map((w) => w.parts[0]!.allCaps)).toEqual([true, false, true])
  })

  it('keep each word\'s offsets in the original text', () => {
    const text = 'Deir  ez-Zor, 8,500 alDulaimi'
    const seen = [...words(text)].flatMap((w) => w.parts.map((p) => text.slice(p.start, p.end).toLowerCase().replace(/,/g, '')))
    expect(seen).toEqual([...words(text)].flatMap((w) => w.parts.map((p) => p.text)))
  })
})
