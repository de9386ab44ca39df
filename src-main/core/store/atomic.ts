/**
 * Crash-safe file writes: write a temporary file in the same folder, fsync it, rename it over
 * the target, fsync the folder. A reader sees the old file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import { ioError } from '../errors'

export async function writeFileAtomic(file: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeNewFileDurably(tmp, data)
    await rename(tmp, file)
  } catch (err) {
    await unlink(tmp).catch(() => {})
    throw ioError(err, `write ${path.basename(file)}`)
  }
  await syncDir(path.dirname(file))
}

/** Create `file` (failing if it exists) with `data`, flushed to the disk before returning. */
export async function writeNewFileDurably(file: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const fh = await open(file, 'wx')
  try {
    if (Array.isArray(data)) for (const part of data as readonly Uint8Array[]) await fh.write(part)
    else await fh.writeFile(data as string | Uint8Array)
    await fh.sync()
  } finally {
    await fh.close()
  }
}

export async function syncDir(dir: string): Promise<void> {
  // Makes the rename durable on Linux; not supported on Windows, where it is skipped.
  try {
    const fh = await open(dir, 'r')
    try {
      await fh.sync()
    } finally {
      await fh.close()
    }
  } catch {
    /* best effort */
  }
}
