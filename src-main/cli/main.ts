/**
 * The dateline command: index and search an archive without a window.
 * Exit codes: 0 success, 2 usage or query error, 1 any other failure. Errors go to stderr as
 * "dateline: <message>". --json prints one JSON object on stdout for scripts.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { ArchiveService, type ImportReport, type DocumentView, type EntityView, type IndexReport, type ReuseView, type SearchResult, type StoryView, type TimelineResult } from '../core/api'
import { publicEvent, type TimelineEvent } from '../core/timeline/build'
import { toCsv, toTimelineJs } from '../core/timeline/export'
import type { Published } from '../core/dates/publication'
import type { Facets } from '../core/entities/facets'
import { ENTITY_TYPES, isEntityType } from '../core/entities/types'
import { DatelineError } from '../core/errors'
import { parseArgs } from './args'
import { keepArchiveLive, type LiveChange } from '../core/live'

export interface CliIO {
  out(text: string): void
  err(text: string): void
  env: NodeJS.ProcessEnv
  /** aborted on Ctrl+C / SIGTERM: cancels an import, ends a watch */
  signal?: AbortSignal
}

export const USAGE = `Usage:
  dateline index <archive> [--data <dir>] [--json]
  dateline search <archive> <query> [--limit N] [--offset N] [--data <dir>] [--json]
  dateline status <archive> [--data <dir>] [--json]
  dateline search <archive> [<query>] --entity <id> [--entity <id>…] [--exclude-entity <id>] [--json]
  dateline entities <archive> [--type person|organization|place] [--query <text>] [--limit N] [--sort count|name] [--hidden] [--json]
  dateline doc <archive> <relative-path> [--json]
  dateline entity show <archive> <id> [--json]
  dateline entity merge <archive> <id> <id>… [--name <name>]
  dateline entity rename <archive> <id> <new name>
  dateline entity type <archive> <id> person|organization|place
  dateline entity hide|unhide <archive> <id>
  dateline entity export <archive> [--out <file>]
  dateline entity import <archive> <file> [--replace]
  dateline stories <archive> [--all] [--json]
  dateline reuse <archive> <path-a> <path-b> [--json]
  dateline date <archive> <relative-path> <YYYY-MM-DD|unknown> [--json]
  dateline date <archive> <relative-path> --clear [--json]
  dateline import <archive> <file-or-folder>… [--into <folder>] [--max-size <MB>] [--progress] [--json]
  dateline watch <archive> [--poll] [--max-size <MB>] [--json]
  dateline timeline <archive> [--query Q] [--entity <id>…] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--undated]
                    [--json | --format json|timelinejs|csv] [--out <file>]

Index data lives in --data, $DATELINE_DATA, or the platform's application-data folder.
Search syntax: words are ANDed; OR; -word or NOT word; "exact phrase"; title:word; prefix*; word~1.`

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE)
      return command ? 0 : 2
    }
    if (command === 'entity') return await runEntityCommand(rest, io)
    const args = parseArgs(
      rest,
      ['data', 'limit', 'offset', 'entity', 'exclude-entity', 'type', 'query', 'sort', 'from', 'to', 'format', 'out', 'into', 'max-size'],
      ['json', 'hidden', 'all', 'clear', 'undated', 'progress', 'poll']
    )
    const json = args.flags.has('json')
    const dataFlag = args.flags.get('data')
    const dataDir = typeof dataFlag === 'string' ? dataFlag : io.env['DATELINE_DATA'] || undefined
    const archiveDir = args.positionals[0]
    if (!archiveDir) throw new DatelineError('usage', `${command}: give the archive folder.\n${USAGE}`)
    const maxSize = args.flags.get('max-size')
    const maxFileBytes = maxSize === undefined ? undefined : megabytes(maxSize)

    switch (command) {
      case 'index': {
        if (args.positionals.length > 1) throw new DatelineError('usage', 'index takes one archive folder')
        const svc = await ArchiveService.open(archiveDir, { dataDir, maxFileBytes })
        const report = await svc.update()
        io.out(json ? JSON.stringify(report) : formatReport(report, svc.indexDir))
        return 0
      }
      case 'search': {
        const query = args.positionals.slice(1).join(' ')
        const entities = args.all('entity')
        const excludeEntities = args.all('exclude-entity')
        if (!query.trim() && !entities.length) throw new DatelineError('usage', 'search: give a query or --entity, for example: dateline search ./archive "khatib raqqa"')
        const limit = intFlag(args.flags.get('limit'), 'limit', 20)
        const offset = intFlag(args.flags.get('offset'), 'offset', 0)
        const svc = await openIndexed(archiveDir, dataDir)
        const result = svc.search(query, { limit, offset, entities, excludeEntities })
        io.out(json ? JSON.stringify(jsonSearch(result)) : formatSearch(result))
        return 0
      }
      case 'entities': {
        const type = args.flags.get('type')
        if (type !== undefined && !isEntityType(type)) throw new DatelineError('usage', `--type must be one of ${ENTITY_TYPES.join(', ')}`)
        const sort = args.flags.get('sort')
        if (sort !== undefined && sort !== 'count' && sort !== 'name') throw new DatelineError('usage', '--sort must be count or name')
        const q = args.flags.get('query')
        const svc = await openIndexed(archiveDir, dataDir)
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
      case 'doc': {
        const rel = args.positionals[1]
        if (!rel) throw new DatelineError('usage', 'doc: give the document path relative to the archive, for example: dateline doc ./archive 2015/raqqa.txt')
        const svc = await openIndexed(archiveDir, dataDir)
        const d = svc.document(rel)
        io.out(json ? JSON.stringify(jsonDoc(d)) : formatDoc(d))
        return 0
      }
      case 'stories': {
        const svc = await openIndexed(archiveDir, dataDir)
        const stories = svc.stories()
        // documents in no story are omitted unless --all lists them as one-member stories
        const singles = args.flags.has('all') ? svc.documents().filter((d) => !svc.documentStory(d.id)) : []
        if (json) {
          io.out(JSON.stringify({
            stories: stories.map(jsonStory),
            ...(args.flags.has('all') ? { singletons: singles.map((d) => ({ path: d.path, published: svc.published(d.id).date })) } : {})
          }))
        } else io.out(formatStories(stories, singles.map((d) => d.path)))
        return 0
      }
      case 'reuse': {
        const [a, b] = args.positionals.slice(1)
        if (!a || !b) throw new DatelineError('usage', 'reuse: give two document paths, for example: dateline reuse ./archive wire/a.txt blogs/b.txt')
        const svc = await openIndexed(archiveDir, dataDir)
        const r = svc.reuse(a, b)
        io.out(json ? JSON.stringify(r) : formatReuse(r))
        return 0
      }
      case 'date': {
        const rel = args.positionals[1]
        const value = args.positionals[2]
        const clear = args.flags.has('clear')
        if (!rel || (!value && !clear) || (value && clear)) throw new DatelineError('usage', 'date: give the document path and a date (YYYY-MM-DD or unknown), or --clear, for example: dateline date ./archive a.txt 2015-10-30')
        const svc = await openIndexed(archiveDir, dataDir)
        const p = await svc.setPublicationDate(rel, clear ? null : value!)
        io.out(json ? JSON.stringify({ path: svc.document(rel).path, published: p }) : formatPublished(p))
        return 0
      }
      case 'timeline': {
        if (args.positionals.length > 1) throw new DatelineError('usage', 'timeline: give the search with --query, for example: dateline timeline ./archive --query raqqa')
        const format = args.flags.get('format') ?? (json ? 'json' : 'text')
        if (!['json', 'timelinejs', 'csv', 'text'].includes(String(format))) throw new DatelineError('usage', '--format must be json, timelinejs or csv')
        const svc = await openIndexed(archiveDir, dataDir)
        const query = args.flags.get('query')
        const from = args.flags.get('from')
        const to = args.flags.get('to')
        const limit = args.flags.get('limit')
        const t = svc.timeline({
          ...(typeof query === 'string' ? { query } : {}),
          entities: args.all('entity'),
          ...(typeof from === 'string' ? { from } : {}),
          ...(typeof to === 'string' ? { to } : {}),
          ...(limit !== undefined ? { limit: intFlag(limit, 'limit', 0) } : {})
        })
        const names = (id: string) => t.entities[id]?.name ?? id
        const listed = args.flags.has('undated') ? [...t.events, ...t.undatedEvents, ...t.unresolvedEvents] : t.events
        const text =
          format === 'json'
            ? JSON.stringify(jsonTimeline(t))
            : format === 'timelinejs'
              ? JSON.stringify(toTimelineJs(t.events, names), null, 2)
              : format === 'csv'
                ? toCsv(listed, names)
                : formatTimeline(t, listed, names)
        const out = args.flags.get('out')
        if (typeof out === 'string') {
          await writeFile(out, text.endsWith('\n') ? text : text + '\n', { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
            throw new DatelineError('io', e.code === 'EEXIST' ? `${out} already exists; choose another name (nothing was overwritten).` : `Cannot write ${out}: ${e.message}`)
          })
          if (!json) io.out(`${t.events.length} dated events written to ${out}`)
        } else io.out(format === 'csv' ? text.replace(/\r?\n$/, '') : text)
        return 0
      }
      case 'import': {
        const sources = args.positionals.slice(1)
        if (!sources.length) throw new DatelineError('usage', 'import: give the files or folders to import, for example: dateline import ./archive ~/Downloads/articles')
        const into = args.flags.get('into')
        const svc = await ArchiveService.open(archiveDir, { dataDir, maxFileBytes })
        const progress = args.flags.has('progress')
        const report = await svc.importFiles(sources, {
          ...(typeof into === 'string' ? { target: into } : {}),
          signal: io.signal,
          // one JSON line per event on stderr, so scripts (and the crash test) can follow along
          ...(progress ? { onProgress: (p) => io.err(JSON.stringify({ progress: p })), onFile: (o) => io.err(JSON.stringify(o)) } : {})
        })
        io.out(json ? JSON.stringify(report) : formatImport(report))
        return report.cancelled ? 130 : 0
      }
      case 'watch': {
        const svc = await ArchiveService.open(archiveDir, { dataDir, maxFileBytes })
        const line = (c: LiveChange) =>
          io.out(
            json
              ? JSON.stringify(c)
              : c.kind === 'renamed'
                ? `renamed ${c.from} -> ${c.path}`
                : c.kind === 'rejected'
                  ? `rejected ${c.path}: ${c.reason}`
                  : `${c.kind} ${c.path}`
          )
        // changes made while nothing was watching come first
        const first = await svc.update()
        for (const c of first.changes) line(c)
        await svc.warmUp()
        const watcher = await keepArchiveLive(svc, {
          polling: args.flags.has('poll'),
          onChange: line,
          onNotice: (m) => io.err(`dateline: ${m}`),
          onError: (m) => io.err(`dateline: ${m}`)
        })
        io.err(`dateline: watching ${svc.archive} (${svc.documentCount} documents${watcher.mode === 'polling' ? ', polling' : ''}); Ctrl+C to stop`)
        await new Promise<void>((resolve) => {
          if (!io.signal || io.signal.aborted) return resolve()
          io.signal.addEventListener('abort', () => resolve(), { once: true })
        })
        watcher.close()
        await svc.update().catch(() => {}) // let a batch in progress finish
        return 0
      }
      case 'status': {
        const svc = await ArchiveService.open(archiveDir, { dataDir })
        const st = { ...svc.status(), indexDir: svc.indexDir }
        io.out(json ? JSON.stringify(st) : `${st.documents} documents in ${st.segments} segments\nindex: ${st.indexDir}`)
        return 0
      }
      default:
        throw new DatelineError('usage', `unknown command "${command}".\n${USAGE}`)
    }
  } catch (err) {
    if (err instanceof DatelineError) {
      io.err(`dateline: ${err.message}`)
      return err.code === 'usage' || err.code === 'query' ? 2 : 1
    }
    io.err(`dateline: unexpected error: ${(err as Error)?.stack ?? String(err)}`)
    return 1
  }
}

