/**
 * Reading one archive file for indexing, safely: the path may have changed since the scan. A
 * FIFO or device put in a file's place would block a plain read forever, and a file may have
 * grown past the size limit (#25 items 7 and 10). Opened without blocking, checked to be a
 * regular file of an allowed size, then read through the same handle. With `within` (the archive's
 * real path), a path that leads outside it is not read.
 */
import { constants } from 'node:fs'
import { open, realpath } from 'node:fs/promises'
import { isInside } from './inside'
import { errCode, tooLargeReason } from './scan'

export async function readArchiveFile(abs: string, maxBytes: number, within?: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  // a file replaced by a link to somewhere outside since the scan is not read (#25 item 6)
  if (within !== undefined) {
    let real: string
    try {
      real = await realpath(abs)
    } catch (err) {
      return { ok: false, reason: `unreadable (${errCode(err)})` }
    }
    if (!isInside(real, within)) return { ok: false, reason: 'symbolic link to a file outside the archive (not indexed)' }
  }
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
