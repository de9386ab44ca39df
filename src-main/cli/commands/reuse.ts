/** dateline reuse <archive> <a> <b>: how much text two documents share, and the passages. */
import type { ReuseView } from '../../core/api'
import { DatelineError } from '../../core/errors'
import type { Command } from '../context'

export const reuseCommand: Command = async ({ args, io, json, openIndexed }) => {
  const [a, b] = args.positionals.slice(1)
  if (!a || !b) throw new DatelineError('usage', 'reuse: give two document paths, for example: dateline reuse ./archive wire/a.txt blogs/b.txt')
  const svc = await openIndexed()
  const r = svc.reuse(a, b)
  io.out(json ? JSON.stringify(r) : formatReuse(r))
  return 0
}

function formatReuse(r: ReuseView): string {
  const lines = [`${Math.round(r.aInB * 100)}% of ${r.a} is found in ${r.b}; ${Math.round(r.bInA * 100)}% of ${r.b} in ${r.a}`]
  for (const p of r.passages) lines.push('', `  ${r.a} [${p.a.start}–${p.a.end}] = ${r.b} [${p.b.start}–${p.b.end}]`, `  "${p.a.text.replace(/\s+/g, ' ').slice(0, 160)}${p.a.text.length > 160 ? '…' : ''}"`)
  return lines.join('\n')
}
