/**
 * One writer per archive index: a lock file holding the owner's pid. A lock left by a process
 * that no longer exists (crash, kill -9) is taken over.
 */
import { open, readFile, unlink } from 'node:fs/promises'
import path from 'node:path'
import { DatelineError, ioError } from '../errors'

export interface Lock {
  release(): Promise<void>
}

export async function acquireLock(dir: string): Promise<Lock> {
  const file = path.join(dir, 'write.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(file, 'wx')
      await fh.writeFile(String(process.pid))
      await fh.close()
      return { release: () => unlink(file).catch(() => {}) }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(err, 'create the index lock')
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim())
      if (pid && isAlive(pid)) {
        throw new DatelineError('locked', `The index is being updated by another Dateline process (pid ${pid}). Try again when it has finished.`)
      }
      await unlink(file).catch(() => {})
    }
  }
  throw new DatelineError('locked', 'Could not lock the index folder.')
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
