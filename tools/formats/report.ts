/**
 * npm run eval:formats: on our fixtures of every format (test/fixtures/formats.ts), the share of
 * the saved page's boilerplate lines left in the text, and the share of the metadata fields each
 * fixture states (title, outlet, author, publication date with its source, URL) read right.
 * Fixtures are our own writing: this checks the readers do what they claim, not how they fare on
 * real pages (no annotated set of saved news pages is at hand).
 */
import { readDocuments, type Document } from '../../src-main/core/archive/document'
import * as fx from '../../test/fixtures/formats'

const enc = (s: string) => new TextEncoder().encode(s)
const cases: Array<[string, Uint8Array, fx.Expected[]]> = [
  ['web/lighthouse.html', enc(fx.SAVED_PAGE), [fx.SAVED_PAGE_EXPECTED]],
  ['web/reservoir.html', enc(fx.JSONLD_PAGE), [fx.JSONLD_EXPECTED]],
  ['web/tram.mhtml', enc(fx.MHTML), [fx.MHTML_EXPECTED]],
  ['print/lighthouse.pdf', fx.buildPdf(), [fx.PDF_EXPECTED]],
  ['docs/contracts.docx', fx.buildDocx(), [fx.WORD_EXPECTED]],
  ['docs/minutes.odt', fx.buildOdt(), [fx.ODT_EXPECTED]],
  ['docs/bridge.rtf', enc(fx.RTF), [fx.RTF_EXPECTED]],
  ['mail/tip.eml', enc(fx.EML), [fx.EML_EXPECTED]],
  ['mail/news.mbox', enc(fx.MBOX), fx.MBOX_EXPECTED],
  ['feeds/herald.rss', enc(fx.RSS), fx.RSS_EXPECTED],
  ['feeds/coastal.atom', enc(fx.ATOM), [fx.ATOM_EXPECTED]],
  ['exports/nexis.txt', enc(fx.NEXIS_TXT), fx.NEXIS_EXPECTED],
  ['exports/factiva.txt', enc(fx.FACTIVA_TXT), fx.FACTIVA_EXPECTED]
]

let fields = 0
let right = 0
const wrong: string[] = []
for (const [name, bytes, expected] of cases) {
  const r = await readDocuments({ path: name, size: bytes.length, mtimeMs: 0 }, bytes)
  const docs: Document[] = r.ok ? r.docs : []
  expected.forEach((e, i) => {
    const d = docs[i]
    const checks: Array<[string, unknown, unknown]> = [
      ['title', d?.title, e.title],
      ['outlet', d?.meta?.outlet, e.outlet],
      ['author', d?.meta?.author, e.author],
      ['published', d?.meta?.published?.date, e.published],
      ['url', d?.meta?.url, e.url],
      ['body', e.body.every((l) => d?.text.includes(l)), true]
    ]
    for (const [field, got, want] of checks) {
      if (want === undefined && got === undefined) continue // nothing stated, nothing invented
      fields++
      if (got === want) right++
      else wrong.push(`${name}#${i + 1} ${field}: ${JSON.stringify(got)} (expected ${JSON.stringify(want)})`)
    }
  })
}
const page = await readDocuments({ path: 'p.html', size: 0, mtimeMs: 0 }, enc(fx.SAVED_PAGE))
const left = page.ok ? fx.BOILERPLATE_LINES.filter((l) => page.docs[0]!.text.includes(l)) : fx.BOILERPLATE_LINES
console.log(JSON.stringify({ boilerplateLinesLeft: `${left.length}/${fx.BOILERPLATE_LINES.length}`, metadataFieldsRight: `${right}/${fields}`, share: +(right / fields).toFixed(3), wrong }, null, 2))
