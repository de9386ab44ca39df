/**
 * Links → stories: connected groups of documents that share text, with the most likely original
 * and, for every other member, the member it was most likely taken from (a tree rooted at the
 * original, so "a copy cannot predate its original" has a direction to follow).
 */
import { createHash } from 'node:crypto'
import type { StoryLink } from './links'

/** a member whose text is this much contained in its source is a copy, otherwise a rewrite */
export const COPY_CONTAINMENT = 0.8

export type StoryRole = 'original' | 'copy' | 'rewrite'

export interface StoryMemberInfo {
  id: string
  /** punctuation-stripped scrapes are never chosen as the original when a clean text exists */
  stripped: boolean
  /** boilerplate lines: between equally complete texts, the cleaner one is the original */
  boilerplate: number
  /** a publication date the user set or the article states (day number), if any */
  statedDay?: number
  /** when the document entered the index: the oldest member names the story, so its id is stable */
  indexedAt: number
  shingles: number
}

export interface StoryMember {
  id: string
  role: StoryRole
  /** the member this one was taken from (absent for the original) */
  of?: string
  /** Jaccard similarity with `of` (1 for the original) */
  similarity: number
  /** share of this member's text found in `of` (1 for the original) */
  containment: number
}

export interface Story {
  id: string
  original: string
  /** original first, then in the order they derive from it */
  members: StoryMember[]
}

export function groupStories(links: readonly StoryLink[], info: (id: string) => StoryMemberInfo | undefined): Story[] {
  const adj = new Map<string, Map<string, StoryLink>>()
  const add = (l: StoryLink) => {
    if (!adj.has(l.a)) adj.set(l.a, new Map())
    adj.get(l.a)!.set(l.b, l)
  }
  for (const l of links) {
    if (!info(l.a) || !info(l.b)) continue
    add(l)
    add({ a: l.b, b: l.a, aInB: l.bInA, bInA: l.aInB, jaccard: l.jaccard, shared: l.shared })
  }
  const seen = new Set<string>()
  const stories: Story[] = []
  for (const start of [...adj.keys()].sort()) {
    if (seen.has(start)) continue
    const group: string[] = []
    const stack = [start]
    seen.add(start)
    while (stack.length) {
      const id = stack.pop()!
      group.push(id)
      for (const n of adj.get(id)!.keys()) if (!seen.has(n)) (seen.add(n), stack.push(n))
    }
    stories.push(orient(group, adj, info))
  }
  return stories.sort((a, b) => b.members.length - a.members.length || (a.id < b.id ? -1 : 1))
}

function orient(group: string[], adj: Map<string, Map<string, StoryLink>>, info: (id: string) => StoryMemberInfo | undefined): Story {
  const meta = new Map(group.map((id) => [id, info(id)!]))
  // completeness: how much of its neighbours' text a member contains
  // (summed in a fixed order: links loaded from disk come in another order than links just made,
  // and a float sum in another order can differ in its last bit)
  const completeness = (id: string) => {
    let s = 0
    for (const x of [...adj.get(id)!.values()].map((l) => l.bInA).sort((a, b) => a - b)) s += x
    return s
  }
  const clean = group.filter((id) => !meta.get(id)!.stripped)
  const pool = clean.length ? clean : group
  // near-identical versions differ in completeness by a few words of page furniture: treat those as
  // ties and prefer the text with less boilerplate, then the one the archive had first
  const best = Math.max(...pool.map(completeness))
  const tied = pool.filter((id) => completeness(id) >= best - 0.03 * adj.get(id)!.size)
  tied.sort(
    (x, y) =>
      meta.get(x)!.boilerplate - meta.get(y)!.boilerplate ||
      meta.get(x)!.indexedAt - meta.get(y)!.indexedAt ||
      (x < y ? -1 : 1)
  )
  let original = tied[0]!
  // a stated date earlier than the most complete text's own stated date wins: that text came later
  if (meta.get(original)!.statedDay !== undefined) {
    for (const id of pool) {
      const d = meta.get(id)!.statedDay
      if (d !== undefined && d < (meta.get(original)!.statedDay ?? Infinity)) original = id
    }
  }

  const members: StoryMember[] = [{ id: original, role: 'original', similarity: 1, containment: 1 }]
  const placed = new Set([original])
  // grow the tree outwards: each member hangs on the already-placed member that contains most of it
  while (placed.size < group.length) {
    let best: { id: string; of: string; l: StoryLink; score: number } | undefined
    for (const id of group) {
      if (placed.has(id)) continue
      for (const [n, l] of adj.get(id)!) {
        if (!placed.has(n)) continue
        const score = l.aInB + (n === original ? 0.02 : 0) - (meta.get(n)!.stripped ? 0.02 : 0)
        // ties broken by ids only, never by the order links happen to be held in (a reopened archive gives the same stories)
        if (!best || score > best.score || (score === best.score && (id < best.id || (id === best.id && n < best.of)))) best = { id, of: n, l, score }
      }
    }
    const b = best!
    placed.add(b.id)
    members.push({
      id: b.id,
      role: b.l.aInB >= COPY_CONTAINMENT || b.l.jaccard >= COPY_CONTAINMENT ? 'copy' : 'rewrite',
      of: b.of,
      similarity: b.l.jaccard,
      containment: b.l.aInB
    })
  }
  const eldest = [...group].sort((x, y) => meta.get(x)!.indexedAt - meta.get(y)!.indexedAt || (x < y ? -1 : 1))[0]!
  return { id: 'story-' + createHash('sha1').update(eldest).digest('hex').slice(0, 10), original, members }
}
