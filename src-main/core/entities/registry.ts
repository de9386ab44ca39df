/**
 * The archive's entities: every document's entities merged into one list.
 *
 * Merge keys are joined (union-find) when a document shows two names are one entity (an acronym
 * defined in parentheses, a curated alias), when a lone surname matches exactly one full name
 * in the archive, and when the user merges them. Each group becomes one Entity with a stable id
 * (a curated id like "organization:islamic-state", or type + slug of its most used name).
 * Pure: built from the documents' stored entities and the curation operations.
 */
import { topK } from '../search/top'
import type { CurationOp } from './curation'
import { KNOWN } from './knowledge'
import { nameWords, slug } from './keys'
import type { DocEntity, Entity, EntityType, Span } from './types'

/**
 * One document's entities: with their mentions, or (from an index segment) as names with a
 * count of mentions each, so building the registry needs no mention offsets.
 */
export type DocEntities =
  | { docId: string; entities: readonly DocEntity[]; counts?: undefined }
  | { docId: string; entities: readonly Omit<DocEntity, 'mentions'>[]; counts: ArrayLike<number> }

/**
 * An index segment's entity data as it is stored: a table of distinct names and, per document
 * ordinal, pairs (row of the table, mentions). The registry reads these arrays in place: at
 * 100,000 documents (2.3 million document-entity pairs) that is 4× faster than handing it one
 * object per document, which matters because the registry is rebuilt after every update.
 */
export interface EntitySegment {
  table: readonly Omit<DocEntity, 'mentions'>[]
  docEnt: Uint32Array
  docEntOff: Uint32Array
  /** document id by ordinal */
  refs: readonly string[]
  /** 1 where the ordinal's document is live (not replaced or removed) */
  live: Uint8Array
}

export interface EntityRecord extends Entity {
  hidden: boolean
  /** merge keys of the group (for curation and for resolving older ids) */
  keys: string[]
}

export interface DocEntityView {
  id: string
  type: EntityType
  name: string
  mentions: Span[]
}

const KNOWN_BY_ID = new Map(KNOWN.map((k) => [k.id, k]))

class UnionFind {
  private parent = new Map<string, string>()
  find(x: string): string {
    let p = this.parent.get(x)
    if (p === undefined) {
      this.parent.set(x, x)
      return x
    }
    if (p === x) return x
    p = this.find(p)
    this.parent.set(x, p)
    return p
  }
  union(a: string, b: string): void {
    const ra = this.find(a)
    const rb = this.find(b)
    // keep a curated id as the root so the group is named after it
    if (ra !== rb) {
      if (KNOWN_BY_ID.has(rb) && !KNOWN_BY_ID.has(ra)) this.parent.set(ra, rb)
      else this.parent.set(rb, ra)
    }
  }
}

interface KeyStats {
  type: EntityType
  names: Map<string, number>
  mentions: number
}

export class EntityRegistry {
  private readonly records: EntityRecord[]
  private readonly byId = new Map<string, EntityRecord>()
  private readonly byKey = new Map<string, EntityRecord>()
  /** documents of a record, collected when first asked for (filters, the entity page) */
  private readonly docsOf = new Map<EntityRecord, Set<string>>()
  /** each document's entities with mentions, when no mentionsOf was given (shared, not copied) */
  private readonly docEntities = new Map<string, readonly DocEntity[]>()
  /** each document's distinct records, as indexes into `records`: what facet counting reads */
  private readonly docRecords = new Map<string, Uint32Array>()
  private readonly recordIndex = new Map<EntityRecord, number>()
  private readonly ofDocCache = new Map<string, Array<{ record: EntityRecord; mentions: Span[] }>>()

