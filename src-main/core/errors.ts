/**
 * Errors users can read. Every failure that reaches the CLI or the window is a DatelineError
 * with a code (for programs) and a message written for a person.
 */
export type ErrorCode = 'query' | 'usage' | 'not-found' | 'io' | 'disk-full' | 'locked' | 'corrupt' | 'cancelled'

export class DatelineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'DatelineError'
  }
}

/** Translate a Node fs error into a DatelineError with a plain message. */
export function ioError(err: unknown, what: string): DatelineError {
  if (err instanceof DatelineError) return err
  const code = (err as NodeJS.ErrnoException)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') return new DatelineError('disk-full', `The disk is full: could not ${what}. Free some space and try again; nothing was lost.`)
  if (code === 'EACCES' || code === 'EPERM') return new DatelineError('io', `Permission denied: could not ${what}.`)
  if (code === 'EROFS') return new DatelineError('io', `Read-only file system: could not ${what}.`)
  return new DatelineError('io', `Could not ${what}: ${(err as Error)?.message ?? String(err)}`)
}
