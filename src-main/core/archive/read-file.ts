/**
 * Reading one archive file for indexing, safely: the path may have changed since the scan. A
 * FIFO or device put in a file's place would block a plain read forever, and a file may have
 * grown past the size limit (#25 items 7 and 10). Opened without blocking, checked to be a
 * regular file of an allowed size, then read through the same handle.
 */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { errCode, tooLargeReason } from './scan'

export async function readArchiveFile(abs: string, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  let fh
  try {
    fh = await open(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (err) {
    return { ok: false, reason: `unreadable (${errCode(err)})` }
  }
  try {
    const info = await fh.stat()
    if (!info.isFile()) return { ok: false, reason: 'not a regular file (a pipe, device or socket took its place)' }
    if (info.size > maxBytes) return { ok: false, reason: tooLargeReason(info.size, maxBytes) }
    return { ok: true, bytes: await fh.readFile() }
  } catch (err) {
    return { ok: false, reason: `unreadable (${errCode(err)})` }
  } finally {
    await fh.close().catch(() => {})
  }
}
