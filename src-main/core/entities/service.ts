/**
 * Entities of an open archive: the merged registry (read in place from the segments' entity
 * tables, with the user's corrections applied), listing and finding entities, and corrections
 * (merge, rename, retype, hide), kept in curation.json beside the index.
 */
import path from 'node:path'
import type { ArchiveContext } from '../archive/context'
import { CURATION_FILE, withUserFilesLock } from '../archive/context'
import { DatelineError } from '../errors'
import { foldWord } from '../text/fold'
import { loadCuration, parseCuration, saveCuration, type CurationFile, type CurationOp } from './curation'
import { countFacets, type Facets } from './facets'
import { EntityRegistry, type EntityRecord, type EntitySegment } from './registry'
import { isEntityType, type Entity, type EntityType } from './types'

export interface EntityQuery {
  type?: EntityType
  /** part of a name or alias (case- and accent-insensitive) */
  query?: string
  limit?: number
  sort?: 'count' | 'name'
  includeHidden?: boolean
}

export interface EntityView extends Entity {
  hidden?: boolean
}

export type CurationRequest =
  | { op: 'merge'; ids: string[]; name?: string }
  | { op: 'rename'; id: string; name: string }
  | { op: 'retype'; id: string; type: EntityType }
  | { op: 'hide'; id: string }
  | { op: 'unhide'; id: string }

/** One correction the user made, in words, with the entity it concerns now. */
export interface CorrectionView {
  /** position in the corrections file (what undo takes); a merge with a new name is one correction */
  index: number
  op: CurationOp['op']
  at: string
  /** "Merged 3 names into Lina Khatib", "Renamed to Ana Costa", "Hid Monday", "Made Rheinmetall an organisation" */
  text: string
  /** the entity as it is now, when it still exists */
  entity: { id: string; name: string; type: EntityType } | null
}

export interface EntityDocuments {
  entity: EntityView
  total: number
  documents: Array<{ id: string; path: string; title: string; mentions: number }>
}

/** The archive's merged entity list (built on first use after each update or correction). */
export function entityRegistry(ctx: ArchiveContext): EntityRegistry {
  if (ctx.cache.registry) return ctx.cache.registry
  const snap = ctx.snapshot
  // names and counts read in place from the segments' entity tables (live documents only);
  // mentions are decoded per document when shown
  const segments = [...snap.segments.values()].map((seg): EntitySegment => {
    const { entityTable, docEnt, docEntOff } = seg.data
    return { table: entityTable, docEnt, docEntOff, refs: seg.refs, live: snap.liveMask(seg) }
  })
  return (ctx.cache.registry = new EntityRegistry({ segments }, ctx.curation.ops, (id) => snap.segmentDocOf(snap.meta(id)).entities))
}

export function requireEntity(registry: EntityRegistry, id: string): EntityRecord {
  const r = registry.resolve(id)
  if (!r) throw new DatelineError('not-found', `No entity "${id}" in this archive. List them with: dateline entities <archive>`)
  return r
}

export function entityView(r: EntityRecord): EntityView {
  const v: EntityView = { id: r.id, type: r.type, name: r.name, aliases: r.aliases, documents: r.documents, mentions: r.mentions }
  if (r.hidden) v.hidden = true
  return v
}

export function listEntities(ctx: ArchiveContext, q: EntityQuery = {}): EntityView[] {
  const registry = entityRegistry(ctx)
  const needle = q.query ? foldWord(q.query.trim()) : ''
  let list = registry.list(q.includeHidden).filter((r) => (!q.type || r.type === q.type) && (!needle || [r.name, ...r.aliases].some((n) => foldWord(n).includes(needle))))
  list = list.sort(q.sort === 'name' ? (a, b) => a.name.localeCompare(b.name) : (a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name))
  return list.slice(0, Math.max(0, q.limit ?? 100)).map(entityView)
}

export function entity(ctx: ArchiveContext, id: string): EntityView {
  return entityView(requireEntity(entityRegistry(ctx), id))
}

/** Documents that mention an entity, most mentions first. */
export function documentsForEntity(ctx: ArchiveContext, id: string, opts: { limit?: number; offset?: number } = {}): EntityDocuments {
  const registry = entityRegistry(ctx)
  const r = requireEntity(registry, id)
  const docs = ctx.snapshot.manifest.docs
  const rows = [...registry.documentsOf(r)]
    .filter((d) => docs[d])
    .map((d) => ({ id: d, path: docs[d]!.path, title: docs[d]!.title, mentions: registry.entitiesOf(d).find((x) => x.record === r)?.mentions.length ?? 0 }))
    .sort((a, b) => b.mentions - a.mentions || (a.path < b.path ? -1 : 1))
  const offset = Math.max(0, opts.offset ?? 0)
  return { entity: entityView(r), total: rows.length, documents: rows.slice(offset, offset + Math.max(0, opts.limit ?? 50)) }
}

/** Entities that appear in the same documents as this one, by number of shared documents. */
export function cooccurring(ctx: ArchiveContext, id: string, limit = 10): Facets {
  const registry = entityRegistry(ctx)
  const r = requireEntity(registry, id)
  return countFacets(registry, registry.documentsOf(r), limit, new Set([r]))
}

