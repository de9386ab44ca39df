/**
 * Search over an open archive: the Dateline syntax (query.ts) lowered to a plan (plan.ts), run by
 * the search backend (backend.ts), filtered by entities and by the dates of reported events,
 * ordered, paged, with snippets and entity facets over all the results.
 */
import type { ArchiveContext } from '../archive/context'
import { analysisCoverage, readingProgress, type Coverage } from '../archive/coverage'
import { parseYmd } from '../dates/calendar'
import { entityRegistry, requireEntity } from '../entities/service'
import { countFacets, type Facets } from '../entities/facets'
import type { EntityRegistry } from '../entities/registry'
import type { Span } from '../entities/types'
import { DatelineError } from '../errors'
import { storyState } from '../stories/service'
import { documentsWithEventsIn } from '../timeline/service'
import { allTags, annotatedDocuments, annotationsLookup } from '../annotations/service'
import { segmentBackend } from './backend'
import type { Match } from './execute'
import { lowerQuery, metaWords, type Plan } from './plan'
import { parseQuery, QueryError } from './query'
import { highlightSpans, makeFragment, makeFragments, mergeSpans, snippetHtml, type Snippet } from './snippet'
import { topK } from './top'

export interface SearchOptions {
  limit?: number
  offset?: number
  /** only documents mentioning every one of these entities (ids, older ids or merge keys) */
  entities?: string[]
  /** leave out documents mentioning any of these */
  excludeEntities?: string[]
  /** entries per type in the facets (default 10, 0 = no facets) */
  facetLimit?: number
  /** relevance (default) or publication date, newest first (unknown dates last) */
  sort?: 'relevance' | 'date'
  /** give each hit its publication date */
  dates?: boolean
  /** only documents reporting an event dated within this window (YYYY-MM-DD, inclusive): the timeline's brush */
  eventsFrom?: string
  eventsTo?: string
  /** phrase checks for this search (default: the archive's phraseCheckBudget); fewer answer sooner with a rougher "about N" */
  phraseCheckBudget?: number
}

export interface SearchHit {
  id: string
  path: string
  title: string
  score: number
  /** the passage with the most matches, as escaped HTML with <mark>s (what the CLI prints) */
  snippet: string
  /** the same passage as plain text with the matches as spans */
  fragment: Snippet
  /**
   * Up to three passages, in text order, that together show the distinct matched words, and the
   * mentions of the entities the search is filtered by (what the window draws)
   */
  fragments: Snippet[]
  /** publication date ("2015-10-30", "2015-10", "2015") when asked for with `dates`; null when unknown */
  published?: string | null
  /** searchable by its text, not analysed yet (two-phase indexing): its date and entities are still to come */
  pending?: true
  /** the outlet its file names (a page's site, an export's publication line), when it names one */
  source?: string
  /** the user's marks: starred, its tags, how many notes */
  starred?: boolean
  tags?: string[]
  notes?: number
}

export interface SearchResult {
  query: string
  total: number
  hits: SearchHit[]
  /** very common words left out of the search */
  ignored: string[]
  /** entities mentioned by the matching documents, with document counts */
  facets: Facets
  /** the outlets the matching documents' files name, with document counts, most first (source: filters by one) */
  sources: Array<{ name: string; count: number }>
  /** the user's tags on the matching documents, with counts, most first (tag: filters by one) */
  tags: Array<{ tag: string; count: number }>
  ms: number
  /**
   * The total is an estimate: a phrase had more candidates than one search checks, so the
   * best-scoring ones were checked (every hit shown is a real match) and the rest estimated from
   * them; the facets count the checked matches.
   */
  approximate?: boolean
  /**
   * Some results are not analysed yet (two-phase indexing): the facets, dates and entity filters
   * see `analysed` of the `of` results; the rest join them as the analysis goes on
   */
  analysis?: Coverage
  /** an update is reading new files: these results come from the `searchable` documents indexed so far (`done` of `total` files read) */
  indexing?: { searchable: number; done: number; total: number }
}

type Filters = Pick<SearchOptions, 'entities' | 'excludeEntities' | 'eventsFrom' | 'eventsTo'>

