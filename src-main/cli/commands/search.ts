/** dateline search <archive> [<query>] [--entity <id>…] [--exclude-entity <id>…]: ranked hits with snippets and entity facets. */
import type { SearchResult } from '../../core/api'
import type { Snippet } from '../../core/search/snippet'
import { DatelineError } from '../../core/errors'
import type { Command } from '../context'
import { formatFacets, intFlag } from '../format'

export const searchCommand: Command = async ({ args, io, json, openIndexed }) => {
  const query = args.positionals.slice(1).join(' ')
  const entities = args.all('entity')
  const excludeEntities = args.all('exclude-entity')
  if (!query.trim() && !entities.length) throw new DatelineError('usage', 'search: give a query or --entity, for example: dateline search ./archive "khatib raqqa"')
  const limit = intFlag(args.flags.get('limit'), 'limit', 20)
  const offset = intFlag(args.flags.get('offset'), 'offset', 0)
  const svc = await openIndexed()
  const result = svc.search(query, { limit, offset, entities, excludeEntities })
  io.out(json ? JSON.stringify(jsonSearch(result)) : formatSearch(result))
  return 0
}

function jsonSearch(r: SearchResult) {
  return {
    query: r.query,
    total: r.total,
    hits: r.hits.map((h) => ({ path: h.path, title: h.title, score: h.score, snippet: h.snippet, ...(h.source ? { source: h.source } : {}) })),
    ignored: r.ignored,
    facets: r.facets,
    ...(r.sources.length ? { sources: r.sources } : {}),
    ms: r.ms,
    ...(r.approximate ? { approximate: true } : {}),
    ...(r.analysis ? { analysis: r.analysis } : {})
  }
}

function formatSearch(r: SearchResult): string {
  // matches between asterisks
  const marked = ({ text, marks }: Snippet) => marks.reduceRight((t, [a, b]) => `${t.slice(0, a)}*${t.slice(a, b)}*${t.slice(b)}`, text)
  const lines = [`${r.approximate ? 'about ' : ''}${r.total} result${r.total === 1 ? '' : 's'} for ${r.query} (${r.ms} ms)`]
  if (r.ignored.length) lines.push(`(common words ignored: ${r.ignored.join(', ')})`)
  for (const h of r.hits) lines.push('', `${h.path}  [${h.score}]${h.source ? `  ${h.source}` : ''}`, `  ${h.title}`, `  ${marked(h.fragment)}`)
  if (r.total) lines.push('', r.analysis ? `entities in ${r.analysis.analysed} of these ${r.analysis.of} results (the others are not analysed yet):` : 'entities in these results:', formatFacets(r.facets))
  if (r.sources.length) lines.push('', `outlets: ${r.sources.map((s) => `${s.name} (${s.count})`).join(', ')}`)
  return lines.join('\n')
}
