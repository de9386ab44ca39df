/**
 * The dateline command: index and search an archive without a window. One module per command
 * (commands/); this file parses the common options and dispatches.
 * Exit codes: 0 success, 2 usage or query error, 1 any other failure. Errors go to stderr as
 * "dateline: <message>". --json prints one JSON object on stdout for scripts.
 */
import { ArchiveService } from '../core/api'
import { DatelineError } from '../core/errors'
import { parseArgs } from './args'
import type { CliIO, Command } from './context'
import { megabytes } from './format'
import { commandUsage, USAGE } from './usage'
import { batchCommand } from './commands/batch'
import { dateCommand } from './commands/date'
import { datesCommand } from './commands/dates'
import { docCommand } from './commands/doc'
import { entitiesCommand } from './commands/entities'
import { exportCommand } from './commands/export'
import { runEntityCommand } from './commands/entity'
import { historyCommand } from './commands/history'
import { importCommand } from './commands/import'
import { noteCommand, starCommand, tagCommand } from './commands/marks'
import { indexCommand } from './commands/index-archive'
import { reuseCommand } from './commands/reuse'
import { savedCommand } from './commands/saved'
import { searchCommand } from './commands/search'
import { statusCommand } from './commands/status'
import { storiesCommand } from './commands/stories'
import { timelineCommand } from './commands/timeline'
import { watchCommand } from './commands/watch'

export type { CliIO } from './context'
export { USAGE } from './usage'

const COMMANDS: Record<string, Command> = {
  index: indexCommand,
  search: searchCommand,
  entities: entitiesCommand,
  doc: docCommand,
  stories: storiesCommand,
  reuse: reuseCommand,
  date: dateCommand,
  dates: datesCommand,
  timeline: timelineCommand,
  import: importCommand,
  watch: watchCommand,
  status: statusCommand,
  export: exportCommand,
  star: starCommand,
  tag: tagCommand,
  note: noteCommand,
  saved: savedCommand,
  history: historyCommand,
  batch: batchCommand
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE)
      return command ? 0 : 2
    }
    // (-h only first: "-h" later may be a query's excluded word)
    if (rest.includes('--help') || rest[0] === '-h') {
      const usage = commandUsage(command)
      if (!usage) throw new DatelineError('usage', `unknown command "${command}".\n${USAGE}`)
      io.out(usage)
      return 0
    }
    if (command === 'entity') return await runEntityCommand(rest, io)
    const args = parseArgs(
      rest,
      ['data', 'limit', 'offset', 'entity', 'exclude-entity', 'type', 'query', 'sort', 'from', 'to', 'format', 'out', 'into', 'max-size', 'folder', 'passage', 'delete', 'edit'],
      ['json', 'hidden', 'all', 'clear', 'undated', 'progress', 'poll', 'documents', 'json-lines', 'off', 'remove', 'results', 'entities', 'text-only']
    )
    const dataFlag = args.flags.get('data')
    const dataDir = typeof dataFlag === 'string' ? dataFlag : io.env['DATELINE_DATA'] || undefined
    const archiveDir = args.positionals[0]
    if (!archiveDir) throw new DatelineError('usage', `${command}: give the archive folder.\n${USAGE}`)
    const maxSize = args.flags.get('max-size')
    const maxFileBytes = maxSize === undefined ? undefined : megabytes(maxSize)
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
    if (!run) throw new DatelineError('usage', `unknown command "${command}".\n${USAGE}`)
    return await run({
      args,
      io,
      json: args.flags.has('json'),
      archiveDir,
      dataDir,
      maxFileBytes,
      openIndexed: async () => {
        const svc = await ArchiveService.open(archiveDir, { dataDir })
        if (!svc.hasIndex) await svc.update()
        return svc
      }
    })
  } catch (err) {
    if (err instanceof DatelineError) {
      io.err(`dateline: ${err.message}`)
      return err.code === 'usage' || err.code === 'query' ? 2 : 1
    }
    io.err(`dateline: unexpected error: ${(err as Error)?.stack ?? String(err)}`)
    return 1
  }
}
