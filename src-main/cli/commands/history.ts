/** dateline history <archive> [--limit N] [--clear]: the searches run in the window, most recent first; --clear forgets them. */
import type { Command } from '../context'

export const historyCommand: Command = async ({ args, io, json, openIndexed }) => {
  const svc = await openIndexed()
  if (args.flags.has('clear')) {
    const n = await svc.clearSearchHistory()
    io.out(json ? JSON.stringify({ cleared: n }) : `cleared ${n} search${n === 1 ? '' : 'es'} from the history`)
    return 0
  }
  const h = await svc.searchHistory(Number(args.flags.get('limit') ?? 50) || 50)
  io.out(json ? JSON.stringify(h) : h.length ? h.map((e) => `${e.at.slice(0, 16).replace('T', ' ')}  ${e.query || '(all)'}${e.entities?.length ? `  +${e.entities.join(' +')}` : ''}${e.excludeEntities?.length ? `  -${e.excludeEntities.join(' -')}` : ''}`).join('\n') : 'no searches in the history')
  return 0
}
