/** What every command gets: its parsed arguments, the common options, and the process's IO. */
import type { ArchiveService } from '../core/api'
import type { ParsedArgs } from './args'

export interface CliIO {
  out(text: string): void
  /** text as it is (no newline added), resolved once the output took it: what a long stream waits on */
  write?(text: string): Promise<void>
  err(text: string): void
  env: NodeJS.ProcessEnv
  /** aborted on Ctrl+C / SIGTERM: cancels an import, ends a watch */
  signal?: AbortSignal
}

export interface CommandContext {
  args: ParsedArgs
  io: CliIO
  json: boolean
  archiveDir: string
  dataDir: string | undefined
  /** --max-size in bytes, when given */
  maxFileBytes: number | undefined
  /** the archive opened, indexed first when it has no index yet */
  openIndexed(): Promise<ArchiveService>
}

/** A command: its exit code (0 done, 2 usage, 1 failure, 130 cancelled). */
export type Command = (c: CommandContext) => Promise<number>
