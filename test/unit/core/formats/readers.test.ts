// Each format's reader on our own fixture files: the article's text without boilerplate, its
// title, and what the file states (outlet, byline, URL, publication date with where it is stated).
import { describe, expect, it } from 'vitest'
import { readDocuments, type Document } from '../../../../src-main/core/archive/document'
import * as fx from '../../../fixtures/formats'

const enc = (s: string) => new TextEncoder().encode(s)

async function read(name: string, bytes: Uint8Array): Promise<Document[]> {
  const r = await readDocuments({ path: name, size: bytes.length, mtimeMs: 1 }, bytes)
  if (!r.ok) throw new Error(`${name}: ${r.reason}`)
  return r.docs
}

async function refused(name: string, bytes: Uint8Array): Promise<string> {
  const r = await readDocuments({ path: name, size: bytes.length, mtimeMs: 1 }, bytes)
  if (r.ok) throw new Error(`${name} was read`)
  return r.reason
}

function expectArticle(d: Document, e: fx.Expected): void {
  expect(d.title).toBe(e.title)
  for (const line of e.body) expect(d.text).toContain(line)
  expect(d.meta?.outlet).toBe(e.outlet)
  expect(d.meta?.author).toBe(e.author)
  if (e.url) expect(d.meta?.url).toBe(e.url)
  expect(d.meta?.published?.date).toBe(e.published)
  if (e.publishedFrom) expect(d.meta?.published?.from).toContain(e.publishedFrom)
}

describe('saved web pages', () => {
  it('keep the article and drop navigation, cookie banner, related links, comments and footer', async () => {
    const [d] = await read('web/lighthouse.html', enc(fx.SAVED_PAGE))
    expectArticle(d!, fx.SAVED_PAGE_EXPECTED)
    for (const line of fx.BOILERPLATE_LINES) expect(d!.text, line).not.toContain(line)
    expect(d!.text).not.toContain('INJECTED') // no script is run
    expect(d!.meta?.modified?.date).toBe('2024-06-13')
    expect(d!.meta?.language).toBe('en-gb')
    expect(d!.format).toBe('html')
  })

  it('read a publication date stated only in JSON-LD (inside @graph)', async () => {
    const [d] = await read('web/reservoir.html', enc(fx.JSONLD_PAGE))
    expectArticle(d!, fx.JSONLD_EXPECTED)
  })

  it('read a single-file page (.mhtml): its saving date is a capture date, not the publication', async () => {
    const [d] = await read('web/tram.mhtml', enc(fx.MHTML))
    expectArticle(d!, fx.MHTML_EXPECTED)
    expect(d!.meta?.captured?.date).toBe('2024-03-14')
  })

  it('take a page in a legacy encoding by its declared charset', async () => {
    const html = '<html><head><meta charset="windows-1252"><title>x</title></head><body><article><h1>Caf\xe9 owners count the cost</h1><p>Owners in L\xe9onville said the floods closed 40 shops for a week and that insurers had not paid.</p></article></body></html>'
    const [d] = await read('legacy.htm', Uint8Array.from(html, (c) => c.charCodeAt(0)))
    expect(d!.text).toContain('Owners in Léonville said')
  })

  it('refuse a page with no text, with a reason', async () => {
    expect(await refused('empty.html', enc('<html><body><nav>Home</nav><script>x()</script></body></html>'))).toMatch(/no article text/)
  })
})

describe('PDF', () => {
  it('reads the pages in order and keeps the browser print margins apart: capture date and source URL', async () => {
    const [d] = await read('print/lighthouse.pdf', fx.buildPdf())
    expectArticle(d!, fx.PDF_EXPECTED)
    expect(d!.meta?.captured).toEqual({ date: '2024-06-14', from: 'the print date in the page header' })
    expect(d!.meta?.published).toBeUndefined() // printing is not publishing
    expect(d!.text).not.toMatch(/6\/14\/24|1\/2|2\/2/)
    expect(d!.text.indexOf('Gull Point reopened')).toBeLessThan(d!.text.indexOf('donations from more than'))
  })

  it('reports a scan without a text layer, a damaged file and an encrypted one, with reasons', async () => {
    expect(await refused('scan.pdf', fx.buildPdf({ textLayer: false }))).toMatch(/no text layer \(scanned\?\)/)
    expect(await refused('broken.pdf', enc('%PDF-1.4\nthis is not a PDF body\n%%EOF'))).toMatch(/damaged PDF/)
    expect(await refused('locked.pdf', fx.buildPdf({ encrypted: true }))).toBe('encrypted PDF (it needs a password)')
  })
})

describe('office documents', () => {
  it('read a Word file: body, title and author; its creation date is not a publication date', async () => {
    const [d] = await read('docs/contracts.docx', fx.buildDocx())
    expectArticle(d!, fx.WORD_EXPECTED)
    expect(d!.meta?.captured?.date).toBe('2024-04-22')
  })

  it('refuse a Word file that would unpack to far more than it weighs (a zip bomb), without unpacking it', async () => {
    const bytes = fx.buildDocx()
    // declare 900 MB for the body in the zip's central directory
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = 0; i + 46 < bytes.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 900 * 1024 * 1024, true)
    }
    expect(await refused('bomb.docx', bytes)).toMatch(/zip bomb/)
    expect(await refused('junk.docx', enc('not a zip at all'))).toMatch(/damaged/)
    expect(await refused('locked.docx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(/encrypted or old-format/)
  })

  it('read an OpenDocument text', async () => {
    const [d] = await read('docs/minutes.odt', fx.buildOdt())
    expectArticle(d!, fx.ODT_EXPECTED)
  })

  it('read RTF: paragraphs, escapes and the info group, not the font table', async () => {
    const [d] = await read('docs/bridge.rtf', enc(fx.RTF))
    expectArticle(d!, fx.RTF_EXPECTED)
    expect(d!.text).not.toMatch(/Times New Roman|Writer/)
  })
})

