/**
 * One writer per archive index: a lock file holding the owner's pid. The file is made whole
 * before it appears (written under a temporary name, then hard-linked into place: the link fails
 * when the lock exists), so nobody reads an empty lock and takes it for a dead one. A lock left by
 * a process that no longer exists (crash, kill -9) is taken over. A writer finding the lock held
 * by a live process waits for it, up to `waitMs`, rather than failing halfway (two imports at once).
 */
import { link, readFile, stat, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DatelineError, ioError } from '../errors'

export interface Lock {
  release(): Promise<void>
}

/** `name`: write.lock guards the index; user.lock the user's own files (corrections, dates), so a correction never waits for a long update. */
export async function acquireLock(dir: string, waitMs = 0, name = 'write.lock'): Promise<Lock> {
  const file = path.join(dir, name)
  const until = Date.now() + waitMs
  let owner = 0
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(dir, `${name}.${process.pid}.${attempt}.tmp`)
    try {
      await writeFile(tmp, String(process.pid))
      await link(tmp, file)
      return { release: () => unlink(file).catch(() => {}) }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(err, 'create the index lock')
    } finally {
      await unlink(tmp).catch(() => {})
    }
    owner = Number((await readFile(file, 'utf8').catch(() => '')).trim())
    // this process writes one update at a time (the archive service queues them): a lock with its
    // own pid was left by an earlier process that had the same pid
    if (owner && owner !== process.pid && isAlive(owner)) {
      if (Date.now() >= until) break
      await new Promise((r) => setTimeout(r, Math.min(200, 20 * (attempt + 1))))
      continue
    }
    // a lock whose process is gone: take it over
    // (another process taking it over at the same moment: give it the time it needs)
    if (!(await takeOver(dir, name, owner))) await new Promise((r) => setTimeout(r, 10))
    if (attempt > 50 && Date.now() >= until) break
  }
  throw new DatelineError('locked', owner ? `The index is being updated by another Dateline process (pid ${owner}). Try again when it has finished.` : 'Could not lock the index folder.')
}

/**
 * Remove a dead owner's lock, one taker at a time. Without the guard, two takers that both read
 * the dead pid could each remove "the" lock: the second removed the first's fresh one, and both
 * held it. Under the guard the lock is read again and removed only if it is still the dead one.
 */
async function takeOver(dir: string, name: string, deadOwner: number): Promise<boolean> {
  const file = path.join(dir, name)
  const guard = path.join(dir, `${name}.takeover`)
  const tmp = `${guard}.${process.pid}.tmp`
  try {
    await writeFile(tmp, String(process.pid))
    await link(tmp, guard)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(err, 'take over the index lock')
    // another process is taking it over; a guard this old was left by a taker that died meanwhile
    const st = await stat(guard).catch(() => null)
    if (st && Date.now() - st.mtimeMs > GUARD_STALE_MS) await unlink(guard).catch(() => {})
    return false
  } finally {
    await unlink(tmp).catch(() => {})
  }
  try {
    const now = Number((await readFile(file, 'utf8').catch(() => '')).trim())
    if (now === deadOwner || (now && now !== process.pid && !isAlive(now))) await unlink(file).catch(() => {})
  } finally {
    await unlink(guard).catch(() => {})
  }
  return true
}

/** A takeover takes milliseconds: a guard older than this belongs to a taker that died. */
const GUARD_STALE_MS = 10_000

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