  /**
   * @param mentionsOf a document's entities with their mentions, read when one document's are
   *   asked for (entitiesOf); without it, the mentions handed in are kept.
   */
  constructor(
    docs: Iterable<DocEntities> | { segments: readonly EntitySegment[] },
    ops: readonly CurationOp[] = [],
    private readonly mentionsOf?: (docId: string) => readonly DocEntity[]
  ) {
    // Pass 1, per (document, entity): only integer work over the segments' typed arrays. Index
    // segments hand over shared entity-name objects, so 100,000 documents × 27 entities come down
    // to a few thousand rows.
    const segments = 'segments' in docs ? docs.segments : [this.asSegment(docs)]
    const rows: Array<Omit<DocEntity, 'mentions'>> = []
    /** first row of each segment's table */
    const base: number[] = []
    for (const s of segments) {
      base.push(rows.length)
      for (const e of s.table) rows.push(e)
    }
    // mentions per row; -1: named by no live document
    const rowMentions = new Float64Array(rows.length).fill(-1)
    for (let si = 0; si < segments.length; si++) {
      const seg: EntitySegment = segments[si]!
      const docEnt: Uint32Array = seg.docEnt
      const docEntOff: Uint32Array = seg.docEntOff
      const b = base[si]!
      for (let o = 0; o < seg.refs.length; o++) {
        if (!seg.live[o]) continue
        for (let k: number = docEntOff[o]!, end: number = docEntOff[o + 1]!; k < end; k++) {
          const r = b + docEnt[2 * k]!
          rowMentions[r] = (rowMentions[r]! < 0 ? 0 : rowMentions[r]!) + docEnt[2 * k + 1]!
        }
      }
    }

    // Pass 2, per row: merge keys, names and mention counts
    const stats = new Map<string, KeyStats>()
    const uf = new UnionFind()
    rows.forEach((e, r) => {
      const count = rowMentions[r]!
      if (count < 0) return
      let s = stats.get(e.key)
      if (!s) stats.set(e.key, (s = { type: e.type, names: new Map(), mentions: 0 }))
      s.names.set(e.name, (s.names.get(e.name) ?? 0) + count)
      for (const f of e.forms ?? []) if (!s.names.has(f)) s.names.set(f, 0)
      s.mentions += count
      uf.find(e.key)
      for (const l of e.links ?? []) uf.union(e.key, l)
    })

    // a lone surname ("Khatib") joins the one full name in the archive that ends with it
    const fullBySurname = new Map<string, Set<string>>()
    for (const [key, s] of stats) {
      if (s.type !== 'person') continue
      const words = key.slice('person:'.length).split(' ')
      if (words.length > 1) {
        const set = fullBySurname.get(words.at(-1)!) ?? new Set()
        set.add(uf.find(key))
        fullBySurname.set(words.at(-1)!, set)
      }
    }
    for (const [key, s] of stats) {
      if (s.type !== 'person') continue
      const words = key.slice('person:'.length).split(' ')
      const full = words.length === 1 ? fullBySurname.get(words[0]!) : undefined
      if (full?.size === 1) uf.union([...full][0]!, key)
    }

    // the user's merges (by key; keys not in the archive any more are ignored)
    for (const op of ops) {
      if (op.op !== 'merge') continue
      const present = op.keys.filter((k) => stats.has(k) || KNOWN_BY_ID.has(k))
      for (let i = 1; i < present.length; i++) uf.union(present[0]!, present[i]!)
    }

    // groups → records
    const groups = new Map<string, string[]>()
    for (const key of stats.keys()) {
      const root = uf.find(key)
      const g = groups.get(root)
      if (g) g.push(key)
      else groups.set(root, [key])
    }
    const records: EntityRecord[] = []
    const namesOf = new Map<EntityRecord, Map<string, number>>()
    for (const [root, keys] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const known = KNOWN_BY_ID.get(root) ?? keys.map((k) => KNOWN_BY_ID.get(k)).find(Boolean)
      const names = new Map<string, number>()
      let mentions = 0
      const typeVotes = new Map<EntityType, number>()
      for (const k of keys) {
        const s = stats.get(k)!
        for (const [n, c] of s.names) names.set(n, (names.get(n) ?? 0) + c)
        mentions += s.mentions
        typeVotes.set(s.type, (typeVotes.get(s.type) ?? 0) + s.mentions)
      }
      const type = known?.type ?? [...typeVotes].sort((a, b) => b[1] - a[1])[0]![0]
      const name = known?.name ?? displayName(type, names)
      // a stripped copy's lost apostrophe ("Islamic States") is not an alias worth showing
      const aliases = [...names.keys()].filter((n) => n !== name && n !== `${name}s`).sort()
      if (known) for (const a of known.aliases) if (a !== name && !aliases.includes(a) && names.has(a)) aliases.push(a)
      // documents: counted below, per document
      const record: EntityRecord = { id: known?.id ?? '', type, name, aliases, documents: 0, mentions, hidden: false, keys }
      records.push(record)
      namesOf.set(record, names)
      for (const k of keys) this.byKey.set(k, record)
    }

    // curation after grouping: type changes, renames, hiding (ids come from the automatic name)
    for (const op of ops) {
      if (op.op === 'merge') continue
      const key = op.keys.find((k) => this.byKey.has(k))
      const r = key === undefined ? undefined : this.byKey.get(key)
      if (!r) continue
      if (op.op === 'rename') r.name = op.name
      else if (op.op === 'retype') r.type = op.type
      else if (op.op === 'hide') r.hidden = true
      else if (op.op === 'unhide') r.hidden = false
    }

    // ids: curated, else type + slug; collisions numbered in a stable order
    const taken = new Set(records.filter((r) => r.id).map((r) => r.id))
    for (const r of records) {
      if (r.id) {
        if (!r.id.startsWith(`${r.type}:`)) r.id = `${r.type}:${r.id.slice(r.id.indexOf(':') + 1)}`
        continue
      }
      const auto = displayName(r.type, namesOf.get(r)!)
      let id = `${r.type}:${slug(auto)}`
      for (let n = 2; taken.has(id); n++) id = `${r.type}:${slug(auto)}-${n}`
      taken.add(id)
      r.id = id
    }
    for (const r of records) this.byId.set(r.id, r)
    records.forEach((r, i) => this.recordIndex.set(r, i))
    const recordOfRow = Uint32Array.from(rows, (e, r) => (rowMentions[r]! < 0 ? 0 : this.recordIndex.get(this.byKey.get(e.key)!)!))
    const documents = new Uint32Array(records.length)
    const lastDoc = new Int32Array(records.length).fill(-1)
    let di = 0
    for (let si = 0; si < segments.length; si++) {
      const seg: EntitySegment = segments[si]!
      const docEnt: Uint32Array = seg.docEnt
      const docEntOff: Uint32Array = seg.docEntOff
      const b = base[si]!
      for (let o = 0; o < seg.refs.length; o++, di++) {
        if (!seg.live[o]) continue
        const from: number = docEntOff[o]!
        const end: number = docEntOff[o + 1]!
        const mine = new Uint32Array(end - from)
        let n = 0
        for (let k: number = from; k < end; k++) {
          const rec = recordOfRow[b + docEnt[2 * k]!]!
          if (lastDoc[rec] === di) continue // two names of one entity in one document
          lastDoc[rec] = di
          documents[rec]!++
          mine[n++] = rec
        }
        this.docRecords.set(seg.refs[o]!, n === mine.length ? mine : mine.subarray(0, n))
      }
    }
    records.forEach((r, i) => (r.documents = documents[i]!))
    this.records = records
  }

