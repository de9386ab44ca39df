/**
 * Keyword-in-context snippets. Highlights are found by re-tokenising the document with the same
 * term rules as the index (no positions are stored in Lunr: that would double its size), so
 * "alDulaimi" gets "Dulaimi" marked for the query dulaimi, and "8,500" for 8500.
 * A snippet is plain text with the matches as spans; HTML (escaped, <mark> around matches) is made
 * only where it is shown as HTML (the CLI's JSON).
 */
import { words } from '../text/words'
import { termFor } from './terms'

export const SNIPPET_LENGTH = 220
const LEAD = 60

type Span = [number, number]

export function highlightSpans(text: string, terms: ReadonlySet<string>, phraseSpans: readonly Span[] = []): Span[] {
  const spans: Span[] = [...phraseSpans]
  if (terms.size) {
    for (const w of words(text)) {
      if (w.parts.length > 1) {
        const joined = termFor(w.parts.map((p) => p.text).join(''))
        if (joined && terms.has(joined)) {
          spans.push([w.start, w.parts[w.parts.length - 1]!.end])
          continue
        }
      }
      for (const p of w.parts) {
        const t = termFor(p.text, p.allCaps)
        if (t && terms.has(t)) spans.push([p.start, p.end])
      }
    }
  }
  return mergeSpans(spans)
}

function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const out: Span[] = []
  for (const s of spans) {
    const last = out[out.length - 1]
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1])
    else out.push([s[0], s[1]])
  }
  return out
}

/** A passage of a document with its matches marked: plain text, and [start, end) spans in it. */
export interface Snippet {
  text: string
  marks: Span[]
}

/** The window of the text with the most distinct matches, whitespace collapsed, its matches as spans. */
export function makeFragment(text: string, spans: readonly Span[], length = SNIPPET_LENGTH): Snippet {
  let start = 0
  if (spans.length) {
    // slide a window over the spans; prefer windows covering more distinct matched words
    let best = -1
    let bestAt = 0
    for (let i = 0; i < spans.length; i++) {
      const seen = new Set<string>()
      for (let j = i; j < spans.length && spans[j]![1] <= spans[i]![0] + length - LEAD; j++) {
        seen.add(text.slice(spans[j]![0], spans[j]![1]).toLowerCase())
      }
      if (seen.size > best) {
        best = seen.size
        bestAt = i
      }
    }
    start = Math.max(0, spans[bestAt]![0] - LEAD)
  }
  let end = Math.min(text.length, start + length)
  // snap to word boundaries
  if (start > 0) {
    const sp = text.slice(start, start + 20).search(/\s/)
    if (sp >= 0) start += sp + 1
  }
  if (end < text.length) {
    const back = text.slice(Math.max(start, end - 20), end).search(/\s\S*$/)
    if (back >= 0) end = Math.max(start, end - 20) + back
  }
  let out = start > 0 ? '… ' : ''
  const marks: Span[] = []
  let cursor = start
  for (const [s, e] of spans) {
    if (e <= start || s >= end) continue
    const a = Math.max(s, start)
    const b = Math.min(e, end)
    out += plain(text.slice(cursor, a))
    const at = out.length
    out += plain(text.slice(a, b))
    marks.push([at, out.length])
    cursor = b
  }
  out += plain(text.slice(cursor, end))
  if (end < text.length) out += ' …'
  return { text: out, marks }
}

/** A snippet as escaped HTML in which only <mark>…</mark> is markup (the CLI's JSON). */
export function snippetHtml(s: Snippet): string {
  let html = ''
  let cursor = 0
  for (const [a, b] of s.marks) {
    html += escapeHtml(s.text.slice(cursor, a)) + '<mark>' + escapeHtml(s.text.slice(a, b)) + '</mark>'
    cursor = b
  }
  return html + escapeHtml(s.text.slice(cursor))
}

/** The same as HTML, in one call. */
export function makeSnippet(text: string, spans: readonly Span[], length = SNIPPET_LENGTH): string {
  return snippetHtml(makeFragment(text, spans, length))
}

function plain(s: string): string {
  return s.replace(/\s+/g, ' ')
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}
