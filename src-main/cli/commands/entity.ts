/** dateline entity <show|merge|rename|type|hide|unhide|history|undo|export|import> <archive> …: one entity, and corrections. */
import { readFile } from 'node:fs/promises'
import { ArchiveService, type EntityView } from '../../core/api'
import { ENTITY_TYPES, isEntityType } from '../../core/entities/types'
import { DatelineError } from '../../core/errors'
import { parseArgs } from '../args'
import type { CliIO } from '../context'
import { formatFacets, intFlag, plural, writeNew } from '../format'
import { USAGE } from '../usage'

export async function runEntityCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv
  const args = parseArgs(rest, ['data', 'name', 'out', 'limit'], ['json', 'replace'])
  const json = args.flags.has('json')
  const dataFlag = args.flags.get('data')
  const dataDir = typeof dataFlag === 'string' ? dataFlag : io.env['DATELINE_DATA'] || undefined
  const [archiveDir, ...more] = args.positionals
  if (!sub || !archiveDir) throw new DatelineError('usage', `entity: give a sub-command and the archive folder.\n${USAGE}`)
  const svc = await ArchiveService.open(archiveDir, { dataDir })
  if (!svc.hasIndex) await svc.update()
  const need = (n: number, what: string) => {
    if (more.length < n) throw new DatelineError('usage', `entity ${sub}: give ${what}.`)
  }
  const done = (e: EntityView, verb: string) => {
    io.out(json ? JSON.stringify({ entity: e }) : `${verb}: ${e.name} (${e.id}, ${e.type}, ${plural(e.documents, 'document')}${e.hidden ? ', hidden' : ''})`)
    return 0
  }
  switch (sub) {
    case 'show': {
      need(1, 'the entity id')
      const e = svc.entity(more[0]!)
      const docs = svc.documentsForEntity(e.id, { limit: intFlag(args.flags.get('limit'), 'limit', 20) })
      const co = svc.cooccurring(e.id)
      if (json) io.out(JSON.stringify({ entity: e, documents: docs.documents, total: docs.total, cooccurring: co }))
      else io.out([`${e.name} (${e.id}, ${e.type})`, e.aliases.length ? `aliases: ${e.aliases.join(', ')}` : 'aliases: none', `${plural(docs.total, 'document')}:`, ...docs.documents.map((d) => `  ${d.path}  (${d.mentions} mentions)`), 'mentioned with:', formatFacets(co)].join('\n'))
      return 0
    }
    case 'merge': {
      need(2, 'at least two entity ids')
      const name = args.flags.get('name')
      return done(await svc.curate({ op: 'merge', ids: more, name: typeof name === 'string' ? name : undefined }), 'merged')
    }
    case 'rename':
      need(2, 'the entity id and the new name')
      return done(await svc.curate({ op: 'rename', id: more[0]!, name: more.slice(1).join(' ') }), 'renamed')
    case 'type': {
      need(2, 'the entity id and a type (person, organization or place)')
      const type = more[1]
      if (!isEntityType(type)) throw new DatelineError('usage', `entity type: the type must be one of ${ENTITY_TYPES.join(', ')}`)
      return done(await svc.curate({ op: 'retype', id: more[0]!, type }), 'type changed')
    }
    case 'hide':
    case 'unhide':
      need(1, 'the entity id')
      return done(await svc.curate({ op: sub, id: more[0]! }), sub === 'hide' ? 'hidden' : 'shown again')
    case 'history': {
      const list = svc.corrections()
      if (json) io.out(JSON.stringify({ corrections: list }))
      else io.out(list.length ? list.map((c) => `${String(c.index).padStart(4)}  ${c.at.slice(0, 16).replace('T', ' ')}  ${c.text}`).join('\n') : 'no corrections')
      return 0
    }
    case 'undo': {
      need(1, 'the number of the correction, from "dateline entity history"')
      const index = Number(more[0])
      if (!Number.isInteger(index) || index < 0) throw new DatelineError('usage', 'entity undo: give the number of the correction, from "dateline entity history".')
      const left = await svc.undoCorrection(index)
      io.out(json ? JSON.stringify({ corrections: left }) : `undone; ${left.length} correction${left.length === 1 ? '' : 's'} left`)
      return 0
    }
    case 'export': {
      const text = JSON.stringify(svc.exportCuration(), null, 2) + '\n'
      const out = args.flags.get('out')
      if (typeof out === 'string') await writeNew(out, text, { exists: `${out} already exists; choose another name.`, failed: (e) => `Could not write ${out}: ${e.message}` })
      else io.out(text.trimEnd())
      return 0
    }
    case 'import': {
      need(1, 'the file exported by "dateline entity export"')
      const text = await readFile(more[0]!, 'utf8').catch((err) => {
        throw new DatelineError('io', `Could not read ${more[0]}: ${(err as Error).message}`)
      })
      const n = await svc.importCuration(text, args.flags.has('replace') ? 'replace' : 'append')
      io.out(json ? JSON.stringify({ imported: n }) : `${n} corrections imported`)
      return 0
    }
    default:
      throw new DatelineError('usage', `unknown entity sub-command "${sub}".\n${USAGE}`)
  }
}
