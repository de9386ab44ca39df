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
  return { path: d.path, title: d.title, length: d.length, entities: d.entities, published: d.published, story: d.story }
}

function formatDoc(d: DocumentView): string {
  const story = d.story ? `  story ${d.story.id}: ${d.story.role}${d.story.of ? ` of ${d.story.of}` : ''} (${d.story.members} documents)` : '  in no story'
  return [`${d.path}`, `  ${d.title}`, `  ${d.length} characters`, ...formatPublished(d.published).split('\n').map((l) => '  ' + l), story, ...d.entities.map((e) => `  ${e.type.padEnd(12)} ${e.name} (${e.id}) ×${e.mentions.length}`)].join('\n')
}