/** Apply one correction, persist it, and return the entity it produced. */
export async function curate(ctx: ArchiveContext, req: CurationRequest): Promise<EntityView> {
  const registry = entityRegistry(ctx)
  const at = new Date().toISOString()
  let op: CurationOp
  switch (req.op) {
    case 'merge': {
      if (!Array.isArray(req.ids) || req.ids.length < 2) throw new DatelineError('usage', 'merge needs at least two entity ids.')
      const records = req.ids.map((id) => requireEntity(registry, id))
      const keys = [...new Set(records.map((r) => r.keys[0]!))]
      if (keys.length < 2) throw new DatelineError('usage', `${req.ids.map((id) => `"${id}"`).join(' and ')} are one entity already: give two different entities to merge.`)
      op = { op: 'merge', keys, at }
      break
    }
    case 'rename':
      if (typeof req.name !== 'string' || !req.name.trim()) throw new DatelineError('usage', 'rename needs a new name.')
      op = { op: 'rename', keys: requireEntity(registry, req.id).keys.slice(0, 1), name: req.name.trim(), at }
      break
    case 'retype':
      if (!isEntityType(req.type)) throw new DatelineError('usage', 'type must be person, organization or place.')
      op = { op: 'retype', keys: requireEntity(registry, req.id).keys.slice(0, 1), type: req.type, at }
      break
    case 'hide':
    case 'unhide':
      op = { op: req.op, keys: requireEntity(registry, req.id).keys.slice(0, 1), at }
      break
    default:
      throw new DatelineError('usage', 'Unknown correction.')
  }
  const added: CurationOp[] = [op]
  if (req.op === 'merge' && req.name) added.push({ op: 'rename', keys: op.keys.slice(0, 1), name: req.name, at })
  await changeCuration(ctx, (ops) => [...ops, ...added])
  // the first key names the entity the correction produced (for a merge: the first id's)
  return entityView(requireEntity(entityRegistry(ctx), op.keys[0]!))
}

/** Change the corrections as they are on disk now (another process may have added some), under the user-files lock. */
async function changeCuration(ctx: ArchiveContext, change: (ops: CurationOp[]) => CurationOp[]): Promise<void> {
  await withUserFilesLock(ctx, async () => {
    const file = path.join(ctx.store.dir, CURATION_FILE)
    const { curation: onDisk } = await loadCuration(file)
    const next: CurationFile = { ...onDisk, ops: change(onDisk.ops) }
    await saveCuration(file, next)
    ctx.curation = next
    ctx.cache.registry = undefined
  })
}

const TYPE_WORDS: Record<EntityType, string> = { person: 'a person', organization: 'an organisation', place: 'a place' }

/** The corrections, newest first, each in words (a merge and the rename given with it are one). */
export function corrections(ctx: ArchiveContext): CorrectionView[] {
  const registry = entityRegistry(ctx)
  const ops = ctx.curation.ops
  const out: CorrectionView[] = []
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!
    const rec = op.keys.map((k) => registry.resolve(k)).find(Boolean)
    const name = rec?.name ?? op.keys[0]!.replace(/^[a-z]+:[@~]?/, '')
    const next = ops[i + 1]
    const renamedWith = op.op === 'merge' && next?.op === 'rename' && next.at === op.at && next.keys[0] === op.keys[0] ? next : undefined
    const text =
      op.op === 'merge'
        ? `Merged ${op.keys.length} entities into ${name}`
        : op.op === 'rename'
          ? `Renamed to ${op.name}`
          : op.op === 'retype'
            ? `Made ${name} ${TYPE_WORDS[op.type]}`
            : op.op === 'hide'
              ? `Hid ${name}`
              : `Showed ${name} again`
    out.push({ index: i, op: op.op, at: op.at, text, entity: rec ? { id: rec.id, name: rec.name, type: rec.type } : null })
    if (renamedWith) i++
  }
  return out.reverse()
}

/** Take back one correction (a merge is unmerged), and return the corrections left. */
export async function undoCorrection(ctx: ArchiveContext, index: number): Promise<CorrectionView[]> {
  const ops = ctx.curation.ops
  const op = ops[index]
  if (!Number.isInteger(index) || !op) throw new DatelineError('not-found', 'That correction is no longer in the list; it may have been undone already.')
  const next = ops[index + 1]
  const withRename = op.op === 'merge' && next?.op === 'rename' && next.at === op.at && next.keys[0] === op.keys[0]
  const gone = new Set([JSON.stringify(op), ...(withRename ? [JSON.stringify(next)] : [])])
  // the same correction in the file as it is now (another process may have added others)
  await changeCuration(ctx, (fresh) => {
    if (!fresh.some((o) => gone.has(JSON.stringify(o)))) throw new DatelineError('not-found', 'That correction is no longer in the list; it may have been undone already.')
    return fresh.filter((o) => !gone.has(JSON.stringify(o)))
  })
  return corrections(ctx)
}

/** The corrections as JSON (for backup or another machine). */
export function exportCuration(ctx: ArchiveContext): CurationFile {
  return structuredClone(ctx.curation)
}

/** Replace or extend the corrections with an exported file. */
export async function importCuration(ctx: ArchiveContext, json: string, mode: 'replace' | 'append' = 'append'): Promise<number> {
  const incoming = parseCuration(json, 'The imported file')
  await changeCuration(ctx, (ops) => (mode === 'replace' ? incoming.ops : [...ops, ...incoming.ops]))
  return incoming.ops.length
}
