/** dateline dates <archive> <path>: every date expression of one document, resolved, with the rule behind each. */
import { DatelineError } from '../../core/errors'
import type { Command } from '../context'
import { formatPublished } from '../format'

export const datesCommand: Command = async ({ args, io, json, openIndexed }) => {
  const rel = args.positionals[1]
  if (!rel) throw new DatelineError('usage', 'dates: give the document path relative to the archive, for example: dateline dates ./archive 2015/raqqa.txt')
  const svc = await openIndexed()
  const d = svc.documentDates(rel)
  if (json) {
    io.out(JSON.stringify(d))
    return 0
  }
  const lines = [d.path, ...formatPublished(d.published).split('\n').map((l) => '  ' + l)]
  if (!d.dates.length) lines.push('  no date expressions')
  for (const e of d.dates) {
    const what = e.range ? (e.range.start === e.range.end ? e.range.start : `${e.range.start} … ${e.range.end}`) + ` (${e.range.precision})` : e.length ? `lasting ${e.length}` : 'unresolved: no publication date'
    lines.push(`  ${String(e.start).padStart(6)}  "${e.text}"  ${e.kind}: ${what} — ${e.rule}`)
  }
  io.out(lines.join('\n'))
  return 0
}
