/**
 * dateline star <archive> <path> [--off]: star an article (or take the star away);
 * dateline tag <archive> <path> <tag>… [--remove]: tag it (or untag); dateline tag <archive>: every tag with its count;
 * dateline note <archive> <path> [<text>] [--passage <start>:<end>] | --delete <id> | --edit <id> <text>: note on the
 * article or on a passage; with only the path, its notes. Kept in the data folder, never in the article file.
 */
import type { AnnotationsView } from '../../core/annotations/service'
import { DatelineError } from '../../core/errors'
import type { Command } from '../context'

function formatMarks(path: string, a: AnnotationsView): string {
  const lines = [`${path}${a.starred ? '  ★ starred' : ''}${a.tags.length ? `  tags: ${a.tags.join(', ')}` : ''}`]
  for (const n of a.notes) {
    const where = n.passage ? ` on "${n.passage.quote.replace(/\s+/g, ' ').slice(0, 60)}" (${n.passage.start}–${n.passage.end}${n.anchor === 'moved' ? ', found again after the article changed' : n.anchor === 'lost' ? ', PASSAGE NO LONGER IN THE ARTICLE' : ''})` : ''
    lines.push(`  note ${n.id}${where}: ${n.text}`)
  }
  return lines.join('\n')
}

export const starCommand: Command = async ({ args, io, json, openIndexed }) => {
  const rel = args.positionals[1]
  if (!rel || args.positionals.length > 2) throw new DatelineError('usage', 'star: give the document path, for example: dateline star ./archive 2015/raqqa.txt (--off takes the star away)')
  const svc = await openIndexed()
  const a = await svc.annotate({ op: 'star', path: rel, on: !args.flags.has('off') })
  const path = svc.document(rel).path
  io.out(json ? JSON.stringify({ path, ...a }) : formatMarks(path, a))
  return 0
}

export const tagCommand: Command = async ({ args, io, json, openIndexed }) => {
  const [, rel, ...tags] = args.positionals
  const svc = await openIndexed()
  if (!rel) {
    const all = svc.tags()
    io.out(json ? JSON.stringify(all) : all.length ? all.map((t) => `${t.tag} (${t.count})`).join('\n') : 'no tags yet')
    return 0
  }
  if (!tags.length) throw new DatelineError('usage', 'tag: give the document path and one or more tags, for example: dateline tag ./archive 2015/raqqa.txt raqqa-defections (--remove takes them off)')
  let a: AnnotationsView | undefined
  for (const tag of tags) a = await svc.annotate({ op: 'tag', path: rel, tag, on: !args.flags.has('remove') })
  const path = svc.document(rel).path
  io.out(json ? JSON.stringify({ path, ...a! }) : formatMarks(path, a!))
  return 0
}

export const noteCommand: Command = async ({ args, io, json, openIndexed }) => {
  const [, rel, ...words] = args.positionals
  if (!rel) throw new DatelineError('usage', 'note: give the document path and the note, for example: dateline note ./archive 2015/raqqa.txt "check with the court records" [--passage 120:184]')
  const svc = await openIndexed()
  const del = args.flags.get('delete')
  const edit = args.flags.get('edit')
  const passage = args.flags.get('passage')
  let a: AnnotationsView
  if (typeof del === 'string') a = await svc.annotate({ op: 'delete-note', path: rel, id: del })
  else if (typeof edit === 'string') a = await svc.annotate({ op: 'edit-note', path: rel, id: edit, text: words.join(' ') })
  else if (words.length) {
    let span: { start: number; end: number } | undefined
    if (passage !== undefined) {
      const m = typeof passage === 'string' ? /^(\d+):(\d+)$/.exec(passage) : null
      if (!m) throw new DatelineError('usage', 'note --passage: give the passage as start:end character offsets, for example --passage 120:184 (`dateline doc --json` lists offsets)')
      span = { start: Number(m[1]), end: Number(m[2]) }
    }
    a = await svc.annotate({ op: 'note', path: rel, text: words.join(' '), ...(span ? { passage: span } : {}) })
  } else a = svc.annotations(rel)
  const path = svc.document(rel).path
  io.out(json ? JSON.stringify({ path, ...a }) : formatMarks(path, a))
  return 0
}
