/**
 * Publication dates set by the user, kept in the archive's data folder (never in the archive).
 * Keyed by relative path, with the content hash so a moved or renamed file keeps its date.
 */
import { writeFileAtomic } from '../store/atomic'
import { readTextIfExists } from '../store/read'

export interface UserDate {
  /** YYYY-MM-DD, or null: the user says the date is unknown */
  date: string | null
  hash: string
  at: string
}

/** "The files under this folder are from 1987": completes their partial dates, dates the undated to the year. */
export interface FolderYear {
  year: number
  at: string
}

export interface UserDatesFile {
  format: 'dateline-user-dates'
  version: 1
  dates: Record<string, UserDate>
  /** folder (relative, no trailing slash) → the year its files are from */
  folders?: Record<string, FolderYear>
}

export function emptyUserDates(): UserDatesFile {
  return { format: 'dateline-user-dates', version: 1, dates: {} }
}

export async function loadUserDates(file: string): Promise<UserDatesFile> {
  const raw = await readTextIfExists(file, 'read the publication dates you set')
  if (raw === undefined) return emptyUserDates()
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

/** The year the user gave the nearest folder above a path, if any. */
export function folderYearLookup(data: UserDatesFile): (path: string) => number | undefined {
  const folders = data.folders ?? {}
  return (path) => {
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
      const hint = folders[path.slice(0, at)]
      if (hint) return hint.year
    }
    return undefined
  }
}

/** The user's date for a document: by path, else by identical content (the file was moved). */
export function userDateLookup(data: UserDatesFile): (path: string, hash: string) => UserDate | undefined {
  const byHash = new Map<string, UserDate>()
  for (const u of Object.values(data.dates)) byHash.set(u.hash, u)
  return (path, hash) => data.dates[path] ?? byHash.get(hash)
}