  /** Documents handed in one by one, laid out as one segment (all live); with mentions, they are kept for entitiesOf. */
  private asSegment(docs: Iterable<DocEntities>): EntitySegment {
    const table: Array<Omit<DocEntity, 'mentions'>> = []
    const rowOf = new Map<object, number>()
    const pairs: number[] = []
    const off = [0]
    const refs: string[] = []
    for (const d of docs) {
      if (!this.mentionsOf && !d.counts) this.docEntities.set(d.docId, d.entities)
      refs.push(d.docId)
      d.entities.forEach((e, i) => {
        let r = rowOf.get(e)
        if (r === undefined) {
          r = table.length
          rowOf.set(e, r)
          table.push(e)
        }
        pairs.push(r, d.counts ? d.counts[i]! : (e as DocEntity).mentions.length)
      })
      off.push(pairs.length / 2)
    }
    return { table, docEnt: Uint32Array.from(pairs), docEntOff: Uint32Array.from(off), refs, live: new Uint8Array(refs.length).fill(1) }
  }

  /**
   * How many of the given documents mention each visible entity, most mentioned first, at most
   * `limit` per type: counted in a typed array, since a broad search hands over 100,000 documents.
   */
  countByType(docIds: Iterable<string>, limit: number, skip: ReadonlySet<EntityRecord> = new Set()): Map<EntityType, Array<{ record: EntityRecord; count: number }>> {
    const counts = new Uint32Array(this.records.length)
    for (const id of docIds) {
      const rs = this.docRecords.get(id)
      if (rs) for (let k = 0; k < rs.length; k++) counts[rs[k]!]!++
    }
    const byType = new Map<EntityType, Array<{ record: EntityRecord; count: number }>>()
    counts.forEach((count, i) => {
      const record = this.records[i]!
      if (!count || record.hidden || skip.has(record)) return
      const list = byType.get(record.type) ?? []
      list.push({ record, count })
      byType.set(record.type, list)
    })
    const order = (a: { record: EntityRecord; count: number }, b: { record: EntityRecord; count: number }) => b.count - a.count || (a.record.name < b.record.name ? -1 : 1)
    return new Map([...byType].map(([type, list]) => [type, topK(list, limit, order)]))
  }

