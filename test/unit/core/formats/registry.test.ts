import { describe, expect, it } from 'vitest'
import { fileRejection } from '../../../../src-main/core/archive/scan'
import { readerFor } from '../../../../src-main/core/formats/registry'

describe('format readers', () => {
  it('are chosen by extension, in any case; other files have none', () => {
    expect(readerFor('.TXT')?.extensions).toContain('.txt')
    expect(readerFor('.md')?.extensions).toContain('.md')
    for (const ext of ['.html', '.HTM', '.pdf', '.docx', '.odt', '.rtf', '.eml', '.mbox', '.rss', '.atom', '.mhtml']) expect(readerFor(ext), ext).toBeDefined()
    expect(readerFor('.jpg')).toBeUndefined()
    expect(readerFor('.js')).toBeUndefined()
  })

  it('read text in the encodings archives have, and refuse binary files with a reason', async () => {
    const txt = readerFor('.txt')!
    expect(await txt.read(new TextEncoder().encode('Café report'))).toMatchObject({ ok: true, articles: [{ text: 'Café report' }] })
    expect(await txt.read(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]))).toMatchObject({ ok: true, articles: [{ text: 'AB' }] })
    const r = await txt.read(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]))
    expect(r.ok).toBe(false)
  })

  it('allow mailboxes and PDFs 25 times the size limit of other files', () => {
    const file = (size: number) => ({ isFile: () => true, size })
    const mb = 1024 * 1024
    expect(fileRejection('letters.mbox', file(50 * mb), 20 * mb)).toBeNull()
    expect(fileRejection('report.pdf', file(200 * mb), 20 * mb)).toBeNull()
    expect(fileRejection('report.pdf', file(600 * mb), 20 * mb)).toMatch(/^too large \(600\.0 MB, limit 500\.0 MB\)$/)
    expect(fileRejection('page.html', file(50 * mb), 20 * mb)).toMatch(/^too large/)
  })
})
