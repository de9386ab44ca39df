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

/** Sorted, overlapping spans joined. */
export function mergeSpans(spans: Span[]): Span[] {
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
  const [start, end] = windowAround(text, spans, bestStart(text, spans, length, new Set()), length)
  return render(text, spans, start, end)
}

/**
 * Up to `count` passages, in text order, that together show as many of the distinct matched words
 * as they can: the first the richest window, each next one the window richest in words the
 * earlier ones did not show (so a second query word far from the first gets its own passage).
 */
export function makeFragments(text: string, spans: readonly Span[], count = 3, length = FRAGMENT_LENGTH): Snippet[] {
  if (!spans.length) return [makeFragment(text, spans, length)]
  const windows: Array<[number, number]> = []
  const shown = new Set<string>()
  let left = [...spans]
  while (windows.length < count && left.length) {
    const at = bestStart(text, left, length, shown)
    if (at < 0) break
    const [a, b] = windowAround(text, left, at, length)
    if (windows.some(([x, y]) => a < y && b > x)) {
      left = left.filter(([s]) => s < a || s >= b)
      continue
    }
    windows.push([a, b])
    for (const [s, e] of left) if (s >= a && e <= b) shown.add(text.slice(s, e).toLowerCase())
    left = left.filter(([s, e]) => !(s >= a && e <= b))
    // once every matched word is shown, more passages only repeat it
    if (left.every(([s, e]) => shown.has(text.slice(s, e).toLowerCase()))) break
  }
  return windows.sort((x, y) => x[0] - y[0]).map(([a, b]) => render(text, spans, a, b))
}

/** Shorter passages when a hit shows several. */
export const FRAGMENT_LENGTH = 120

/** Index into `spans` of the window start covering the most distinct words not in `shown` (ties: the most words); -1 when none adds one. */
function bestStart(text: string, spans: readonly Span[], length: number, shown: ReadonlySet<string>): number {
  if (!spans.length) return -1
  let best = -1
  let bestAt = shown.size ? -1 : 0
  for (let i = 0; i < spans.length; i++) {
    const seen = new Set<string>()
    for (let j = i; j < spans.length && spans[j]![1] <= spans[i]![0] + length - LEAD; j++) {
      const w = text.slice(spans[j]![0], spans[j]![1]).toLowerCase()
      if (!shown.has(w)) seen.add(w)
    }
    if (seen.size > best && (seen.size > 0 || !shown.size)) {
      best = seen.size
      bestAt = i
    }
  }
  return bestAt
}

/** [start, end) of the passage that begins a little before span `at`, snapped to word boundaries. */
function windowAround(text: string, spans: readonly Span[], at: number, length: number): [number, number] {
  let start = spans.length && at >= 0 ? Math.max(0, spans[at]![0] - LEAD) : 0
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
  return [start, end]
}

function render(text: string, spans: readonly Span[], start: number, end: number): Snippet {
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
