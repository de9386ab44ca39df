/**
 * Put one file's bytes into the archive without ever overwriting anything and without ever
 * leaving half a file under a real name: write a hidden temp file in the destination folder,
 * flush it to disk, then hard-link it to the first free name ("a.txt", "a (2).txt", …) — link()
 * fails atomically if the name exists, unlike rename() which would replace it — and drop the
 * temp name. File systems without hard links (FAT, some network shares) fall back to
 * check-then-rename.
 */
import { randomBytes } from 'node:crypto'
import { link, lstat, mkdir, rename, unlink, utimes } from 'node:fs/promises'
import path from 'node:path'
import { writeNewFileDurably } from '../store/atomic'
import { numberedName } from './names'
import { importTempName } from './temp'

export interface CopyTarget {
  /** absolute destination folder (created if missing) */
  dir: string
  /** wanted file name (already portable) */
  name: string
  bytes: Uint8Array
  /** the source's modification time, kept: it is evidence for the publication date */
  mtimeMs: number
}

/** Injected by tests to simulate failures the machine cannot produce on demand. */
export interface CopyFs {
  writeTemp(file: string, bytes: Uint8Array): Promise<void>
}

export const realCopyFs: CopyFs = { writeTemp: writeNewFileDurably }

const MAX_NUMBER = 10_000

/** Returns the absolute path the file was written to. Throws the fs error (temp file removed). */
export async function copyIntoPlace(t: CopyTarget, fs: CopyFs = realCopyFs): Promise<string> {
  await mkdir(t.dir, { recursive: true })
  const tmp = path.join(t.dir, importTempName(randomBytes(6).toString('hex')))
  try {
    await fs.writeTemp(tmp, t.bytes)
    const when = new Date(t.mtimeMs)
    await utimes(tmp, when, when)
    for (let n = 1; n <= MAX_NUMBER; n++) {
      const dest = path.join(t.dir, numberedName(t.name, n))
      try {
        await link(tmp, dest)
        await unlink(tmp)
        return dest
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code
        if (code === 'EEXIST') continue
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw err
        // no hard links here: take the name only if nothing has it
        if (await exists(dest)) continue
        await rename(tmp, dest)
        return dest
      }
    }
    throw Object.assign(new Error('no free file name'), { code: 'EEXIST' })
  } catch (err) {
    await unlink(tmp).catch(() => {})
    throw err
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p)
    return true
  } catch {
    return false
  }
}
