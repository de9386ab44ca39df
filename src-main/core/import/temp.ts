/**
 * Import writes each copy under a hidden temporary name in its destination folder and renames
 * it into place. A process killed mid-copy leaves such a file behind; it is ours, so it is
 * removed at the next full reconciliation (never a file that a live import is still writing).
 */
import { unlink } from 'node:fs/promises'
import path from 'node:path'
import type { Skipped } from '../archive/scan'
import { isAlive } from '../store/lock'

const PREFIX = '.dateline-import-'
const TEMP = /^\.dateline-import-(\d+)-[0-9a-f]+\.tmp$/

export function importTempName(random: string): string {
  return `${PREFIX}${process.pid}-${random}.tmp`
}

/** Remove temp copies left by dead importers; they are dropped from `skipped` (not the user's files). */
export async function removeOrphanedImports(archive: string, skipped: Skipped[]): Promise<number> {
  let removed = 0
  for (let i = skipped.length - 1; i >= 0; i--) {
    const rel = skipped[i]!.path
    const m = TEMP.exec(rel.slice(rel.lastIndexOf('/') + 1))
    if (!m) continue
    skipped.splice(i, 1)
    if (Number(m[1]) !== process.pid && isAlive(Number(m[1]))) continue
    await unlink(path.join(archive, ...rel.split('/'))).catch(() => {})
    removed++
  }
  return removed
}
