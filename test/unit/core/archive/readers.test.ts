import { describe, expect, it } from 'vitest'
import { readerFor } from '../../../../src-main/core/archive/readers'

describe('document readers', () => {
  it('are chosen by extension, in any case; other files have none', () => {
    expect(readerFor('.TXT')?.extensions).toContain('.txt')
    expect(readerFor('.md')?.extensions).toContain('.md')
    expect(readerFor('.jpg')).toBeUndefined()
  })

  it('read text in the encodings archives have, and refuse binary files with a reason', () => {
    const txt = readerFor('.txt')!
    expect(txt.read(new TextEncoder().encode('Café report'))).toMatchObject({ ok: true, text: 'Café report' })
    expect(txt.read(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]))).toMatchObject({ ok: true, text: 'AB' })
    const r = txt.read(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]))
    expect(r.ok).toBe(false)
  })
})
