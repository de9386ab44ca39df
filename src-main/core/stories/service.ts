/**
 * Stories of an open archive: which documents share text (copies, rewrites), resolved together
 * with every document's publication date (a copy's date can come from its story), and the
 * passages two documents share. The links themselves are kept up to date by the update.
 */
import type { ArchiveContext, StoryState } from '../archive/context'
import { dayOf, parseYmd, type Precision } from '../dates/calendar'
import { resolvePublication, statedDay, type DatedDoc } from '../dates/publication'
import type { ArticleMeta } from '../formats/types'
import { factsOf, sameFacts, type Facts } from './facts'
import { folderYearLookup, userDateLookup } from '../dates/user-dates'
import { DatelineError } from '../errors'
import type { ArchiveSnapshot } from '../archive/snapshot'
import type { IndexedDocument, Manifest } from '../search/index-store'
import type { Segment } from '../search/segment'
import { passages as findPassages, overlap } from './compare'
import { groupStories, type Story, type StoryRole } from './group'
import type { LinkDoc, SyncStats } from './links'
import { shingle } from './shingles'

export interface StoryMemberView {
  id: string
  path: string
  title: string
  role: StoryRole
  /** path of the member this one was taken from (absent for the original) */
  of?: string
  similarity: number
  containment: number
  published: string | null
}

export interface StoryView {
  id: string
  original: string
  members: StoryMemberView[]
}

export interface DocumentStory {
  id: string
  role: StoryRole
  of?: string
  similarity: number
  containment: number
  members: number
}

export interface PassageView {
  a: { path: string; start: number; end: number; text: string }
  b: { path: string; start: number; end: number; text: string }
}

export interface ReuseView {
  a: string
  b: string
  /** share of a's text found in b, and of b's in a */
  aInB: number
  bInA: number
  similarity: number
  passages: PassageView[]
}

const factsCache = new WeakMap<ArchiveContext, Map<string, Facts>>()

/** Stories and publication dates of the current snapshot (computed on first use after each update or date change). */
export function storyState(ctx: ArchiveContext): StoryState {
  if (ctx.cache.stories) return ctx.cache.stories
  const snap = ctx.snapshot
  const docs = snap.manifest.docs
  const userDate = userDateLookup(ctx.userDates)
  const folderYear = folderYearLookup(ctx.userDates)
  const dated = Object.values(docs).map((d) => {
    const sd = snap.findSegmentDoc(d)
    const u = userDate(d.path, d.hash)
    const y = folderYear(d.path)
    return {
      id: d.id,
      path: d.path,
      evidence: sd?.dates ?? { mentions: [], weekdays: [] },
      user: u === undefined ? undefined : u.date === null ? null : parseYmd(u.date),
      ...(y === undefined ? {} : { folderYear: y }),
      ...statedInMeta(d.meta),
      mtimeMs: d.mtimeMs
    }
  })
  const datedById = new Map(dated.map((d) => [d.id, d]))
  const stories = groupStories(ctx.links.allLinks(), (id) => {
    const d = docs[id]
    const sd = d && snap.findSegmentDoc(d)
    if (!d || !sd) return undefined
    return { id, stripped: sd.story.stripped, boilerplate: sd.story.boilerplate, statedDay: statedDay(datedById.get(id)!), indexedAt: d.indexedAt, shingles: sd.story.shingles }
  })
  const byDoc = new Map<string, { story: Story; index: number }>()
  for (const story of stories) story.members.forEach((m, index) => byDoc.set(m.id, { story, index }))
  // kept across rebuilds (every update rebuilds this state), by content: ~0.5 ms per article to read
  let facts = factsCache.get(ctx)
  if (!facts || facts.size > 2 * Object.keys(docs).length + 1000) factsCache.set(ctx, (facts = new Map()))
  const factsOfDoc = (id: string) => {
    const d = docs[id]
    const key = `${id}:${d?.hash ?? ''}`
    let f = facts.get(key)
    if (!f) {
      const sd = d && snap.findSegmentDoc(d)
      facts.set(key, (f = factsOf(sd?.text ?? '')))
    }
    return f
  }
  const published = resolvePublication(dated, stories, (id) => docs[id]?.path ?? id, (a, b) => sameFacts(factsOfDoc(a), factsOfDoc(b)))
  return (ctx.cache.stories = { stories, byDoc, published })
}

/** Groups of documents that share text (documents in no story are left out). */
export function listStories(ctx: ArchiveContext): StoryView[] {
  const st = storyState(ctx)
  return st.stories.map((s) => storyView(ctx, s, st))
}

export function story(ctx: ArchiveContext, id: string): StoryView {
  const st = storyState(ctx)
  const s = st.stories.find((x) => x.id === id)
  if (!s) throw new DatelineError('not-found', `No story "${id}" in this archive. List them with: dateline stories <archive>`)
  return storyView(ctx, s, st)
}

function storyView(ctx: ArchiveContext, s: Story, st: StoryState): StoryView {
  const docs = ctx.snapshot.manifest.docs
  return {
    id: s.id,
    original: docs[s.original]!.path,
    members: s.members.map((m) => {
      const v: StoryMemberView = {
        id: m.id,
        path: docs[m.id]!.path,
        title: docs[m.id]!.title,
        role: m.role,
        similarity: round3(m.similarity),
        containment: round3(m.containment),
        published: st.published.get(m.id)?.date ?? null
      }
      if (m.of) v.of = docs[m.of]!.path
      return v
    })
  }
}

