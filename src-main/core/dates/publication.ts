/**
 * Each article's publication date from the evidence, in order of trust: the user's date; a header
 * or dateline date; a date inferred from its story (a copy cannot predate its original, a rewrite
 * cannot predate what it quotes); bounds from dates in the text; weekday consistency. The file's
 * modification time is reported as `fileDate` and never used: a copied archive has all files
 * dated the day of the copy, and unknown is better than wrong.
 */
import type { Story } from '../stories/group'
import { formatDate, parts, span, weekdayOf, ymd, dayOf, type Precision } from './calendar'
import type { DateEvidence } from './evidence'

export type DateSource = 'user' | 'metadata' | 'header' | 'dateline' | 'path' | 'folder' | 'story' | 'weekday' | 'text' | 'conflict' | 'none'

export interface Published {
  /** "2015-10-30" (day), "2015-10" (month) or "2015" (year); null when unknown */
  date: string | null
  precision: Precision | null
  /** bounds on the publication day, when known (inclusive) */
  earliest: string | null
  latest: string | null
  source: DateSource
  /** 0…1; 0 when only bounds are known */
  confidence: number
  /** the file's modification date: shown, never taken as the publication date */
  fileDate: string
  /** why, in words */
  evidence: string[]
  /** month and day known, the year not (a wire dateline "SALVADOR, Feb 26 -"): shown, never completed by a guess */
  partial?: { month: number; day: number }
}

export interface DatedDoc {
  id: string
  /** the file's path in the archive: "2015/03/09/…" or "20150309-slug.txt" are evidence too */
  path?: string
  evidence: DateEvidence
  /** a date the user set (day number), or null when the user said "unknown" */
  user?: number | null
  /** the year the user gave a folder above it ("the files under this folder are from 1987") */
  folderYear?: number
  /** the date the file's own metadata states (a page's JSON-LD, an export's date line), with where it is stated */
  stated?: { day: number; precision: Precision; from: string; text: string }
  mtimeMs: number
}

interface Point {
  day: number
  precision: Precision
  source: DateSource
  confidence: number
}

