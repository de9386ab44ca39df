/**
 * Stars, tags and notes of an open archive: changing them (read-modify-write of annotations.json
 * under the user-files lock, so the app and the CLI never lose each other's marks), reading an
 * article's marks with its notes anchored to the text as it is now, and what the search filters
 * (tag:, is:, note:) and facets need.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { withUserFilesLock, type ArchiveContext } from '../archive/context'
import { DatelineError } from '../errors'
import type { IndexedDocument } from '../search/index-store'
import { passageAt, reanchor } from './anchor'
import { ANNOTATIONS_FILE, loadAnnotations, saveAnnotations, type DocAnnotations, type Note, type Passage } from './file'

export type AnnotateRequest =
  | { op: 'star'; path: string; on: boolean }
  | { op: 'tag'; path: string; tag: string; on: boolean }
  | { op: 'note'; path: string; text: string; passage?: { start: number; end: number } }
  | { op: 'edit-note'; path: string; id: string; text: string }
  | { op: 'delete-note'; path: string; id: string }

export interface NoteView {
  id: string
  text: string
  at: string
  /** the passage as it is in the text now; absent for a note on the whole article */
  passage?: Passage
  /** "kept": where it was; "moved": the article changed, the quote was found again; "lost": the quote is gone */
  anchor?: 'kept' | 'moved' | 'lost'
}

export interface AnnotationsView {
  starred: boolean
  tags: string[]
  notes: NoteView[]
}

/** Tags: letters, digits, "-" and "_", up to 64, compared in lower case ("Raqqa-Defections" is "raqqa-defections"). */
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,63}$/u
export const MAX_NOTE_CHARS = 10_000
const MAX_PASSAGE_CHARS = 5_000

export function normalizeTag(tag: string): string {
  const t = tag.trim().replace(/^#/, '').toLowerCase()
  if (!TAG.test(t)) throw new DatelineError('usage', `"${tag.slice(0, 80)}" is not a tag name: use letters, digits, "-" or "_" (up to 64), for example raqqa-defections.`)
  return t
}

/** The marks of a document: by its path, else by its content (the file was moved or renamed). */
export function annotationsLookup(ctx: ArchiveContext): (doc: Pick<IndexedDocument, 'path' | 'hash'>) => DocAnnotations | undefined {
  const docs = ctx.annotations.docs
  let byHash: Map<string, DocAnnotations> | undefined
  return (d) => {
    const own = Object.hasOwn(docs, d.path) ? docs[d.path] : undefined
    if (own) return own
    byHash ??= new Map(Object.values(docs).map((a) => [a.hash, a]))
    return byHash.get(d.hash)
  }
}

/** The marked documents of the snapshot with their marks (by path, else by content: a moved file). */
export function annotatedDocuments(ctx: ArchiveContext): Array<[IndexedDocument, DocAnnotations]> {
  const entries = Object.entries(ctx.annotations.docs)
  if (!entries.length) return []
  const out: Array<[IndexedDocument, DocAnnotations]> = []
  const missing = new Map<string, DocAnnotations>()
  for (const [p, a] of entries) {
    let d: IndexedDocument | undefined
    try {
      d = ctx.snapshot.meta(p)
    } catch {
      d = undefined
    }
    if (d && d.path === p) out.push([d, a])
    else missing.set(a.hash, a)
  }
  // moved or renamed files: found by their content (one pass over the documents, only then)
  if (missing.size) for (const d of ctx.snapshot.documents()) {
    const a = missing.get(d.hash)
    if (a && !Object.hasOwn(ctx.annotations.docs, d.path)) out.push([d, a])
  }
  return out
}

export function annotationsOf(ctx: ArchiveContext, pathOrId: string): AnnotationsView {
  const meta = ctx.snapshot.meta(pathOrId)
  const a = annotationsLookup(ctx)(meta)
  if (!a) return { starred: false, tags: [], notes: [] }
  const text = a.notes?.some((n) => n.passage) ? ctx.snapshot.segmentDocOf(meta).text : ''
  return {
    starred: a.starred === true,
    tags: [...(a.tags ?? [])],
    notes: (a.notes ?? []).map((n): NoteView => {
      if (!n.passage) return { id: n.id, text: n.text, at: n.at }
      const r = reanchor(text, n.passage)
      return 'lost' in r ? { id: n.id, text: n.text, at: n.at, passage: n.passage, anchor: 'lost' } : { id: n.id, text: n.text, at: n.at, passage: r.passage, anchor: r.moved ? 'moved' : 'kept' }
    })
  }
}

/** Every tag in use, with how many articles carry it, most first. */
export function allTags(ctx: ArchiveContext): Array<{ tag: string; count: number }> {
  const counts = new Map<string, number>()
  for (const a of Object.values(ctx.annotations.docs)) for (const t of a.tags ?? []) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1))
}

