/**
 * The benchmark's fixed mixed query set, written for each engine's own syntax. `null`: the engine
 * has no equivalent (counted as skipped, not as fast). Words come from bench/generate.ts.
 */
export interface BenchQuery {
  name: string
  dateline: string
  /** entity filter on the most frequent entity (Dateline only) */
  entity?: boolean
  lunr: string | null
  minisearch: { query: unknown; options: Record<string, unknown> } | null
  recoll: string | null
  /** one rg argument list per pattern; all must match */
  rg: string[][] | null
}

export const QUERIES: BenchQuery[] = [
  { name: 'single', dateline: 'haddad', lunr: 'haddad', minisearch: { query: 'haddad', options: {} }, recoll: 'haddad', rg: [['-w', 'haddad']] },
  { name: 'and', dateline: 'strike port', lunr: '+strike +port', minisearch: { query: 'strike port', options: { combineWith: 'AND' } }, recoll: 'strike port', rg: [['-w', 'strike'], ['-w', 'port']] },
  { name: 'or', dateline: 'flood OR explosion', lunr: 'flood explosion', minisearch: { query: 'flood explosion', options: { combineWith: 'OR' } }, recoll: 'flood OR explosion', rg: [['-w', '-e', 'flood', '-e', 'explosion']] },
  { name: 'phrase', dateline: '"is fragile"', lunr: null, minisearch: null, recoll: '"is fragile"', rg: [['-F', 'is fragile']] },
  { name: 'prefix', dateline: 'kestr*', lunr: 'kestr*', minisearch: { query: 'kestr', options: { prefix: true } }, recoll: 'kestr*', rg: [['-w', 'kestr\\w*']] },
  { name: 'fuzzy', dateline: 'okafr~1', lunr: 'okafr~1', minisearch: { query: 'okafr', options: { fuzzy: 1 } }, recoll: null, rg: null },
  { name: 'field-not', dateline: 'title:ceasefire -valmora', lunr: '+title:ceasefire -valmora', minisearch: null, recoll: 'title:ceasefire -valmora', rg: null },
  { name: 'rare-and', dateline: 'ministry transport ceasefire', lunr: '+ministry +transport +ceasefire', minisearch: { query: 'ministry transport ceasefire', options: { combineWith: 'AND' } }, recoll: 'ministry transport ceasefire', rg: [['-w', 'ministry'], ['-w', 'transport'], ['-w', 'ceasefire']] },
  { name: 'entity-filter', dateline: 'strike', entity: true, lunr: null, minisearch: null, recoll: null, rg: null }
]