interface Work {
  doc: DatedDoc
  point?: Point
  partial?: { month: number; day: number }
  userUnknown: boolean
  /** its own stated dates disagree: unknown, and no story fills it in */
  conflict?: boolean
  lo: number
  hi: number
  loFrom: 'text' | 'story' | undefined
  hiFrom: 'story' | undefined
  notes: string[]
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const STRONG: ReadonlySet<DateSource> = new Set(['user', 'metadata', 'header', 'dateline', 'path', 'folder'])

/** a date the user set or the article states: story bounds never move it */
function isStated(p: Point | undefined): boolean {
  return p !== undefined && STRONG.has(p.source)
}

/** The stated date a document carries on its own (user, header or dateline), for choosing a story's original. */
export function statedDay(doc: DatedDoc): number | undefined {
  const p = ownEvidence(doc).point
  return isStated(p) ? p!.day : undefined
}

/**
 * `sameFacts(a, b)`: whether two members of a story state the same figures and names where they
 * say the same thing (stories/facts.ts). A story joins texts that share words; wire templates
 * share them across unrelated reports, so neither a date nor a bound passes between members
 * whose facts disagree.
 */
export function resolvePublication(
  docs: readonly DatedDoc[],
  stories: readonly Story[],
  label: (id: string) => string,
  sameFacts: (a: string, b: string) => boolean = () => true
): Map<string, Published> {
  const work = new Map<string, Work>()
  for (const d of docs) work.set(d.id, ownEvidence(d))

  // story bounds: a member is not published before the member it was taken from
  const edges: Array<[child: string, parent: string]> = []
  const neighbours = new Map<string, string[]>()
  for (const s of stories) {
    for (const m of s.members) {
      if (!m.of || !work.has(m.id) || !work.has(m.of)) continue
      // (two members with their own stated dates pass nothing: their facts need no reading)
      if (!(isStated(work.get(m.id)!.point) && isStated(work.get(m.of)!.point)) && !sameFacts(m.id, m.of)) continue
      edges.push([m.id, m.of])
      for (const [a, b] of [[m.id, m.of], [m.of, m.id]] as const) {
        const list = neighbours.get(a)
        if (list) list.push(b)
        else neighbours.set(a, [b])
      }
    }
  }
  for (let pass = 0, changed = true; changed && pass < 50; pass++) {
    changed = false
    for (const [c, p] of edges) {
      const child = work.get(c)!
      const parent = work.get(p)!
      if (parent.lo > child.lo && !isStated(child.point)) {
        child.lo = parent.lo
        child.loFrom = 'story'
        changed = true
      }
      if (child.hi < parent.hi && !isStated(parent.point)) {
        parent.hi = child.hi
        parent.hiFrom = 'story'
        changed = true
      }
    }
  }

  // a member with no stated date takes the nearest member's stated date (trusted above its own
  // weekday estimate); failing that, an undated member takes the nearest weekday estimate
  const own = new Map<string, Point>()
  for (const w of work.values()) if (w.point) own.set(w.doc.id, w.point)
  for (const w of work.values()) {
    if (w.userUnknown || w.conflict || !neighbours.has(w.doc.id)) continue
    if (w.point && w.point.source !== 'weekday') continue
    const near = nearestDated(w.doc.id, neighbours, own, true) ?? (w.point ? undefined : nearestDated(w.doc.id, neighbours, own, false))
    if (!near) continue
    const from = near.point
    // a partial date ("Feb 26") is completed only by a member whose date agrees with it
    if (w.partial) {
      const p = parts(from.day)
      if (from.precision !== 'day' || p.month !== w.partial.month || p.day !== w.partial.day) continue
    }
    const day = Math.min(Math.max(from.day, w.lo), w.hi)
    w.point = { day, precision: from.precision, source: 'story', confidence: STRONG.has(from.source) ? 0.7 : 0.45 }
    w.notes.push(`same story as ${label(near.id)} (${from.source} date ${formatDate(from.day, from.precision)})`)
  }

  const out = new Map<string, Published>()
  for (const w of work.values()) {
    const fileDate = ymd(Math.floor(w.doc.mtimeMs / 86_400_000))
    const bounds = { earliest: Number.isFinite(w.lo) ? ymd(w.lo) : null, latest: Number.isFinite(w.hi) ? ymd(w.hi) : null }
    if (w.loFrom === 'story' && bounds.earliest) w.notes.push(`not before ${bounds.earliest}: it takes text from an article of that date or later`)
    if (w.hiFrom === 'story' && bounds.latest) w.notes.push(`not after ${bounds.latest}: an article taking text from it appeared by then`)
    if (w.point) {
      // a stated date covers its own span; an inferred one keeps the bounds it was inferred within
      const [a, b] = span(w.point.day, w.point.precision)
      const stated = STRONG.has(w.point.source)
      out.set(w.doc.id, {
        date: formatDate(w.point.day, w.point.precision),
        precision: w.point.precision,
        earliest: stated ? ymd(a) : bounds.earliest,
        latest: stated ? ymd(b) : bounds.latest,
        source: w.point.source,
        confidence: w.point.confidence,
        fileDate,
        evidence: w.notes
      })
    } else {
      const source: DateSource = w.userUnknown ? 'user' : w.conflict ? 'conflict' : w.partial ? 'dateline' : (w.loFrom ?? w.hiFrom ?? 'none')
      out.set(w.doc.id, { date: null, precision: null, ...bounds, source, confidence: 0, fileDate, evidence: w.notes, ...(w.partial && !w.userUnknown ? { partial: w.partial } : {}) })
    }
  }
  return out
}

function nearestDated(start: string, neighbours: Map<string, string[]>, own: Map<string, Point>, strong: boolean): { id: string; point: Point } | undefined {
  const seen = new Set([start])
  let frontier = [start]
  while (frontier.length) {
    const next: string[] = []
    for (const id of frontier.sort()) {
      for (const n of neighbours.get(id) ?? []) {
        if (seen.has(n)) continue
        seen.add(n)
        const p = own.get(n)
        if (p && STRONG.has(p.source) === strong) return { id: n, point: p }
        next.push(n)
      }
    }
    frontier = next
  }
  return undefined
}

function ownEvidence(doc: DatedDoc): Work {
  const w: Work = { doc, userUnknown: false, lo: -Infinity, hi: Infinity, loFrom: undefined, hiFrom: undefined, notes: [] }
  const ev = doc.evidence
  // bounds from the text: not published before the past events it reports
  const past = ev.mentions.filter((m) => !m.future)
  let latestMention: (typeof past)[number] | undefined
  for (const m of past) if (!latestMention || span(m.day, m.precision)[0] > span(latestMention.day, latestMention.precision)[0]) latestMention = m
  if (latestMention) {
    w.lo = span(latestMention.day, latestMention.precision)[0]
    w.loFrom = 'text'
    w.notes.push(`reports ${formatDate(latestMention.day, latestMention.precision)} as past: not published before ${ymd(w.lo)}`)
  }

  if (doc.user !== undefined) {
    if (doc.user === null) {
      w.userUnknown = true
      w.notes.unshift('the user marked the date unknown')
    } else {
      w.point = { day: doc.user, precision: 'day', source: 'user', confidence: 1 }
      w.notes.unshift('set by the user')
    }
    return finish(w)
  }
  // what the file's metadata states is the publisher's own record: the strongest after the user
  if (doc.stated) {
    w.point = { day: doc.stated.day, precision: doc.stated.precision, source: 'metadata', confidence: 0.95 }
    w.notes.unshift(`${doc.stated.from} "${doc.stated.text}"`)
    return finish(w)
  }
  // the article's own strong dates must agree (a day apart is one date: a dateline filed the
  // evening before the edition); when they do not, the date is unknown, and the note says why
  const fromPath = pathDate(doc.path)
  const conflict = conflictingDates(ev, fromPath)
  if (conflict) {
    w.conflict = true
    w.notes.unshift(`conflicting: ${conflict}`)
    return w
  }
  if (ev.header) {
    w.point = { day: ev.header.day, precision: ev.header.precision, source: 'header', confidence: 0.95 }
    w.notes.unshift(`header line "${ev.header.text}"`)
    return finish(w)
  }
  if (ev.dateline) {
    const dl = ev.dateline
    if (dl.year !== undefined) {
      w.point = { day: dayOf(dl.year, dl.month, dl.day), precision: 'day', source: 'dateline', confidence: 0.9 }
      w.notes.unshift(`dateline "${dl.text}"`)
      return finish(w)
    }
    // month and day without a year: a partial date. The year is never guessed from other dates in
    // the text (a wire archive of 1987 dated from a 1984 figure); a path date, the user or a story
    // member with the same month and day complete it
    w.partial = { month: dl.month, day: dl.day }
    w.notes.unshift(`dateline "${dl.text}": month and day; the year is unknown`)
  }
  if (fromPath && (!w.partial || (parts(fromPath.day).month === w.partial.month && parts(fromPath.day).day === w.partial.day))) {
    w.point = { day: fromPath.day, precision: fromPath.precision, source: 'path', confidence: 0.85 }
    w.partial = undefined
    w.notes.unshift(`the file's path "${fromPath.text}"`)
    return finish(w)
  }
  // the user's year for the folder: completes a partial date, else dates the article to the year
  if (doc.folderYear !== undefined) {
    const y = doc.folderYear
    if (w.partial) {
      const day = dayOf(y, w.partial.month, w.partial.day)
      if (parts(day).day === w.partial.day) {
        w.point = { day, precision: 'day', source: 'folder', confidence: 0.9 }
        w.notes.unshift(`the year ${y} you gave its folder`)
        w.partial = undefined
        return finish(w)
      }
    } else if (!(w.lo > dayOf(y + 1, 1, 1) - 1)) {
      w.point = { day: dayOf(y, 1, 1), precision: 'year', source: 'folder', confidence: 0.9 }
      w.notes.unshift(`the year ${y} you gave its folder`)
      return finish(w)
    }
  }
  if (w.partial) return w
  // weekday consistency: "March 8 … on Sunday … on Monday" with March 8 a Sunday places the
  // article in the week after March 8, on or after the latest weekday it mentions
  const lastDay = past.filter((m) => m.precision === 'day').sort((a, b) => b.day - a.day)[0]
  if (lastDay && ev.weekdays.some((x) => x.weekday === weekdayOf(lastDay.day))) {
    const resolved = ev.weekdays.map((x) => lastDay.day + ((x.weekday - weekdayOf(lastDay.day) + 7) % 7))
    const from = Math.max(...resolved)
    w.lo = Math.max(w.lo, from)
    w.hi = lastDay.day + 6
    w.point = { day: from, precision: 'day', source: 'weekday', confidence: 0.6 }
    const names = [...new Set(ev.weekdays.map((x) => WEEKDAYS[x.weekday]))].join(', ')
    w.notes.push(`mentions ${names} after ${ymd(lastDay.day)} (a ${WEEKDAYS[weekdayOf(lastDay.day)]}): published ${ymd(from)}…${ymd(w.hi)}`)
  }
  return w
}

/** "header line "9 March 2015" (2015-03-09) and dateline "Feb 20, 2015" (2015-02-20)", or undefined when the stated dates agree. */
function conflictingDates(ev: DateEvidence, p: ReturnType<typeof pathDate>): string | undefined {
  const stated: Array<{ what: string; from: number; to: number }> = []
  if (ev.header) {
    const [a, b] = span(ev.header.day, ev.header.precision)
    stated.push({ what: `header line "${ev.header.text}" (${formatDate(ev.header.day, ev.header.precision)})`, from: a, to: b })
  }
  if (ev.dateline && ev.dateline.year !== undefined) {
    const d = dayOf(ev.dateline.year, ev.dateline.month, ev.dateline.day)
    stated.push({ what: `dateline "${ev.dateline.text}" (${ymd(d)})`, from: d, to: d })
  }
  if (p) {
    const [a, b] = span(p.day, p.precision)
    stated.push({ what: `the file's path "${p.text}" (${formatDate(p.day, p.precision)})`, from: a, to: b })
  }
  for (let i = 0; i < stated.length; i++) {
    for (let j = i + 1; j < stated.length; j++) {
      const [x, y] = [stated[i]!, stated[j]!]
      if (x.from > y.to + 1 || y.from > x.to + 1) return `${x.what} and ${y.what}`
    }
  }
  return undefined
}

/**
 * A date in the file's path: "2015/03/09/slug.txt", "2015-03-09-slug.html", "20150309_report.txt"
 * (a real day, a plausible year). A month folder "2015/03/" gives the month.
 */
export function pathDate(path: string | undefined): { day: number; precision: Precision; text: string } | undefined {
  if (!path) return undefined
  // "Imported/2026-11-22/…": the day the user dropped the file in (import/service.ts), not its publication
  path = path.replace(/(?:^|\/)imported\/\d{4}-\d{2}-\d{2}(?=\/)/i, '')
  const now = new Date().getUTCFullYear() + 1
  const ok = (y: number, m: number, d: number) => {
    if (y < 1800 || y > now || m < 1 || m > 12 || d < 1) return false
    const t = new Date(Date.UTC(y, m - 1, d))
    return t.getUTCMonth() === m - 1 && t.getUTCDate() === d
  }
  const full = /(?:^|[^\d])((\d{4})[/_.-](\d{2})[/_.-](\d{2})|(\d{4})(\d{2})(\d{2}))(?=[^\d]|$)/.exec(path)
  if (full) {
    const [y, m, d] = full[2] ? [full[2], full[3], full[4]] : [full[5], full[6], full[7]]
    if (ok(Number(y), Number(m), Number(d))) return { day: dayOf(Number(y), Number(m), Number(d)), precision: 'day', text: full[1]! }
  }
  const month = /(?:^|\/)((\d{4})\/(\d{2}))\//.exec(path)
  if (month && ok(Number(month[2]), Number(month[3]), 1)) return { day: dayOf(Number(month[2]), Number(month[3]), 1), precision: 'month', text: month[1]! }
  return undefined
}

function finish(w: Work): Work {
  const p = w.point
  if (p && Number.isFinite(w.lo) && span(p.day, p.precision)[1] < w.lo) w.notes.push(`warning: the text reports ${ymd(w.lo)} as past, after this date`)
  if (p) {
    const [a, b] = span(p.day, p.precision)
    w.lo = a
    w.hi = b
    w.loFrom = undefined
  }
  return w
}
