/**
 * Timeline benchmark (npm run bench:timeline [N…]): event extraction speed per article, and the
 * time and accuracy of building a merged timeline from N articles. Articles are composed from our
 * own sentence templates: each generated event is reported by one to three outlets in different
 * words, with dates given absolutely, relative to publication, or not at all; the generator keeps
 * the truth, so merging is scored (pairs of mentions of one event that end up in one entry).
 * Pure functions only (no Lunr index): the numbers are the timeline's own cost.
 */
import { dayOf, ymd, weekdayOf } from '../src-main/core/dates/calendar'
import type { Published } from '../src-main/core/dates/publication'
import { buildTimeline, type TimelineDoc } from '../src-main/core/timeline/build'
import { findEvents, type EventMention } from '../src-main/core/timeline/events'

const PLACES = ['Kirkuk', 'Mosul', 'Hawija', 'Idlib', 'Aleppo', 'Raqqa', 'Tikrit', 'Ramadi', 'Homs', 'Hama', 'Basra', 'Fallujah', 'Samarra', 'Deir ez-Zor', 'Palmyra', 'Daraa']
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const FILLER = [
  'Residents described a tense atmosphere in the streets, with shops closing early and few cars on the roads.',
  'Local officials have asked the central government for more resources, saying their requests have gone unanswered.',
  'Analysts say the situation remains fragile and that the coming weeks will test the patience of the population.',
  'Aid agencies warned that supplies of fuel and medicine were running low in several districts.',
  'The province has seen repeated waves of displacement, and many families have moved more than once.'
]

let seed = 42
/** mulberry32: a full 2^32 period (a short LCG repeats whole events at 10k articles) */
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!

interface TruthEvent {
  id: number
  day: number
  place: string
  count: number
}

/** One way of telling an event, given the article's publication day. */
function tell(e: TruthEvent, pub: number, style: number): string {
  const lag = pub - e.day
  const when =
    style % 3 === 0
      ? `on ${MONTHS[new Date(e.day * 864e5).getUTCMonth()]} ${new Date(e.day * 864e5).getUTCDate()}, ${new Date(e.day * 864e5).getUTCFullYear()}`
      : lag < 7
        ? `on ${WEEKDAYS[weekdayOf(e.day)]}`
        : `${Math.round(lag / 7)} weeks ago`
  switch (style % 4) {
    case 0:
      return `Gunmen attacked a checkpoint near ${e.place} ${when}, killing ${e.count} soldiers, officials said.`
    case 1:
      return `${e.count} soldiers were killed when gunmen opened fire on their post in ${e.place} ${when}.`
    case 2:
      return `An attack on an army post outside ${e.place} ${when} left ${e.count} soldiers dead, according to a monitoring group.`
    default:
      return `Security forces said ${e.count} soldiers died in the attack near ${e.place} ${when}.`
  }
}

function generate(n: number): { docs: Array<{ id: string; text: string; pub: number }>; truth: Map<string, number> } {
  const docs: Array<{ id: string; text: string; pub: number }> = []
  const truth = new Map<string, number>() // "docId#sentenceIndex" → event id
  const base = dayOf(2015, 1, 1)
  let eventId = 0
  while (docs.length < n) {
    const e: TruthEvent = { id: eventId++, day: base + Math.floor(rand() * 2000), place: pick(PLACES), count: 3 + Math.floor(rand() * 60) }
    const outlets = 1 + Math.floor(rand() * 3)
    for (let o = 0; o < outlets && docs.length < n; o++) {
      const pub = e.day + 1 + Math.floor(rand() * 20)
      const id = `d${docs.length}`
      const sentence = tell(e, pub, Math.floor(rand() * 12))
      const body = [sentence, ...Array.from({ length: 12 }, () => pick(FILLER))]
      docs.push({ id, text: `Violence near ${e.place}\n${ymd(pub)}\n\n${body.join('\n\n')}\n`, pub })
      truth.set(id, e.id)
    }
  }
  return { docs, truth }
}

function published(day: number): Published {
  return { date: ymd(day), precision: 'day', earliest: ymd(day), latest: ymd(day), source: 'header', confidence: 0.95, fileDate: ymd(day), evidence: [] }
}

function run(n: number): void {
  seed = 42
  const { docs, truth } = generate(n)
  const t0 = performance.now()
  const mentions = new Map<string, EventMention[]>()
  let bytes = 0
  for (const d of docs) {
    mentions.set(d.id, findEvents(d.text))
    bytes += d.text.length
  }
  const extractMs = performance.now() - t0
  const input: TimelineDoc[] = docs.map((d) => ({
    id: d.id,
    path: `${d.id}.txt`,
    text: d.text,
    events: mentions.get(d.id)!,
    published: published(d.pub),
    archived: '2026-11-22',
    copyRoot: d.id,
    entitiesIn: (s, e) => ({ places: PLACES.filter((p) => d.text.slice(s, e).includes(p)).map((p) => `place:${p.toLowerCase()}`), actors: [] })
  }))
  const t1 = performance.now()
  const events = buildTimeline(input)
  const buildMs = performance.now() - t1

  // pair scoring: every pair of documents reporting one true event should share a timeline entry
  const entryOf = new Map<string, string>()
  for (const e of events) for (const s of e.sources) entryOf.set(s.docId, e.id)
  const byTruth = new Map<number, string[]>()
  for (const [doc, ev] of truth) byTruth.set(ev, [...(byTruth.get(ev) ?? []), doc])
  let truePairs = 0
  let foundPairs = 0
  for (const list of byTruth.values())
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      truePairs++
      if (entryOf.get(list[i]!) !== undefined && entryOf.get(list[i]!) === entryOf.get(list[j]!)) foundPairs++
    }
  let mergedPairs = 0
  let wrongPairs = 0
  for (const e of events) {
    const ds = e.sources.map((s) => s.docId)
    for (let i = 0; i < ds.length; i++) for (let j = i + 1; j < ds.length; j++) {
      mergedPairs++
      if (truth.get(ds[i]!) !== truth.get(ds[j]!)) wrongPairs++
    }
  }
  const withEvent = [...mentions.values()].filter((m) => m.length > 0).length
  const datedRight = events.filter((e) => e.status === 'dated').length
  console.log(
    JSON.stringify({
      documents: n,
      mb: +(bytes / 1e6).toFixed(1),
      extractMs: Math.round(extractMs),
      extractMsPerDoc: +(extractMs / n).toFixed(2),
      docsWithEvent: withEvent,
      timelineBuildMs: Math.round(buildMs),
      entries: events.length,
      dated: datedRight,
      trueEvents: byTruth.size,
      pairRecall: truePairs ? +(foundPairs / truePairs).toFixed(3) : 1,
      pairPrecision: mergedPairs ? +(1 - wrongPairs / mergedPairs).toFixed(3) : 1,
      heapMb: Math.round(process.memoryUsage().heapUsed / 1e6)
    })
  )
}

const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0)
for (const n of sizes.length ? sizes : [1000, 10000]) run(n)
