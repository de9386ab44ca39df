/**
 * Publication dates set by the user, kept in the archive's data folder (never in the archive).
 * Keyed by relative path, with the content hash so a moved or renamed file keeps its date.
 */
import { readFile } from 'node:fs/promises'
import { ioError } from '../errors'
import { writeFileAtomic } from '../store/atomic'

export interface UserDate {
  /** YYYY-MM-DD, or null: the user says the date is unknown */
  date: string | null
  hash: string
  at: string
}

export interface UserDatesFile {
  format: 'dateline-user-dates'
  version: 1
  dates: Record<string, UserDate>
}

export function emptyUserDates(): UserDatesFile {
  return { format: 'dateline-user-dates', version: 1, dates: {} }
}

export async function loadUserDates(file: string): Promise<UserDatesFile> {
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyUserDates()
    throw ioError(err, 'read the publication dates you set')
  }
  try {
    const parsed = JSON.parse(raw) as UserDatesFile
    if (parsed.format === 'dateline-user-dates' && parsed.dates && typeof parsed.dates === 'object') return parsed
  } catch {
    // fall through
  }
  // never silently drop the user's work: keep the damaged file's content out of the way
  await writeFileAtomic(`${file}.damaged-${Date.now()}`, raw).catch(() => {})
  return emptyUserDates()
}

export async function saveUserDates(file: string, data: UserDatesFile): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(data, null, 1))
}

/** The user's date for a document: by path, else by identical content (the file was moved). */
export function userDateFor(data: UserDatesFile, path: string, hash: string, byHash: Map<string, UserDate>): UserDate | undefined {
  return data.dates[path] ?? byHash.get(hash)
}