/** Search with the Dateline syntax (see query.ts). Throws QueryError for bad syntax, DatelineError for an unknown entity. */
export function search(ctx: ArchiveContext, query: string, opts: SearchOptions = {}): SearchResult {
  const t0 = performance.now()
  const registry = entityRegistry(ctx)
  // An empty query lists every document (useful with an entity filter).
  const { plan, ignored } = query.trim() ? lowerQuery(parseQuery(query)) : { plan: { k: 'all' as const }, ignored: [] }
  checkTags(ctx, plan)
  const limit = Math.max(0, Math.min(opts.limit ?? 20, 1000))
  const offset = Math.max(0, opts.offset ?? 0)
  const docs = ctx.snapshot.manifest.docs
  const backend = segmentBackend(ctx.snapshot, () => annotatedDocuments(ctx))
  const { matches, estimated } = match(ctx, plan, registry, opts, { need: offset + limit, budget: opts.phraseCheckBudget ?? ctx.opts.phraseCheckBudget })
  const byPath = (a: { ref: string }, b: { ref: string }) => (docs[a.ref]!.path < docs[b.ref]!.path ? -1 : 1)
  const published = opts.sort === 'date' || opts.dates ? storyState(ctx).published : undefined
  let order: (a: Match, b: Match) => number
  if (opts.sort === 'date') {
    const day = (ref: string) => published!.get(ref)?.date ?? ''
    order = (a, b) => (day(a.ref) < day(b.ref) ? 1 : day(a.ref) > day(b.ref) ? -1 : b.score - a.score || byPath(a, b))
  } else order = (a, b) => b.score - a.score || byPath(a, b)
  const marksOf = annotationsLookup(ctx)
  // the entities the results are filtered by are marked in the passages too: why each row is here
  const filtered = new Set((opts.entities ?? []).map((id) => requireEntity(registry, id)))
  // (a pending document's date and entities are still to come: its row says so)
  const analysis = analysisCoverage(ctx, () => matches.map((m) => m.ref))
  const hits = topK(matches, offset + limit, order).slice(offset).map((m): SearchHit => {
    const meta = docs[m.ref]!
    const text = backend.textOf(m)
    const spans = highlightSpans(text, m.terms, m.spans)
    const fragment = makeFragment(text, spans)
    const mentions = filtered.size ? registry.entitiesOf(m.ref).filter((x) => filtered.has(x.record)).flatMap((x) => x.mentions) : []
    const hit: SearchHit = {
      id: m.ref,
      path: meta.path,
      title: meta.title,
      score: Math.round(m.score * 1e4) / 1e4,
      snippet: snippetHtml(fragment),
      fragment,
      fragments: makeFragments(text, mentions.length ? mergeSpans([...spans, ...mentions]) : spans)
    }
    if (published) hit.published = published.get(m.ref)?.date ?? null
    if (analysis && ctx.snapshot.isPending(meta)) hit.pending = true
    if (meta.meta?.outlet) hit.source = meta.meta.outlet
    const marks = marksOf(meta)
    if (marks?.starred) hit.starred = true
    if (marks?.tags?.length) hit.tags = marks.tags
    if (marks?.notes?.length) hit.notes = marks.notes.length
    return hit
  })
  const facetLimit = Math.max(0, Math.min(opts.facetLimit ?? 10, 1000))
  const facets = countFacets(registry, facetLimit ? matches.map((m) => m.ref) : [], facetLimit)
  const sources = facetLimit ? countSources(matches.map((m) => docs[m.ref]?.meta?.outlet), facetLimit) : []
  const tags = facetLimit && Object.keys(ctx.annotations.docs).length ? countTags(matches.map((m) => marksOf(docs[m.ref]!)?.tags)) : []
  const result: SearchResult = { query, total: matches.length + estimated, hits, ignored, facets, sources, tags, ms: Math.round((performance.now() - t0) * 100) / 100 }
  if (estimated) result.approximate = true
  if (analysis) result.analysis = analysis
  const indexing = readingProgress(ctx)
  if (indexing) result.indexing = indexing
  return result
}

