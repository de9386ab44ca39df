import { describe, expect, it } from 'vitest'
import { makeFragment, makeSnippet, snippetHtml } from '../../../../src-main/core/search/snippet'
import { snippetParts } from '../../../../src-renderer/lib/snippet'

const text = 'Officials said <b>"Haddad" & co</b>\nmet   in Valmora; Haddad left early.'
const spans: Array<[number, number]> = [[text.indexOf('Haddad'), text.indexOf('Haddad') + 6], [text.lastIndexOf('Haddad'), text.lastIndexOf('Haddad') + 6]]

describe('snippets', () => {
  it('give plain text with the matches as spans into it, whitespace collapsed', () => {
    const f = makeFragment(text, spans)
    expect(f.text).toBe('Officials said <b>"Haddad" & co</b> met in Valmora; Haddad left early.')
    expect(f.marks.map(([a, b]) => f.text.slice(a, b))).toEqual(['Haddad', 'Haddad'])
  })

  it('become escaped HTML only when asked, with nothing but <mark> as markup', () => {
    const html = snippetHtml(makeFragment(text, spans))
    expect(html).toBe('Officials said &lt;b&gt;&quot;<mark>Haddad</mark>&quot; &amp; co&lt;/b&gt; met in Valmora; <mark>Haddad</mark> left early.')
    expect(makeSnippet(text, spans)).toBe(html)
  })

  it('mark a long text\'s best window, with ellipses where it was cut', () => {
    const long = `${'filler words here '.repeat(30)}the Haddad family ${'more filler text '.repeat(30)}`
    const at = long.indexOf('Haddad')
    const f = makeFragment(long, [[at, at + 6]])
    expect(f.text.startsWith('… ')).toBe(true)
    expect(f.text.endsWith(' …')).toBe(true)
    expect(f.marks.map(([a, b]) => f.text.slice(a, b))).toEqual(['Haddad'])
  })

  it('are cut into text pieces for the window at their marks', () => {
    expect(snippetParts({ text: 'a Haddad b', marks: [[2, 8]] })).toEqual([
      { text: 'a ', mark: false },
      { text: 'Haddad', mark: true },
      { text: ' b', mark: false }
    ])
  })
})
