/**
 * An HTML element's text as paragraphs: a blank line between blocks (paragraphs, headings, list
 * items, quotes, table rows), a line break for <br>, runs of white space inside a block collapsed.
 * Scripts, styles and forms are not text.
 */
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY'])
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD'])

interface N {
  nodeType: number
  nodeName: string
  nodeValue?: string | null
  childNodes: ArrayLike<N>
}

export function blockText(root: N): string {
  const out: string[] = []
  let line = ''
  const flush = (gap: string) => {
    const t = line.replace(/[ \t\u00a0\f\v]+/g, ' ').trim()
    if (t) out.push(t, gap)
    else if (gap === '\n' && out.length && out[out.length - 1] !== '\n\n') out.push('\n')
    line = ''
  }
  const walk = (n: N) => {
    if (n.nodeType === 3) {
      line += (n.nodeValue ?? '').replace(/\s+/g, ' ')
      return
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return
    const name = n.nodeName.toUpperCase()
    if (SKIP.has(name)) return
    if (name === 'BR') return flush('\n')
    const block = BLOCK.has(name)
    if (block) flush('\n\n')
    if (name === 'TD' || name === 'TH') line += ' '
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!)
    if (block) flush('\n\n')
  }
  walk(root)
  flush('\n\n')
  return out.join('').replace(/\n{3,}/g, '\n\n').trim()
}
