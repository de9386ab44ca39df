/** Typed access to the preload bridge: the only file that reads window.dateline. */
import type { DatelineApi } from '../src-main/contract/api'

declare global {
  interface Window {
    dateline?: DatelineApi
  }
}

export function getApi(): DatelineApi {
  if (!window.dateline) throw new Error('window.dateline is missing: the preload did not run')
  return window.dateline
}

/** Split a snippet (escaped text with <mark>…</mark>) into plain-text pieces, so Lit renders it without innerHTML. */
export function snippetParts(snippet: string): Array<{ text: string; mark: boolean }> {
  const out: Array<{ text: string; mark: boolean }> = []
  const re = /<mark>([\s\S]*?)<\/mark>/g
  let last = 0
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) out.push({ text: unescape(snippet.slice(last, m.index)), mark: false })
    out.push({ text: unescape(m[1]!), mark: true })
    last = m.index + m[0].length
  }
  if (last < snippet.length) out.push({ text: unescape(snippet.slice(last)), mark: false })
  return out
}

function unescape(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!)
}
