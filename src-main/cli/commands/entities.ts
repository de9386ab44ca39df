/** dateline entities <archive>: people, organisations and places with their merged spellings. */
import type { EntityView } from '../../core/api'
import { ENTITY_TYPES, isEntityType } from '../../core/entities/types'
import { DatelineError } from '../../core/errors'
import type { Command } from '../context'
import { intFlag } from '../format'

export const entitiesCommand: Command = async ({ args, io, json, openIndexed }) => {
  const type = args.flags.get('type')
  if (type !== undefined && !isEntityType(type)) throw new DatelineError('usage', `--type must be one of ${ENTITY_TYPES.join(', ')}`)
  const sort = args.flags.get('sort')
  if (sort !== undefined && sort !== 'count' && sort !== 'name') throw new DatelineError('usage', '--sort must be count or name')
  const q = args.flags.get('query')
  const svc = await openIndexed()
  const list = svc.entities({
    type,
    query: typeof q === 'string' ? q : undefined,
    limit: intFlag(args.flags.get('limit'), 'limit', 100),
    sort,
    includeHidden: args.flags.has('hidden')
  })
  io.out(json ? JSON.stringify({ entities: list }) : formatEntities(list))
  return 0
}

function formatEntities(list: EntityView[]): string {
  if (!list.length) return 'no entities'
  return list.map((e) => `${String(e.documents).padStart(5)}  ${e.type.padEnd(12)} ${e.name}  (${e.id})${e.aliases.length ? `  aka ${e.aliases.join(', ')}` : ''}${e.hidden ? '  [hidden]' : ''}`).join('\n')
}
