/**
 * The same event reported by several articles becomes one group of mentions. Two mentions are the
 * same event when their kinds agree and their date ranges overlap, and one of these holds:
 * - they give the same count (120 executions, 12 killed) and name no different places — and never
 *   merge when their counts differ;
 * - their sentences share most of their text (a copy, a rewrite quoting it), within one story;
 * - they name the same place and both are dated to a month or better.
 * Candidate pairs come from buckets (count, story, place), so the work grows with the archive, not
 * with its square.
 */
import { overlap } from '../stories/compare'
import { shingle } from '../stories/shingles'
import type { EventKind } from './events'
import type { DateRange } from './resolve'

export interface MergeInput {
  /** index in the caller's list */
  key: number
  doc: string
  kind: EventKind
  count?: number
  /** the resolved event range; undefined when undated or unresolved */
  range?: DateRange
  /** for an undated mention: the last day it can have happened (the report or publication date) */
  notAfter?: number
  story?: string
  places: string[]
  sentence: string
}

const VIOLENT: ReadonlySet<EventKind> = new Set(['killing', 'execution', 'attack', 'airstrike', 'clash'])
/** sentences sharing this share of their 8-letter shingles report the same thing */
const SAME_SENTENCE = 0.5
/** how far before its bound an undated mention may be matched to a dated one */
const UNDATED_REACH_DAYS = 92

function compatible(a: EventKind, b: EventKind): boolean {
  return a === b || (VIOLENT.has(a) && VIOLENT.has(b))
}

function span(m: MergeInput): [number, number] {
  if (m.range) return [m.range.start, m.range.end]
  if (m.notAfter !== undefined) return [m.notAfter - UNDATED_REACH_DAYS, m.notAfter]
  return [-Infinity, Infinity]
}

function sameSentence(o: { aInB: number; bInA: number }): boolean {
  return Math.max(o.aInB, o.bInA) >= SAME_SENTENCE
}

function overlaps(a: MergeInput, b: MergeInput): boolean {
  const [as, ae] = span(a)
  const [bs, be] = span(b)
  // a mention with no date at all (its article undated too) is matched only within its own story
  if ((!Number.isFinite(as) || !Number.isFinite(bs)) && (a.story === undefined || a.story !== b.story)) return a.doc === b.doc
  return as <= be && bs <= ae
}

const FINE: ReadonlySet<string> = new Set(['day', 'week', 'month'])
const MAX_BUCKET = 1000
const MAX_MONTHS = 14

/** The months a mention's range touches (as year·12+month), or undefined when it is too wide or open. */
function months(m: MergeInput): number[] | undefined {
  const [s, e] = span(m)
  if (!Number.isFinite(s) || !Number.isFinite(e)) return undefined
  const a = new Date(s * 864e5)
  const b = new Date(e * 864e5)
  const first = a.getUTCFullYear() * 12 + a.getUTCMonth()
  const last = b.getUTCFullYear() * 12 + b.getUTCMonth()
  if (last - first >= MAX_MONTHS) return undefined
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}

/** Groups of mention keys, each one event. */
export function mergeMentions(items: readonly MergeInput[]): number[][] {
  const parent = items.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  const union = (i: number, j: number): void => {
    const [a, b] = [find(i), find(j)]
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
  }
  const shingles = new Map<number, Uint32Array>()
  const setOf = (i: number): Uint32Array => {
    let s = shingles.get(i)
    if (!s) shingles.set(i, (s = shingle(items[i]!.sentence).set))
    return s
  }
  const countsDiffer = (a: MergeInput, b: MergeInput): boolean => a.count !== undefined && b.count !== undefined && a.count !== b.count
  // 12 killed in Homs and 12 killed in Hama the same week are two events
  const placesDiffer = (a: MergeInput, b: MergeInput): boolean => a.places.length > 0 && b.places.length > 0 && !a.places.some((p) => b.places.includes(p))

  const bucket = (keyOf: (m: MergeInput) => string[] | undefined): Map<string, number[]> => {
    const map = new Map<string, number[]>()
    items.forEach((m, i) => {
      for (const k of keyOf(m) ?? []) {
        let list = map.get(k)
        if (!list) map.set(k, (list = []))
        list.push(i)
      }
    })
    return map
  }
  const pairs = (groups: Map<string, number[]>, same: (a: MergeInput, b: MergeInput, i: number, j: number) => boolean): void => {
    for (const list of groups.values()) {
      if (list.length > MAX_BUCKET) continue // a count or place so common in one month that it says nothing
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const [i, j] = [list[x]!, list[y]!]
          const [a, b] = [items[i]!, items[j]!]
          if (find(i) === find(j) || !compatible(a.kind, b.kind) || !overlaps(a, b)) continue
          if (same(a, b, i, j)) union(i, j)
        }
      }
    }
  }

  // 1. the same count (bucketed by count and month, so a common count in a large archive stays cheap)
  pairs(
    bucket((m) => (m.count !== undefined && m.count >= 2 ? months(m)?.map((k) => `${m.count}|${k}`) : undefined)),
    (a, b) => !placesDiffer(a, b)
  )
  // 2. the same sentence, told again within one story (a copy, or a rewrite quoting it)
  pairs(
    bucket((m) => (m.story ? [m.story] : undefined)),
    (a, b, i, j) => a.doc !== b.doc && !countsDiffer(a, b) && sameSentence(overlap(setOf(i), setOf(j)))
  )
  // 3. the same place, both dated finely enough to tell events apart
  pairs(
    bucket((m) => (m.range && FINE.has(m.range.precision) ? m.places.flatMap((p) => months(m)!.map((k) => `${p}|${k}`)) : undefined)),
    (a, b) => a.doc !== b.doc && a.kind === b.kind && !countsDiffer(a, b)
  )

  const groups = new Map<number, number[]>()
  items.forEach((m, i) => {
    const r = find(i)
    let g = groups.get(r)
    if (!g) groups.set(r, (g = []))
    g.push(m.key)
  })
  return [...groups.values()]
}
