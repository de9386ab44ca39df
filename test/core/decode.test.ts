import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src-main/core/text/decode'
import { cp1252Bytes, utf16leBytes } from '../fixtures/archive'

const ok = (r: ReturnType<typeof decodeText>) => {
  if (!r.ok) throw new Error(r.reason)
  return r
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(ok(decodeText(Buffer.from('Tikrīt ’24'))).text).toBe('Tikrīt ’24')
    const bom = ok(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Raqqa')])))
    expect(bom).toMatchObject({ text: 'Raqqa', encoding: 'utf-8-bom' })
  })

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(ok(decodeText(utf16leBytes('Deir ez-Zor “x”')))).toMatchObject({ text: 'Deir ez-Zor “x”', encoding: 'utf-16le' })
    const be = Buffer.from('Mosul', 'utf16le').swap16()
    expect(ok(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])))).toMatchObject({ text: 'Mosul', encoding: 'utf-16be' })
  })

  it('recognises UTF-16 LE without a BOM from its NUL pattern', () => {
    expect(ok(decodeText(Buffer.from('A long enough line of text', 'utf16le')))).toMatchObject({ encoding: 'utf-16le', text: 'A long enough line of text' })
  })

  it('detects Windows-1252 instead of mangling curly quotes, dashes and accents', () => {
    const r = ok(decodeText(cp1252Bytes('The “café” – Léon’s')))
    expect(r).toMatchObject({ encoding: 'windows-1252', text: 'The “café” – Léon’s' })
  })

  it('refuses binary and empty content with a reason', () => {
    expect(decodeText(Buffer.from([0x00, 0x01, 0x02, 0x00, 0x9c, 0x00, 0x00, 0x07]))).toEqual({ ok: false, reason: expect.stringMatching(/binary/) })
    expect(decodeText(Buffer.from([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x41]))).toEqual({ ok: false, reason: expect.stringMatching(/binary/) })
    expect(decodeText(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty file' })
    expect(decodeText(Buffer.from('  \n\n '))).toEqual({ ok: false, reason: 'empty file' })
  })
})