async function openIndexed(archiveDir: string, dataDir: string | undefined): Promise<ArchiveService> {
  const svc = await ArchiveService.open(archiveDir, { dataDir })
  if (!svc.hasIndex) await svc.update()
  return svc
}

/** dateline entity <show|merge|rename|type|hide|unhide|export|import> <archive> … */
async function runEntityCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv
  const args = parseArgs(rest, ['data', 'name', 'out', 'limit'], ['json', 'replace'])
  const json = args.flags.has('json')
  const dataFlag = args.flags.get('data')
  const dataDir = typeof dataFlag === 'string' ? dataFlag : io.env['DATELINE_DATA'] || undefined
  const [archiveDir, ...more] = args.positionals
  if (!sub || !archiveDir) throw new DatelineError('usage', `entity: give a sub-command and the archive folder.\n${USAGE}`)
  const svc = await openIndexed(archiveDir, dataDir)
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
    case 'export': {
      const text = JSON.stringify(svc.exportCuration(), null, 2) + '\n'
      const out = args.flags.get('out')
      if (typeof out === 'string') {
        await writeFile(out, text, { flag: 'wx' }).catch((err) => {
          throw new DatelineError('io', (err as NodeJS.ErrnoException).code === 'EEXIST' ? `${out} already exists; choose another name.` : `Could not write ${out}: ${(err as Error).message}`)
        })
      } else io.out(text.trimEnd())
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

function intFlag(v: string | true | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) throw new DatelineError('usage', `--${name} must be a whole number`)
  return n
}