export async function annotate(ctx: ArchiveContext, req: AnnotateRequest): Promise<AnnotationsView> {
  const meta = ctx.snapshot.meta(req.path)
  const text = req.op === 'note' && req.passage ? ctx.snapshot.segmentDocOf(meta).text : ''
  // checked before the lock: a bad request changes nothing
  const tag = req.op === 'tag' ? normalizeTag(req.tag) : ''
  if (req.op === 'note' || req.op === 'edit-note') checkNote(req.text)
  let passage: Passage | undefined
  if (req.op === 'note' && req.passage) {
    const { start, end } = req.passage
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length)) throw new DatelineError('usage', `The passage ${start}–${end} is not in the article (its text has ${text.length} characters).`)
    if (end - start > MAX_PASSAGE_CHARS) throw new DatelineError('usage', `A note's passage is limited to ${MAX_PASSAGE_CHARS.toLocaleString('en-US')} characters; select less of the text.`)
    passage = passageAt(text, start, end)
  }
  await withUserFilesLock(ctx, async () => {
    const file = path.join(ctx.store.dir, ANNOTATIONS_FILE)
    // what is on disk now: another process (the app beside the CLI) may have changed it
    const { data } = await loadAnnotations(file)
    ctx.annotations = data
    const current = annotationsLookup(ctx)(meta)
    const a: DocAnnotations = { ...(current ?? {}), hash: meta.hash }
    switch (req.op) {
      case 'star':
        if (req.on) a.starred = true
        else delete a.starred
        break
      case 'tag': {
        const tags = new Set(a.tags ?? [])
        if (req.on) tags.add(tag)
        else tags.delete(tag)
        a.tags = [...tags].sort()
        break
      }
      case 'note':
        a.notes = [...(a.notes ?? []), { id: randomUUID().slice(0, 8), text: req.text.trim(), at: new Date().toISOString(), ...(passage ? { passage } : {}) }]
        break
      case 'edit-note':
      case 'delete-note': {
        const notes = a.notes ?? []
        const i = notes.findIndex((n) => n.id === req.id)
        if (i < 0) throw new DatelineError('not-found', `No note "${req.id}" on ${meta.path}; list its notes to see their ids.`)
        a.notes = req.op === 'delete-note' ? notes.filter((_, k) => k !== i) : notes.map((n, k): Note => (k === i ? { ...n, text: req.text.trim(), at: new Date().toISOString() } : n))
        break
      }
    }
    if (!a.tags?.length) delete a.tags
    if (!a.notes?.length) delete a.notes
    const docs = { ...data.docs }
    // the marks move with the file: the old path's entry (a moved file found by its content) goes
    for (const [p, v] of Object.entries(docs)) if (v === current && p !== meta.path) delete docs[p]
    if (a.starred || a.tags || a.notes) docs[meta.path] = a
    else delete docs[meta.path]
    const next = { ...data, docs }
    await saveAnnotations(file, next)
    ctx.annotations = next
  })
  return annotationsOf(ctx, meta.id)
}

function checkNote(text: string): void {
  if (!text.trim()) throw new DatelineError('usage', 'A note needs some text.')
  if (text.length > MAX_NOTE_CHARS) throw new DatelineError('usage', `A note is limited to ${MAX_NOTE_CHARS.toLocaleString('en-US')} characters (this one has ${text.length.toLocaleString('en-US')}); keep longer material in a file of its own.`)
}