describe('e-mail and feeds', () => {
  it('read a message: subject as title, sender as outlet, the Date header as written', async () => {
    const [d] = await read('mail/tip.eml', enc(fx.EML))
    expectArticle(d!, fx.EML_EXPECTED)
  })

  it('split a mailbox into its three newsletters, one article each, at stable paths', async () => {
    const docs = await read('mail/news.mbox', enc(fx.MBOX))
    expect(docs.map((d) => d.path)).toEqual(['mail/news.mbox#1', 'mail/news.mbox#2', 'mail/news.mbox#3'])
    docs.forEach((d, i) => expectArticle(d, fx.MBOX_EXPECTED[i]!))
    expect(new Set(docs.map((d) => d.id)).size).toBe(3)
    expect(docs.every((d) => d.container === 'mail/news.mbox')).toBe(true)
  })

  it('read RSS and Atom items with link, date and author; the feed is the outlet', async () => {
    const rss = await read('feeds/herald.rss', enc(fx.RSS))
    rss.forEach((d, i) => expectArticle(d, fx.RSS_EXPECTED[i]!))
    const [atom] = await read('feeds/coastal.atom', enc(fx.ATOM))
    expectArticle(atom!, fx.ATOM_EXPECTED)
  })
})

describe('database exports', () => {
  it('split a Nexis Uni export of five articles (cover page dropped) with outlet, byline, date and word count', async () => {
    const docs = await read('exports/nexis.txt', enc(fx.NEXIS_TXT))
    expect(docs).toHaveLength(5)
    docs.forEach((d, i) => expectArticle(d, fx.NEXIS_EXPECTED[i]!))
    expect(docs[0]!.text).not.toMatch(/Job Number|Client\/Matter|Load-Date|End of Document/)
    expect(docs[2]!.meta?.words).toBe(290)
    expect(docs[0]!.format).toBe('nexis')
  })

  it('keep a headline with a colon as the headline, not a field', async () => {
    const docs = await read('exports/colon.txt', enc(fx.NEXIS_TXT.replaceAll('Dock union rejects pay offer', 'Analysis: dock union rejects pay offer')))
    expect(docs[0]!.title).toBe('Analysis: dock union rejects pay offer')
    expect(docs[0]!.meta?.outlet).toBe('The Selwyn Chronicle')
  })

  it('split the classic "N of M DOCUMENTS" layout', async () => {
    const docs = await read('exports/classic.txt', enc(fx.NEXIS_CLASSIC_TXT))
    expect(docs).toHaveLength(2)
    docs.forEach((d, i) => expectArticle(d, { ...fx.NEXIS_EXPECTED[i]!, publishedFrom: 'Nexis' }))
    expect(docs[1]!.text).not.toMatch(/LOAD-DATE|PUBLICATION-TYPE|Copyright/)
  })

  it('split Factiva exports with and without field codes', async () => {
    const coded = await read('exports/factiva.txt', enc(fx.FACTIVA_TXT))
    expect(coded).toHaveLength(5)
    coded.forEach((d, i) => expectArticle(d, fx.FACTIVA_EXPECTED[i]!))
    expect(coded[0]!.text).not.toMatch(/^(?:HD|WC|PD|SN|AN)\b/m)
    const plain = await read('exports/factiva-plain.txt', enc(fx.FACTIVA_PLAIN_TXT))
    expect(plain).toHaveLength(2)
    plain.forEach((d, i) => expectArticle(d, { ...fx.FACTIVA_EXPECTED[i]!, publishedFrom: 'Factiva date line' }))
    expect(plain[0]!.text).not.toMatch(/words|NLDG|Copyright/)
  })

  it('split an export saved as Word, RTF or HTML the same way', async () => {
    const lines = (t: string) => t.split('\n')
    const docx = await read('exports/nexis.docx', fx.buildDocx(lines(fx.NEXIS_TXT)))
    expect(docx.map((d) => d.path)).toEqual([1, 2, 3, 4, 5].map((n) => `exports/nexis.docx#${n}`))
    docx.forEach((d, i) => expectArticle(d, fx.NEXIS_EXPECTED[i]!))
    const rtf = await read('exports/factiva.rtf', enc(`{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\n${lines(fx.FACTIVA_TXT).map((l) => `${l.replace(/[\\{}]/g, (c) => `\\${c}`)}\\par\n`).join('')}}`))
    expect(rtf).toHaveLength(5)
    rtf.forEach((d, i) => expectArticle(d, fx.FACTIVA_EXPECTED[i]!))
    const html = await read('exports/factiva.html', enc(`<html><head><title>Factiva</title></head><body>${lines(fx.FACTIVA_TXT).map((l) => `<div>${l}</div>`).join('\n')}</body></html>`))
    expect(html).toHaveLength(5)
    html.forEach((d, i) => expectArticle(d, fx.FACTIVA_EXPECTED[i]!))
    expect(html[0]!.format).toBe('factiva')
  })

  it('leave an ordinary text that mentions "Document" or "Length:" alone', async () => {
    const docs = await read('notes/memo.txt', enc('Memo on the port\n\nLength: two pages. Document A is attached.\n\nEnd of story.'))
    expect(docs).toHaveLength(1)
    expect(docs[0]!.container).toBeUndefined()
    expect(docs[0]!.format).toBeUndefined()
  })
})
