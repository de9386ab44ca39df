/** dateline timeline <archive>: the reported events, as text, JSON, TimelineJS, CSV or a source list (a row per event and article), optionally into a new file. */
import type { TimelineResult } from '../../core/api'
import { DatelineError } from '../../core/errors'
import { publicEvent, type TimelineEvent } from '../../core/timeline/build'
import { toCsv, toSourceList, toTimelineJs } from '../../core/timeline/export'
import type { Command } from '../context'
import { intFlag, writeNew } from '../format'

export const timelineCommand: Command = async ({ args, io, json, openIndexed }) => {
  if (args.positionals.length > 1) throw new DatelineError('usage', 'timeline: give the search with --query, for example: dateline timeline ./archive --query raqqa')
  const format = args.flags.get('format') ?? (json ? 'json' : 'text')
  if (!['json', 'timelinejs', 'csv', 'sources', 'text'].includes(String(format))) throw new DatelineError('usage', '--format must be json, timelinejs, csv or sources')
  const svc = await openIndexed()
  const query = args.flags.get('query')
  const from = args.flags.get('from')
  const to = args.flags.get('to')
  const limit = args.flags.get('limit')
  const t = svc.timeline({
    ...(typeof query === 'string' ? { query } : {}),
    entities: args.all('entity'),
    ...(typeof from === 'string' ? { from } : {}),
    ...(typeof to === 'string' ? { to } : {}),
    ...(limit !== undefined ? { limit: intFlag(limit, 'limit', 0) } : {})
  })
  const names = (id: string) => t.entities[id]?.name ?? id
  const listed = args.flags.has('undated') ? [...t.events, ...t.undatedEvents, ...t.unresolvedEvents] : t.events
  const text =
    format === 'json'
      ? JSON.stringify(jsonTimeline(t))
      : format === 'timelinejs'
        ? JSON.stringify(toTimelineJs(t.events, names), null, 2)
        : format === 'csv'
          ? toCsv(listed, names)
          : format === 'sources'
            ? toSourceList(listed, names)
            : formatTimeline(t, listed, names)
  const out = args.flags.get('out')
  if (typeof out === 'string') {
    await writeNew(out, text.endsWith('\n') ? text : text + '\n', {
      exists: `${out} already exists; choose another name (nothing was overwritten).`,
      failed: (e) => `Cannot write ${out}: ${e.message}`
    })
    if (!json) io.out(`${t.events.length} dated events written to ${out}`)
  } else io.out(format === 'csv' || format === 'sources' ? text.replace(/\r?\n$/, '') : text)
  return 0
}

function jsonTimeline(t: TimelineResult) {
  return {
    events: t.events.map(publicEvent),
    unresolved: t.unresolved,
    undated: t.undated,
    undatedEvents: t.undatedEvents.map(publicEvent),
    unresolvedEvents: t.unresolvedEvents.map(publicEvent),
    density: t.density,
    entities: t.entities,
    ms: t.ms
  }
}

function formatTimeline(t: TimelineResult, events: TimelineEvent[], names: (id: string) => string): string {
  const lines = events.map((e) => {
    const when = e.status === 'dated' ? (e.start === e.end ? e.start! : `${e.start} … ${e.end}`) + ` (${e.precision})` : e.status === 'undated' ? `undated${e.notAfter ? `, by ${e.notAfter}` : ''}` : 'unresolved (publication date unknown)'
    const where = e.places.length ? ` [${e.places.map(names).join(', ')}]` : ''
    const count = e.count !== null ? ` ×${e.count}` : ''
    const src = `${e.sources.length} source${e.sources.length === 1 ? '' : 's'}, ${e.independentSources} independent`
    return `${when}  ${e.kind}${count}${where}: ${e.label}\n    ${src}: ${e.sources.map((s) => s.path + (s.dateText ? ` ("${s.dateText}")` : '')).join('; ')}`
  })
  lines.push(`${t.events.length} dated events; ${t.undated} undated, ${t.unresolved} unresolved${events.length === t.events.length && t.undated + t.unresolved ? ' (list them with --undated)' : ''}`)
  return lines.join('\n')
}