function jsonSearch(r: SearchResult) {
  return {
    query: r.query,
    total: r.total,
    hits: r.hits.map((h) => ({ path: h.path, title: h.title, score: h.score, snippet: h.snippet })),
    ignored: r.ignored,
    facets: r.facets,
    ms: r.ms,
    ...(r.approximate ? { approximate: true } : {})
  }
}

function jsonTimeline(t: TimelineResult) {
  return {
    events: t.events.map(publicEvent),
    unresolved: t.unresolved,
    undated: t.undated,
    undatedEvents: t.undatedEvents.map(publicEvent),
    unresolvedEvents: t.unresolvedEvents.map(publicEvent),
    density: t.density,
    entities: t.entities,
    ms: t.ms
  }
}

function formatTimeline(t: TimelineResult, events: TimelineEvent[], names: (id: string) => string): string {
  const lines = events.map((e) => {
    const when = e.status === 'dated' ? (e.start === e.end ? e.start! : `${e.start} … ${e.end}`) + ` (${e.precision})` : e.status === 'undated' ? `undated${e.notAfter ? `, by ${e.notAfter}` : ''}` : 'unresolved (publication date unknown)'
    const where = e.places.length ? ` [${e.places.map(names).join(', ')}]` : ''
    const count = e.count !== null ? ` ×${e.count}` : ''
    const src = `${e.sources.length} source${e.sources.length === 1 ? '' : 's'}, ${e.independentSources} independent`
    return `${when}  ${e.kind}${count}${where}: ${e.label}\n    ${src}: ${e.sources.map((s) => s.path + (s.dateText ? ` ("${s.dateText}")` : '')).join('; ')}`
  })
  lines.push(`${t.events.length} dated events; ${t.undated} undated, ${t.unresolved} unresolved${events.length === t.events.length && t.undated + t.unresolved ? ' (list them with --undated)' : ''}`)
  return lines.join('\n')
}

