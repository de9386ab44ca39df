/**
 * Errors users can read. Every failure that reaches the CLI or the window is a DatelineError
 * with a code (for programs) and a message written for a person.
 */
/**
 * Every error code, the core's and the window boundary's, with what it means for the user (a
 * heading; each error also carries its own message). One list for the core, the CLI, the contract
 * and the window.
 */
export const ERROR_CODES = {
  query: 'The search could not be read',
  usage: 'The request was incomplete or wrong',
  'not-found': 'Not found',
  io: 'A file could not be read or written',
  'disk-full': 'The disk is full',
  locked: 'Busy: another operation is running on this archive',
  corrupt: 'The index is damaged and will be rebuilt',
  cancelled: 'Cancelled',
  // at the window's boundary only
  invalid: 'The window sent a malformed request',
  'no-archive': 'No archive is open',
  internal: 'Unexpected error'
} as const

export type ErrorCode = keyof typeof ERROR_CODES

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
