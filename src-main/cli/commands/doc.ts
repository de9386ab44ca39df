/** dateline doc <archive> <path>: one document with its entities, publication date and story. */
import type { DocumentView } from '../../core/api'
import { DatelineError } from '../../core/errors'
import type { Command } from '../context'
import { formatPublished } from '../format'

export const docCommand: Command = async ({ args, io, json, openIndexed }) => {
  const rel = args.positionals[1]
  if (!rel) throw new DatelineError('usage', 'doc: give the document path relative to the archive, for example: dateline doc ./archive 2015/raqqa.txt')
  const svc = await openIndexed()
  const d = svc.document(rel)
  io.out(json ? JSON.stringify(jsonDoc(d)) : formatDoc(d))
  return 0
}

/** What --json prints for a document; `dateline export --documents` writes the same, a line per article. */
export function jsonDoc(d: DocumentView) {
  const m = d.meta
  return {
    path: d.path,
    title: d.title,
    length: d.length,
    format: d.format,
    ...(m.outlet ? { source: m.outlet } : {}),
    ...(m.author ? { author: m.author } : {}),
    ...(m.url ? { url: m.url } : {}),
    ...(d.container ? { container: d.container } : {}),
    encoding: d.encoding,
    ...(Object.keys(m).length ? { meta: m } : {}),
    ...(d.annotations.starred || d.annotations.tags.length || d.annotations.notes.length ? { annotations: d.annotations } : {}),
    entities: d.entities,
    published: d.published,
    story: d.story
  }
}

function formatDoc(d: DocumentView): string {
  const story = d.story ? `  story ${d.story.id}: ${d.story.role}${d.story.of ? ` of ${d.story.of}` : ''} (${d.story.members} documents)` : '  in no story'
  const m = d.meta
  const stated = [
    d.format !== 'text' ? `  format ${d.format}${d.container ? `, article of ${d.container}` : ''}` : '',
    plainUtf8(d.encoding) ? '' : `  encoding ${d.encoding.name}${d.encoding.note ? ` (${d.encoding.note})` : ''}`,
    m.outlet ? `  source ${m.outlet}` : '',
    m.author ? `  author ${m.author}` : '',
    m.url ? `  url ${m.url}` : '',
    m.captured ? `  captured ${m.captured.date} (${m.captured.from}; not the publication date)` : ''
  ].filter(Boolean)
  return [`${d.path}`, `  ${d.title}`, `  ${d.length} characters`, ...stated, ...formatPublished(d.published).split('\n').map((l) => '  ' + l), story, ...d.entities.map((e) => `  ${e.type.padEnd(12)} ${e.name} (${e.id}) ×${e.mentions.length}`)].join('\n')
}

/** UTF-8 read as it is needs no mention; anything detected, declared or repaired does. */
function plainUtf8(e: DocumentView['encoding']): boolean {
  return (e.name === 'utf-8' || e.name === 'utf-8-bom') && !e.note
}
