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

/** Validate JSON from disk or from an import; throws a readable error. */
export function parseCuration(json: string, source: string): CurationFile {
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
  f.ops.forEach((op, i) => {
    const bad = (why: string) => new DatelineError('corrupt', `${source}: operation ${i + 1} ${why}.`)
    if (!op || typeof op !== 'object') throw bad('is not an object')
    if (!Array.isArray(op.keys) || op.keys.length === 0 || !op.keys.every((k) => typeof k === 'string')) throw bad('has no entity keys')
    if (op.op === 'rename' && (typeof op.name !== 'string' || !op.name.trim())) throw bad('has no new name')
    if (op.op === 'retype' && !isEntityType(op.type)) throw bad('has an unknown type')
    if (!['merge', 'rename', 'retype', 'hide', 'unhide'].includes(op.op)) throw bad(`has an unknown kind "${String(op.op)}"`)
    if (op.op === 'merge' && op.keys.length < 2) throw bad('merges fewer than two entities')
  })
  return f as CurationFile
}

export async function loadCuration(file: string): Promise<CurationFile> {
  const json = await readTextIfExists(file, 'read the entity corrections')
  return json === undefined ? emptyCuration() : parseCuration(json, 'The entity corrections file')
}

export async function saveCuration(file: string, curation: CurationFile): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(curation, null, 2) + '\n')
}
