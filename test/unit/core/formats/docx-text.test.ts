// A Word body's text: what the reader of the document sees, not deleted text, field codes or
// the fallback copy of a drawing's text.
import { describe, expect, it } from 'vitest'
import { docxBodyText } from '../../../../src-main/core/formats/docx-text'

const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>${body}</w:body></w:document>`
const p = (...runs: string[]) => `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${runs.join('')}</w:p>`
const r = (t: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`

describe('the text of a Word body', () => {
  it('joins runs into paragraphs, keeps tabs and line breaks, decodes entities', () => {
    expect(docxBodyText(doc(p(r('Harbour '), r('board'), '<w:r><w:tab/></w:r>', r('&amp; ferry &#8211; minutes &lt;draft&gt;')) + p(r('First line'), '<w:r><w:br/></w:r>', r('second line'))))).toBe('Harbour board\t& ferry – minutes <draft>\n\nFirst line\nsecond line')
  })

  it('leaves out deleted text, field codes and empty paragraphs; reads links and table cells', () => {
    const body =
      p(r('Kept'), '<w:del w:id="1"><w:r><w:delText>removed words</w:delText></w:r></w:del>', r(' text')) +
      p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://x.example" </w:instrText></w:r>', '<w:hyperlink r:id="rId5">', r('the link'), '</w:hyperlink>') +
      '<w:p/>' +
      `<w:tbl><w:tr><w:tc>${p(r('cell one'))}</w:tc><w:tc>${p(r('cell two'))}</w:tc></w:tr></w:tbl>`
    expect(docxBodyText(doc(body))).toBe('Kept text\n\nthe link\n\ncell one\n\ncell two')
  })

  it('reads a text box once, not its fallback copy', () => {
    const box = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p(r('Box text'))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(r('Box text'))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
    expect(docxBodyText(doc(p(r('Before')) + `<w:p>${box}</w:p>` + p(r('After'))))).toBe('Before\n\nBox text\n\nAfter')
  })
})
