/**
 * dateline saved <archive> [list]: saved searches with how many articles are new since each ran;
 * dateline saved <archive> add <name> <query> [--entity <id>…] [--exclude-entity <id>…]: save one;
 * dateline saved <archive> run <name>: its results, the new ones marked (they are seen from now on);
 * dateline saved <archive> delete <name>.
 */
import { DatelineError } from '../../core/errors'
import type { Command } from '../context'

export const savedCommand: Command = async ({ args, io, json, openIndexed }) => {
  const [, action = 'list', name, ...rest] = args.positionals
  const svc = await openIndexed()
  switch (action) {
    case 'list': {
      const { saved, notice } = await svc.savedSearches()
      if (notice) io.err(notice)
      io.out(json ? JSON.stringify(saved) : saved.length ? saved.map((s) => `${s.name}: ${s.query || '(all)'}${s.entities?.length ? ` +${s.entities.join(' +')}` : ''}${s.newSince ? `  — ${s.newSince} new since ${s.lastRun.slice(0, 10)}` : ''}`).join('\n') : 'no saved searches yet')
      return 0
    }
    case 'add': {
      if (!name) throw new DatelineError('usage', 'saved add: give a name and the query, for example: dateline saved ./archive add defections "raqqa defectors"')
      const s = await svc.saveSearch(name, { query: rest.join(' '), entities: args.all('entity'), excludeEntities: args.all('exclude-entity') })
      io.out(json ? JSON.stringify(s) : `saved "${s.name}"`)
      return 0
    }
    case 'run': {
      if (!name) throw new DatelineError('usage', 'saved run: give the name of a saved search')
      const r = await svc.runSavedSearch(name, { limit: Number(args.flags.get('limit') ?? 20) || 20 })
      const fresh = new Set(r.newPaths)
      if (json) io.out(JSON.stringify({ saved: r.saved, total: r.result.total, new: r.newPaths, hits: r.result.hits.map((h) => ({ path: h.path, title: h.title, score: h.score, new: fresh.has(h.path) })) }))
      else io.out([`${r.saved.name}: ${r.result.total} results, ${r.newPaths.length} new since the last run`, ...r.result.hits.map((h) => `${fresh.has(h.path) ? 'NEW ' : '    '}${h.path}  ${h.title}`)].join('\n'))
      return 0
    }
    case 'delete': {
      if (!name) throw new DatelineError('usage', 'saved delete: give the name of a saved search')
      await svc.deleteSavedSearch(name)
      io.out(json ? JSON.stringify({ deleted: name }) : `deleted "${name}"`)
      return 0
    }
    default:
      throw new DatelineError('usage', `saved: "${action}" is not list, add, run or delete`)
  }
}