function jsonDoc(d: DocumentView) {
  return { path: d.path, title: d.title, length: d.length, entities: d.entities, published: d.published, story: d.story }
}

function jsonStory(s: StoryView) {
  return {
    id: s.id,
    original: s.original,
    documents: s.members.map((m) => ({ path: m.path, role: m.role, ...(m.of ? { of: m.of } : {}), similarity: m.similarity, containment: m.containment, published: m.published }))
  }
}

function formatStories(stories: StoryView[], singles: string[]): string {
  const lines: string[] = [`${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}`]
  for (const s of stories) {
    lines.push('', `${s.id}  (${s.members.length} documents)`)
    for (const m of s.members) {
      const how = m.of ? ` of ${m.of}  (containment ${m.containment}, similarity ${m.similarity})` : ''
      lines.push(`  ${m.role.padEnd(8)} ${m.path}${how}  published ${m.published ?? 'unknown'}`)
    }
  }
  if (singles.length) lines.push('', `${singles.length} documents in no story:`, ...singles.map((p) => `  ${p}`))
  return lines.join('\n')
}

function formatReuse(r: ReuseView): string {
  const lines = [`${Math.round(r.aInB * 100)}% of ${r.a} is found in ${r.b}; ${Math.round(r.bInA * 100)}% of ${r.b} in ${r.a}`]
  for (const p of r.passages) lines.push('', `  ${r.a} [${p.a.start}–${p.a.end}] = ${r.b} [${p.b.start}–${p.b.end}]`, `  "${p.a.text.replace(/\s+/g, ' ').slice(0, 160)}${p.a.text.length > 160 ? '…' : ''}"`)
  return lines.join('\n')
}

