/** A snippet's text cut at its marks, so Lit renders plain text pieces (never HTML). */
import type { HitView } from '../../src-main/contract/api'

export function snippetParts(snippet: HitView['snippets'][number]): Array<{ text: string; mark: boolean }> {
  const out: Array<{ text: string; mark: boolean }> = []
  let last = 0
  for (const [a, b] of snippet.marks) {
    if (a > last) out.push({ text: snippet.text.slice(last, a), mark: false })
    out.push({ text: snippet.text.slice(a, b), mark: true })
    last = b
  }
  if (last < snippet.text.length) out.push({ text: snippet.text.slice(last), mark: false })
  return out
}