export function documentStory(ctx: ArchiveContext, pathOrId: string): DocumentStory | null {
  const meta = ctx.snapshot.meta(pathOrId)
  const hit = storyState(ctx).byDoc.get(meta.id)
  if (!hit) return null
  const m = hit.story.members[hit.index]!
  const v: DocumentStory = { id: hit.story.id, role: m.role, similarity: round3(m.similarity), containment: round3(m.containment), members: hit.story.members.length }
  if (m.of) v.of = ctx.snapshot.manifest.docs[m.of]!.path
  return v
}

/** How much text two documents share, and where (offsets in each document's text). */
export function reuse(ctx: ArchiveContext, aPathOrId: string, bPathOrId: string): ReuseView {
  const snap = ctx.snapshot
  const [ma, mb] = [snap.meta(aPathOrId), snap.meta(bPathOrId)]
  const [ta, tb] = [snap.segmentDocOf(ma).text, snap.segmentDocOf(mb).text]
  const [sa, sb] = [shingle(ta), shingle(tb)]
  const o = overlap(sa.set, sb.set)
  return {
    a: ma.path,
    b: mb.path,
    aInB: round3(o.aInB),
    bInA: round3(o.bInA),
    similarity: round3(o.jaccard),
    passages: findPassages(sa, sb).map((p) => ({
      a: { path: ma.path, ...p.a, text: ta.slice(p.a.start, p.a.end) },
      b: { path: mb.path, ...p.b, text: tb.slice(p.b.start, p.b.end) }
    }))
  }
}

/** A copy counts as the document it copies: follow copy links up to the first original or rewrite. */
export function copyRootOf(id: string, story: Story | undefined): string {
  if (!story) return id
  const byId = new Map(story.members.map((m) => [m.id, m]))
  let cur = byId.get(id)
  const seen = new Set<string>()
  while (cur && cur.role === 'copy' && cur.of && !seen.has(cur.id)) {
    seen.add(cur.id)
    cur = byId.get(cur.of)
  }
  return cur?.id ?? id
}

/** What story linking reads of a document, found through the manifest: its sample (straight from the segment's bytes) and its shingles. */
export function storySources(segments: ReadonlyMap<string, Segment>, manifest: Manifest) {
  const segOf = (id: string) => segments.get(manifest.docs[id]!.segment)!
  return {
    linkDoc: (d: { id: string; hash: string }): LinkDoc => ({
      id: d.id,
      path: manifest.docs[d.id]!.path,
      hash: d.hash,
      sample: () => {
        const seg = segOf(d.id)
        return seg.sampleAt(seg.ordinalOf(d.id))
      }
    }),
    shingled: (id: string) => shingle(segOf(id).docs.get(id)!.text)
  }
}

/**
 * Bring the story links in line with a manifest. A scoped update (a drop, the watcher) names
 * the documents it removed; the new and changed ones were linked as their batches were indexed.
 * When the links then know exactly as many documents as the index, that is all there is to do,
 * and the pass over every document (0.25 s at 100,000) is skipped.
 */
export async function syncStories(ctx: ArchiveContext, manifest: Manifest, segments: ReadonlyMap<string, Segment>, removed: boolean, scopedGone?: readonly string[]): Promise<SyncStats> {
  let linkStats: SyncStats = { linked: 0, candidates: 0, compared: 0 }
  const links = ctx.links
  if (scopedGone) links.forgetMany(scopedGone)
  const live = liveAnalysed(manifest, segments)
  if (!scopedGone || links.size !== live.length) {
    const { linkDoc, shingled } = storySources(segments, manifest)
    linkStats = links.sync(live.map(linkDoc), shingled)
  }
  if (linkStats.linked || removed) {
    // the documents linked or forgotten since the last save go to stories.log; the 10 MB
    // stories.json (at 100,000 documents) is rewritten only when the log has grown
    const change = links.takeChanges()
    if (change.length) await ctx.storiesJournal.save({ docs: change }, () => links.toFile(), { full: change.length > links.size / 2 })
  }
  return linkStats
}

/** The documents story linking knows: every live one that is analysed (a pending one has no sample yet; it is linked when analysed). */
export function analysedDocs(snap: ArchiveSnapshot): IndexedDocument[] {
  return liveAnalysed(snap.manifest, snap.segments)
}

function liveAnalysed(manifest: Manifest, segments: ReadonlyMap<string, Segment>): IndexedDocument[] {
  return Object.values(manifest.docs).filter((d) => !segments.get(d.segment)?.pendingIds.has(d.id))
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000
}

/** The publication date a file's metadata states, as publication.ts takes it. */
function statedInMeta(meta: ArticleMeta | undefined): { stated?: DatedDoc['stated'] } {
  const p = meta?.published
  if (!p) return {}
  const [y, m, d] = p.date.split('-').map(Number) as [number, number | undefined, number | undefined]
  const precision: Precision = d ? 'day' : m ? 'month' : 'year'
  return { stated: { day: dayOf(y, m ?? 1, d ?? 1), precision, from: p.from, text: p.date } }
}