function formatPublished(p: Published): string {
  const when = p.date ? `${p.date} (${p.source}, confidence ${p.confidence})` : 'unknown'
  const bounds = p.earliest || p.latest ? `  between ${p.earliest ?? '…'} and ${p.latest ?? '…'}` : ''
  return [`published: ${when}${bounds}`, `file date: ${p.fileDate} (not used)`, ...p.evidence.map((e) => `  - ${e}`)].join('\n')
}

function formatEntities(list: EntityView[]): string {
  if (!list.length) return 'no entities'
  return list.map((e) => `${String(e.documents).padStart(5)}  ${e.type.padEnd(12)} ${e.name}  (${e.id})${e.aliases.length ? `  aka ${e.aliases.join(', ')}` : ''}${e.hidden ? '  [hidden]' : ''}`).join('\n')
}

function formatFacets(f: Facets): string {
  return ENTITY_TYPES.map((t) => `  ${t}: ${f[t].map((e) => `${e.name} (${e.count})`).join(', ') || '–'}`).join('\n')
}

function formatDoc(d: DocumentView): string {
  const story = d.story ? `  story ${d.story.id}: ${d.story.role}${d.story.of ? ` of ${d.story.of}` : ''} (${d.story.members} documents)` : '  in no story'
  return [`${d.path}`, `  ${d.title}`, `  ${d.length} characters`, ...formatPublished(d.published).split('\n').map((l) => '  ' + l), story, ...d.entities.map((e) => `  ${e.type.padEnd(12)} ${e.name} (${e.id}) ×${e.mentions.length}`)].join('\n')
}

function megabytes(v: string | true): number {
  const mb = Number(v)
  if (v === true || !Number.isFinite(mb) || mb <= 0) throw new DatelineError('usage', '--max-size must be a size in megabytes, for example --max-size 50')
  return Math.round(mb * 1024 * 1024)
}

function formatImport(r: ImportReport): string {
  const folder = r.imported[0]?.to.replace(/\/[^/]*$/, '')
  const lines = [
    `${r.imported.length} imported${folder ? ` (into ${folder}…)` : ''}, ${r.duplicates.length} already in the archive, ${r.rejected.length} rejected — ${r.ms} ms` +
      (r.cancelled ? `; cancelled, ${r.notStarted} not started` : '')
  ]
  for (const f of r.imported) lines.push(`  + ${f.from} -> ${f.to}${f.renamed ? ` (${f.renamed})` : ''}`)
  for (const d of r.duplicates) lines.push(`  = ${d.from}: already in the archive as ${d.existing}`)
  for (const x of r.rejected) lines.push(`  ! ${x.from}: ${x.reason}`)
  lines.push(`${r.documents} documents in the archive`)
  return lines.join('\n')
}

function formatReport(r: IndexReport, indexDir: string): string {
  const lines = [
    `${r.documents} documents indexed (${r.added} added, ${r.updated} updated, ${r.removed} removed, ${r.unchanged} unchanged) in ${(r.ms / 1000).toFixed(2)} s`,
    `segments: ${r.segments.built} built, ${r.segments.merged} merged, ${r.segments.total} in total`
  ]
  for (const p of r.repaired) lines.push(`repaired: ${p}`)
  if (r.skipped.length) {
    lines.push(`${r.skipped.length} skipped:`)
    for (const s of r.skipped) lines.push(`  ${s.path}: ${s.reason}`)
  }
  lines.push(`index: ${indexDir}`)
  return lines.join('\n')
}

function formatSearch(r: SearchResult): string {
  const strip = (s: string) => s.replace(/<\/?mark>/g, '*').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
  const lines = [`${r.approximate ? 'about ' : ''}${r.total} result${r.total === 1 ? '' : 's'} for ${r.query} (${r.ms} ms)`]
  if (r.ignored.length) lines.push(`(common words ignored: ${r.ignored.join(', ')})`)
  for (const h of r.hits) lines.push('', `${h.path}  [${h.score}]`, `  ${h.title}`, `  ${strip(h.snippet)}`)
  if (r.total) lines.push('', 'entities in these results:', formatFacets(r.facets))
  return lines.join('\n')
}

/** "1 document", "3 documents" */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
