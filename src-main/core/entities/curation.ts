/**
 * The user's corrections to the entity list: merge, rename, change type, hide (and undo hide).
 * Each operation names entities by their merge keys (not by display ids, which may change as the
 * archive grows), so corrections survive re-indexing. Stored per archive in the data folder,
 * never in the archive; exported and imported as the same JSON.
 */
import { DatelineError } from '../errors'
import { readTextIfExists } from '../store/read'
import { writeFileAtomic } from '../store/atomic'
import { isEntityType, type EntityType } from './types'

export type CurationOp =
  | { op: 'merge'; keys: string[]; at: string }
  | { op: 'rename'; keys: string[]; name: string; at: string }
  | { op: 'retype'; keys: string[]; type: EntityType; at: string }
  | { op: 'hide'; keys: string[]; at: string }
  | { op: 'unhide'; keys: string[]; at: string }

export interface CurationFile {
  format: 'dateline-curation'
  version: 1
  ops: CurationOp[]
}

export function emptyCuration(): CurationFile {
  return { format: 'dateline-curation', version: 1, ops: [] }
}

/** Validate JSON from an import; throws a readable error naming the first bad operation. */
export function parseCuration(json: string, source: string): CurationFile {
  const { file, invalid } = readCuration(json, source)
  if (invalid.length) throw new DatelineError('corrupt', invalid[0]!)
  return file
}

/**
 * The corrections file as far as it can be trusted: every valid operation, and a message for each
 * one that is not. Throws only when the file is not a corrections file at all.
 */
export function readCuration(json: string, source: string): { file: CurationFile; invalid: string[] } {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    throw new DatelineError('corrupt', `${source} is not valid JSON.`)
  }
  const f = data as Partial<CurationFile>
  if (!f || f.format !== 'dateline-curation' || f.version !== 1 || !Array.isArray(f.ops)) {
    throw new DatelineError('corrupt', `${source} is not a Dateline entity-curation file (expected "format": "dateline-curation", "version": 1).`)
  }
  const invalid: string[] = []
  const ops = f.ops.filter((op, i) => {
    const why = invalidBecause(op)
    if (why) invalid.push(`${source}: operation ${i + 1} ${why}.`)
    return !why
  })
  return { file: { format: 'dateline-curation', version: 1, ops }, invalid }
}

function invalidBecause(op: CurationOp | null | undefined): string | undefined {
  if (!op || typeof op !== 'object') return 'is not an object'
  if (!Array.isArray(op.keys) || op.keys.length === 0 || !op.keys.every((k) => typeof k === 'string')) return 'has no entity keys'
  if (op.op === 'rename' && (typeof op.name !== 'string' || !op.name.trim())) return 'has no new name'
  if (op.op === 'retype' && !isEntityType(op.type)) return 'has an unknown type'
  if (!['merge', 'rename', 'retype', 'hide', 'unhide'].includes(op.op)) return `has an unknown kind "${String(op.op)}"`
  if (op.op === 'merge' && new Set(op.keys).size < 2) return 'merges fewer than two entities'
  return undefined
}

/**
 * The corrections on disk. A damaged file never makes the archive unusable: the valid operations
 * are kept, the file as it was is set aside (`curation.json.damaged-<time>`), and `problems` says
 * what was left out.
 */
export async function loadCuration(file: string): Promise<{ curation: CurationFile; problems: string[] }> {
  const json = await readTextIfExists(file, 'read the entity corrections')
  if (json === undefined) return { curation: emptyCuration(), problems: [] }
  let read: { file: CurationFile; invalid: string[] }
  try {
    read = readCuration(json, 'The entity corrections file')
  } catch (err) {
    read = { file: emptyCuration(), invalid: [(err as Error).message] }
  }
  if (!read.invalid.length) return { curation: read.file, problems: [] }
  const backup = `${file}.damaged-${Date.now()}`
  await writeFileAtomic(backup, json).catch(() => {})
  return { curation: read.file, problems: [...read.invalid, `The file as it was is kept as ${backup}; the other corrections are in use.`] }
}

export async function saveCuration(file: string, curation: CurationFile): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(curation, null, 2) + '\n')
}