  /** Visible entities (hidden ones only when asked). */
  list(includeHidden = false): EntityRecord[] {
    return includeHidden ? [...this.records] : this.records.filter((r) => !r.hidden)
  }

  /**
   * Find an entity by its id, by an older id or merge key ("organization:isil" after ISIL was
   * merged into the Islamic State), or by type + one of its names.
   */
  resolve(id: string): EntityRecord | undefined {
    const direct = this.byId.get(id) ?? this.byKey.get(id)
    if (direct) return direct
    const colon = id.indexOf(':')
    if (colon < 0) return undefined
    const type = id.slice(0, colon)
    const wanted = id.slice(colon + 1)
    return this.records.find((r) => r.type === type && [r.name, ...r.aliases].some((n) => slug(n) === wanted || nameWords(n).join(' ') === wanted))
  }

  documentsOf(record: EntityRecord): ReadonlySet<string> {
    let docs = this.docsOf.get(record)
    if (!docs) {
      docs = new Set()
      const want = this.recordIndex.get(record)
      if (want !== undefined) for (const [docId, rs] of this.docRecords) if (rs.includes(want)) docs.add(docId)
      this.docsOf.set(record, docs)
    }
    return docs
  }

  entitiesOf(docId: string): ReadonlyArray<{ record: EntityRecord; mentions: Span[] }> {
    let list = this.ofDocCache.get(docId)
    if (!list) {
      list = []
      const ents = this.mentionsOf ? (this.docRecords.has(docId) ? this.mentionsOf(docId) : []) : (this.docEntities.get(docId) ?? [])
      for (const e of ents) {
        const record = this.byKey.get(e.key)!
        const existing = list.find((x) => x.record === record)
        if (existing) existing.mentions.push(...e.mentions)
        else list.push({ record, mentions: [...e.mentions] })
      }
      for (const x of list) x.mentions.sort((a, b) => a[0] - b[0])
      // worked out when asked (the reader, the timeline); a bounded memory of recent ones
      if (this.ofDocCache.size >= 5000) this.ofDocCache.clear()
      this.ofDocCache.set(docId, list)
    }
    return list
  }
}

/** The name to show: people by their fullest name, others by their most used form. */
function displayName(type: EntityType, names: Map<string, number>): string {
  const entries = [...names.entries()]
  entries.sort((a, b) => {
    if (type === 'person') {
      const wa = a[0].split(/\s+/).length
      const wb = b[0].split(/\s+/).length
      if (wa !== wb) return wb - wa
    }
    return b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1)
  })
  return entries[0]?.[0] ?? 'unnamed'
}
