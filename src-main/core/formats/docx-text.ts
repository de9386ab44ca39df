/**
 * The text of a Word document's body (word/document.xml): paragraphs in order, each a line, runs'
 * text (w:t) joined, tabs and breaks kept; deleted text (w:delText) and field codes (w:instrText)
 * are not text; of an mc:AlternateContent only the first choice is read (its fallback repeats it).
 * A scan over the XML, no DOM: mammoth, which converts to HTML, took 2 ms for a one-page file.
 */
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function unescapeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    const code = hex ? parseInt(hex, 16) : dec ? Number(dec) : undefined
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    return ENTITY[name!] ?? m
  })
}

const TAG = /<(\/?)([\w]+:[\w]+|[\w]+)\b[^>]*?(\/?)>/g

export function docxBodyText(xml: string): string {
  const paragraphs: string[] = []
  let line: string[] = []
  let inText = false
  let skipDepth = 0 // inside mc:Fallback, w:del's run properties are harmless; only Fallback is skipped
  let textStart = 0
  TAG.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = TAG.exec(xml)); ) {
    const [whole, closing, name, selfClosing] = m
    if (inText) {
      if (closing && name === 'w:t') {
        if (!skipDepth) line.push(unescapeXml(xml.slice(textStart, m.index)))
        inText = false
      }
      continue
    }
    if (name === 'mc:Fallback') {
      if (closing) skipDepth = Math.max(0, skipDepth - 1)
      else if (!selfClosing) skipDepth++
      continue
    }
    if (skipDepth) continue
    switch (name) {
      case 'w:t':
        if (!closing && !selfClosing) {
          inText = true
          textStart = m.index + whole.length
        }
        break
      case 'w:tab':
        if (!closing) line.push('\t')
        break
      case 'w:br':
      case 'w:cr':
        if (!closing) line.push('\n')
        break
      case 'w:p':
        if (closing || selfClosing) {
          const text = line.join('').replace(/[ \t]+$/gm, '')
          if (text.trim()) paragraphs.push(text.trim())
          line = []
        }
        break
      default:
        break
    }
  }
  return paragraphs.join('\n\n')
}
