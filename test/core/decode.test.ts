import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src-main/core/text/decode'
import { cp1252Bytes, utf16leBytes } from '../fixtures/archive'
import { encodeLegacy, noiseBytes, SCRIPTS, utf16Bytes, utf32Bytes } from '../fixtures/encodings'

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

describe('decodeText: one decision per file among UTF-8, UTF-16/32 and the legacy charsets (#25 item 11)', () => {
  it('keeps a UTF-8 file UTF-8 when one stray byte is invalid, replacing only that byte', () => {
    const bytes = Buffer.concat([Buffer.from('Talks in Zürich resumed on Monday, said Zoë Müller. '), Buffer.from([0x92]), Buffer.from(' Strikers met in Köln.')])
    const r = ok(decodeText(bytes))
    expect(r.encoding).toBe('utf-8')
    expect(r.text).toContain('Zürich')
    expect(r.text).toContain('Köln')
    expect(r.note).toMatch(/1 invalid UTF-8 sequence replaced/)
  })

  it.each([
    ['russian', 'koi8-r'],
    ['russian', 'windows-1251'],
    ['greek', 'iso-8859-7'],
    ['chinese', 'gb18030'],
    ['japanese', 'shift_jis'],
    ['korean', 'euc-kr'],
    ['polish', 'iso-8859-2'],
    ['arabic', 'windows-1256'],
    ['german', 'windows-1252']
  ] as const)('reads %s text in %s as that charset', (script, label) => {
    const r = ok(decodeText(encodeLegacy(SCRIPTS[script], label)))
    expect(r.text).toBe(SCRIPTS[script])
    expect(r.encoding).toBe(label)
    expect(r.note).toMatch(/detected as/)
  })

  it.each(['arabic', 'chinese', 'japanese', 'russian'] as const)('reads %s in UTF-16 without a BOM, in either byte order', (script) => {
    for (const le of [true, false]) {
      const r = ok(decodeText(utf16Bytes(`${SCRIPTS[script]}\n${SCRIPTS[script]}\n`, le)))
      expect(r).toMatchObject({ encoding: le ? 'utf-16le' : 'utf-16be', text: `${SCRIPTS[script]}\n${SCRIPTS[script]}\n` })
    }
  })

  it('reads UTF-32 with and without a BOM, in either byte order', () => {
    for (const le of [true, false]) {
      for (const bom of [true, false]) {
        const r = ok(decodeText(utf32Bytes(SCRIPTS.greek, le, bom)))
        expect(r).toMatchObject({ encoding: le ? 'utf-32le' : 'utf-32be', text: SCRIPTS.greek })
      }
    }
  })

  it('indexes text with a few stray NUL bytes without them, and does not read ASCII as UTF-16', () => {
    const text = 'The port strike ended on Tuesday after talks in Gdańsk, officials said.\n'.repeat(4)
    const bytes = Buffer.from(text)
    const damaged = Buffer.concat([bytes.subarray(0, 40), Buffer.from([0]), bytes.subarray(40, 90), Buffer.from([0]), bytes.subarray(90), Buffer.from([0])])
    const r = ok(decodeText(damaged))
    expect(r).toMatchObject({ encoding: 'utf-8', text, note: '3 NUL bytes removed' })
  })

  it('refuses random bytes without NUL as binary, whatever their range', () => {
    expect(decodeText(noiseBytes(4096, 7))).toEqual({ ok: false, reason: expect.stringMatching(/^binary file/) })
    expect(decodeText(noiseBytes(4096, 11, 0x20, 0xff))).toEqual({ ok: false, reason: expect.stringMatching(/^binary file/) })
  })

  it('reads a short Windows-1252 note the detector has too little to go on', () => {
    const r = ok(decodeText(cp1252Bytes('Caf\u00e9 closed.')))
    expect(r.text).toBe('Café closed.')
    expect(r.encoding).toBe('windows-1252')
  })
})
