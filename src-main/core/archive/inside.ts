/**
 * Where a path really leads. Symbolic links can make a path under the archive point anywhere
 * (#25 items 5 and 6): reading and writing check the real path, not the spelled one.
 */
import { realpath } from 'node:fs/promises'
import path from 'node:path'

/** True when `abs` is `root` or lies below it (both absolute, already resolved). */
export function isInside(abs: string, root: string): boolean {
  const rel = path.relative(root, abs)
  return rel === '' || (rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel))
}

/** The real path of a folder (links resolved); the resolved spelling when it cannot be resolved. */
export async function realFolder(dir: string): Promise<string> {
  return realpath(dir).catch(() => path.resolve(dir))
}

/** Two spellings of one folder: exact on Linux; macOS and Windows file systems usually ignore case and Unicode form. */
export function sameFolder(a: string, b: string): boolean {
  if (a === b) return true
  if (process.platform === 'linux') return false
  const fold = (p: string) => p.normalize('NFC').toLowerCase()
  return fold(a) === fold(b)
}