/** A tag: the user has no such tag, so the search would find nothing for a reason worth saying. */
function checkTags(ctx: ArchiveContext, plan: Plan): void {
  const wanted: string[][] = []
  const walk = (p: Plan) => {
    if (p.k === 'meta' && p.key === 'tag') wanted.push(p.words)
    else if (p.k === 'and' || p.k === 'or') p.children.forEach(walk)
    else if (p.k === 'not') walk(p.child)
    else if (p.k === 'phrase') walk(p.candidates)
  }
  walk(plan)
  if (!wanted.length) return
  const known = allTags(ctx).map((t) => t.tag)
  for (const w of wanted) {
    if (known.some((t) => metaWords(t).join(' ') === w.join(' '))) continue
    throw new QueryError(known.length ? `No article has the tag "${w.join('-')}"; your tags: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}.` : `No article has the tag "${w.join('-')}": you have not tagged any article yet.`)
  }
}

function countTags(lists: Iterable<readonly string[] | undefined>): Array<{ tag: string; count: number }> {
  const counts = new Map<string, number>()
  for (const l of lists) for (const t of l ?? []) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1))
}

/** Outlets by how many results name them; one spelling per outlet (the most frequent), case and spacing aside. */
function countSources(outlets: Iterable<string | undefined>, limit: number): Array<{ name: string; count: number }> {
  const by = new Map<string, { names: Map<string, number>; count: number }>()
  for (const o of outlets) {
    if (!o) continue
    const key = o.toLowerCase().replace(/\s+/g, ' ').trim()
    const e = by.get(key) ?? { names: new Map(), count: 0 }
    e.count++
    e.names.set(o, (e.names.get(o) ?? 0) + 1)
    by.set(key, e)
  }
  return [...by.values()]
    .map((e) => ({ name: [...e.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0], count: e.count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
    .slice(0, limit)
}

/** The ids of every document a query (with entity filters) matches, no paging, every phrase checked: the timeline's search. */
export function matchingDocuments(ctx: ArchiveContext, query: string, filter: Pick<SearchOptions, 'entities' | 'excludeEntities'> = {}): Set<string> {
  const plan: Plan = query.trim() ? lowerQuery(parseQuery(query)).plan : { k: 'all' }
  return new Set(match(ctx, plan, entityRegistry(ctx), filter).matches.map((m) => m.ref))
}

/** Where a search's words and phrases occur in one document (for the reader); [] when it does not match. */
export function highlights(ctx: ArchiveContext, pathOrId: string, query: string): Span[] {
  const meta = ctx.snapshot.meta(pathOrId)
  if (!query.trim()) return []
  const { plan } = lowerQuery(parseQuery(query))
  const backend = segmentBackend(ctx.snapshot, () => annotatedDocuments(ctx))
  const m = backend.runOne(plan, meta.id)
  return m ? highlightSpans(backend.textOf(m), m.terms, m.spans) : []
}

function match(ctx: ArchiveContext, plan: Plan, registry: EntityRegistry, opts: Filters, verify?: { need: number; budget: number }): { matches: Match[]; estimated: number } {
  const run = segmentBackend(ctx.snapshot, () => annotatedDocuments(ctx)).run(plan, verify)
  let matches = run.matches
  if (opts.eventsFrom !== undefined || opts.eventsTo !== undefined) {
    const day = (v: string | undefined) => {
      if (v === undefined) return undefined
      const d = parseYmd(v)
      if (d === undefined) throw new DatelineError('usage', `"${v}" is not a date: use YYYY-MM-DD.`)
      return d
    }
    const inWindow = documentsWithEventsIn(ctx, day(opts.eventsFrom), day(opts.eventsTo))
    matches = matches.filter((m) => inWindow.has(m.ref))
  }
  const required = (opts.entities ?? []).map((id) => requireEntity(registry, id))
  const excluded = (opts.excludeEntities ?? []).map((id) => requireEntity(registry, id))
  if (required.length || excluded.length) {
    const need = required.map((r) => registry.documentsOf(r))
    const avoid = excluded.map((r) => registry.documentsOf(r))
    matches = matches.filter((m) => need.every((set) => set.has(m.ref)) && !avoid.some((set) => set.has(m.ref)))
  }
  // filters keep as large a share of the estimated matches as of the checked ones
  const estimated = run.matches.length ? Math.round((run.estimated * matches.length) / run.matches.length) : 0
  return { matches, estimated }
}
