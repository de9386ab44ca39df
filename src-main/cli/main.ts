/**
 * The dateline command: index and search an archive without a window.
 * Exit codes: 0 success, 2 usage or query error, 1 any other failure. Errors go to stderr as
 * "dateline: <message>". --json prints one JSON object on stdout for scripts.
 */
import { ArchiveService, type IndexReport, type SearchResult } from '../core/api'
import { DatelineError } from '../core/errors'
import { parseArgs } from './args'

export interface CliIO {
  out(text: string): void
  err(text: string): void
  env: NodeJS.ProcessEnv
}

export const USAGE = `Usage:
  dateline index <archive> [--data <dir>] [--json]
  dateline search <archive> <query> [--limit N] [--offset N] [--data <dir>] [--json]
  dateline status <archive> [--data <dir>] [--json]

Index data lives in --data, $DATELINE_DATA, or the platform's application-data folder.
Search syntax: words are ANDed; OR; -word or NOT word; "exact phrase"; title:word; prefix*; word~1.`

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE)
      return command ? 0 : 2
    }
    const args = parseArgs(rest, ['data', 'limit', 'offset'], ['json'])
    const json = args.flags.has('json')
    const dataFlag = args.flags.get('data')
    const dataDir = typeof dataFlag === 'string' ? dataFlag : io.env['DATELINE_DATA'] || undefined
    const archiveDir = args.positionals[0]
    if (!archiveDir) throw new DatelineError('usage', `${command}: give the archive folder.\n${USAGE}`)

    switch (command) {
      case 'index': {
        if (args.positionals.length > 1) throw new DatelineError('usage', 'index takes one archive folder')
        const svc = await ArchiveService.open(archiveDir, { dataDir })
        const report = await svc.update()
        io.out(json ? JSON.stringify(report) : formatReport(report, svc.indexDir))
        return 0
      }
      case 'search': {
        const query = args.positionals.slice(1).join(' ')
        if (!query.trim()) throw new DatelineError('usage', 'search: give a query, for example: dateline search ./archive "khatib raqqa"')
        const limit = intFlag(args.flags.get('limit'), 'limit', 20)
        const offset = intFlag(args.flags.get('offset'), 'offset', 0)
        const svc = await ArchiveService.open(archiveDir, { dataDir })
        if (!svc.hasIndex) await svc.update()
        const result = svc.search(query, { limit, offset })
        io.out(json ? JSON.stringify(jsonSearch(result)) : formatSearch(result))
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
    ms: r.ms
  }
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
  const lines = [`${r.total} result${r.total === 1 ? '' : 's'} for ${r.query} (${r.ms} ms)`]
  if (r.ignored.length) lines.push(`(common words ignored: ${r.ignored.join(', ')})`)
  for (const h of r.hits) lines.push('', `${h.path}  [${h.score}]`, `  ${h.title}`, `  ${strip(h.snippet)}`)
  return lines.join('\n')
}
