/**
 * Import writes each copy under a hidden temporary name in its destination folder and renames
 * it into place. A process killed mid-copy leaves such a file behind; the next import on this
 * machine removes it. The name carries the machine and the process: a temporary file of another
 * machine (an import in progress on a shared drive), of a live process, or named by anyone else
 * is never touched (#25 item 4: the archive is written only by import).
 */
import { createHash } from 'node:crypto'
import { unlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Skipped } from '../archive/scan'
import { isAlive } from '../store/lock'

const PREFIX = '.dateline-import-'
const TEMP = /^\.dateline-import-([0-9a-f]{8})-(\d+)-[0-9a-f]+\.tmp$/
/** This machine, as a short tag in temporary names. */
const HOST = createHash('sha1').update(os.hostname()).digest('hex').slice(0, 8)

export function importTempName(random: string, pid = process.pid): string {
  return `${PREFIX}${HOST}-${pid}-${random}.tmp`
}

/** Remove temp copies left by dead importers; they are dropped from `skipped` (not the user's files). */
export async function removeOrphanedImports(archive: string, skipped: Skipped[]): Promise<number> {
  let removed = 0
  for (let i = skipped.length - 1; i >= 0; i--) {
    const rel = skipped[i]!.path
    const m = TEMP.exec(rel.slice(rel.lastIndexOf('/') + 1))
    if (!m || m[1] !== HOST) continue
    skipped.splice(i, 1)
    if (Number(m[2]) !== process.pid && isAlive(Number(m[2]))) continue
    await unlink(path.join(archive, ...rel.split('/'))).catch(() => {})
    removed++
  }
  return removed
}
