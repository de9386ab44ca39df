/**
 * Reported events in one article, found once at index time: a sentence with an event cue (killed,
 * executions, attack, airstrike, clashes, captured, arrived, announced, found…) that says something
 * happened — a past-tense cue, a count or a date — with its count, its event time and its report
 * time kept apart ("The Pentagon claimed last week that …": last week is when it was said).
 *
 * Times are stored symbolically (timex.ts), so the timeline re-resolves them whenever the
 * publication date changes. Entities are joined at timeline time from the document's mentions.
 */
import { isBoilerplateLine, prepareText, type Prepared } from '../entities/prepare'
import { boundedSentences, type Sentence } from '../text/sentences'
import { findTimexes, type TimeExpr, type Timex } from './timex'

export const EVENT_KINDS = ['killing', 'execution', 'attack', 'airstrike', 'clash', 'capture', 'arrest', 'movement', 'announcement', 'discovery'] as const
export type EventKind = (typeof EVENT_KINDS)[number]

export interface TimeRef {
  text: string
  start: number
  end: number
  expr: TimeExpr
}

export interface EventMention {
  /** the source sentence(s), offsets in the original text */
  start: number
  end: number
  kind: EventKind
  /** the cue as written ("executed", "shootouts") */
  cue: string
  /** victims, participants or objects counted ("about 120" → 120: the conservative number) */
  count?: number
  countText?: string
  /** when it happened, if the text says */
  time?: TimeRef
  /** when it was said or reported ("reported on Sunday that …"): a bound, not the event's date */
  reported?: TimeRef
  /** the previous sentences, when this one points back to its place ("on the streets of the town") */
  context?: [number, number]
  /** a short label: the clause around the cue */
  label: string
}

interface Cue {
  kind: EventKind
  re: RegExp
  /** verbs in a past form: enough on their own; nouns need a count or a date */
  past: RegExp
}

const CUES: Cue[] = [
  { kind: 'execution', re: /\b(?:execut(?:ed|ion|ions|ing)|behead(?:ed|ing|ings)|crucifi(?:ed|xions?))\b/i, past: /ed$/i },
  { kind: 'airstrike', re: /\b(?:air\s?strikes?|air\s+raids?|drone\s+strikes?|bombardments?|bombarded)\b/i, past: /ed$/i },
  {
    kind: 'killing',
    re: /\b(?:killed|killing|killings|slain|massacred?|massacres|slaughter(?:ed)?|murder(?:ed|s)?|mowed\s+down|gunned\s+down|shot\s+dead|bodies|died|deaths?|wounded|injured)\b/i,
    past: /(?:ed|slain|down|dead|bodies)$/i
  },
  {
    kind: 'attack',
    re: /\b(?:opened\s+fire|attack(?:ed|s)?|ambush(?:ed|es)?|bomb(?:ed|ing|ings)|blasts?|explosions?|suicide\s+bombers?|struck|shell(?:ed|ing)|raid(?:ed|s)?|stormed)\b/i,
    past: /(?:ed|struck|fire)$/i
  },
  {
    kind: 'clash',
    re: /\b(?:clash(?:ed|es)?|battled|fought|shootouts?|firefights?|skirmish(?:ed|es)?|fighting\s+broke\s+out|(?:have\s+|has\s+)?(?:erupted|broken\s+out|broke\s+out)|incident)\b/i,
    past: /(?:ed|fought|out)$/i
  },
  {
    kind: 'capture',
    re: /\b(?:captured?|seized|took\s+control|taken\s+control|overran|overrun|retook|recaptured|fell\s+to|liberated)\b/i,
    past: /(?:ed|control|overran|overrun|retook|to)$/i
  },
  { kind: 'arrest', re: /\b(?:arrest(?:ed|s)|detained|kidnapp?ed|abducted)\b/i, past: /ed$/i },
  { kind: 'movement', re: /\b(?:arrived|fled|escaped|defected|withdrew|retreated|returned|crossed)\b/i, past: /./ },
  {
    kind: 'announcement',
    re: /\b(?:announced|declared|imposed|banned|launched|introduced|closed|reopened|claimed\s+responsibility|curfew)\b/i,
    past: /(?:ed|responsibility)$/i
  },
  // only the passive: "were found last month"; "have found themselves" and "a found e-mail" are not events
  { kind: 'discovery', re: /\b(?:(?:was|were|been|be)\s+(?:\w+\s+)?(?:found|discovered|uncovered))\b/i, past: /./ }
]

const ANY_CUE = new RegExp(CUES.map((c) => c.re.source).join('|'), 'i')
// what someone said or did about an event: its time is when it was said ("condemned on Saturday an attack…")
const REPORT_VERB = /\b(?:said|says|saying|told|tells|reported|reports|revealed|claimed|confirmed|emerged|announced|wrote|added|stated|disclosed|noted|learned|quoted|condemned|criticised|criticized|denounced|deplored|hit\s+out|welcomed|praised)\b/i
const MODAL_BEFORE = /\b(?:will|would|could|might|may|should|shall|plans?\s+to|planning\s+to|threaten(?:s|ed)?\s+to|expected\s+to|likely\s+to|set\s+to|vowed\s+to|aims?\s+to|if)\s+(?:\S+\s+){0,3}$/i
const NEGATION_BEFORE = /\b(?:not|never|no|n't|without)\s+(?:\S+\s+){0,2}$/i
const GENERIC_BEFORE = /\b(?:such|these|those|similar|more|further|frequent|regular|occasional)\s+(?:\S+\s+)?$/i
const CUMULATIVE = /\b(?:the\s+number\s+of|a\s+total\s+of|in\s+total|so\s+far|to\s+date|death\s+toll|toll\s+(?:has|had|rose|stands)|since\s+the\s+(?:start|beginning)|puts\s+the\s+number)\b/i
// "24 children have been killed since 1993": a running total over years, not one event
const PERFECT = '(?:have|has|had)\\s+(?:been\\s+\\w+(?:ed|en)|died)'
const SPAN = '(?:since\\b|in\\s+(?:the|its|their)\\s+(?:\\w+\\s+)?(?:war|conflict|violence|fighting|struggle|insurgency|unrest|uprising|campaign)\\b)'
// (within a few words: a scrape without full stops is one long "sentence")
const TOTAL_SINCE = new RegExp(`\\b${PERFECT}\\b[^.]{0,60}?${SPAN}|\\bsince\\s+(?:(?:19|20)\\d\\d|january|february|march|april|may|june|july|august|september|october|november|december)\\b[^.]{0,60}?\\b${PERFECT}\\b`, 'i')
// markets in the words of war: "closed", "launched" in a sentence about markets are no announcement ("futures which closed")
const MARKETS = /\b(?:futures?|stocks?|shares|bonds?|index|indices|dow|nikkei|ftse|dax|nasdaq|yields?|treasuries|gilts)\b/i
// what breaks out or returns without being an event of this kind: "a fire broke out", "the cancer has returned"
const NOT_THE_EVENT = /\b(?:fire|blaze|epidemic|disease|cancer|illness|calm|normality|power|prices|inflation|symptoms|pain)\s+(?:has\s+|had\s+|have\s+)?(?:broke\s+out|broken\s+out|erupted|returned)\b|\b(?:heart|panic|asthma|anxiety)\s+attacks?\b|\b(?:attempted\s+murder|murder\s+charges?|charges?\s+of\s+(?:attempted\s+)?murder|accused\s+of\s+(?:attempted\s+)?murder)\b/i
const REFERS_BACK_TO_PLACE = /\b(?:in|of|on|near|around|outside)\s+the\s+(?:town|city|village|camp|district)\b(?!\s+of\b)/i
const ANAPHOR =
  /(?:^|\b(?:said|says|that|although|but|and|while|though|yet)\s+)(?:the|this|that|these|those)\s+(?:\S+\s+){0,2}?(?:massacre|killings?|attacks?|executions?|bombing|shooting|clash(?:es)?|incident|slaughter|ambush|raid|strikes?)\s+(?:\S+\s+)?(?:took\s+place|happened|occurred|(?:was|were)\s+carried\s+out)\b/i

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, 'a dozen': 12, dozen: 12, dozens: 12, scores: 20, tens: 10,
  hundreds: 100, thousands: 1000, 'a hundred': 100
}
const COUNT_RE =
  /(?<![$£€\d.,]|[$£€]\s)\b(?:(?:about|around|some|nearly|almost|approximately|roughly|more\s+than|over|at\s+least|up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|between|an\s+estimated|estimated)\s+)?(\d{1,3}(?:,\d{3})+|\d+|a\s+dozen|dozens|scores|tens|hundreds|thousands|a\s+hundred|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)(?:\s+(?:and|to|or)\s+(\d{1,3}(?:,\d{3})*|\d+))?(?![\d,.]*\s*(?:%|percent|per\s*cent|-?years?[- ]old|km|kilomet|miles?|million|billion|bn|m\b|a\s+(?:day|month|year)|per\s+(?:day|month|year)|dollars|euros|pounds|barrels|times|hours|days|weeks|months|years|minutes))/gi
const COUNTED_NOUN =
  /^(?:\s+|\s+["“'‘]?[\p{L}-]+["”'’]?\s+){0,3}?(?:\s|^)(?:of\s+(?:its|their|his|the\s+group(?:['’]s|s)?)\s+(?:own\s+)?)?(?:[\p{L}-]+\s+)?(?:fighters?|members?|people|persons|civilians|men|women|children|soldiers|militants|troops|workers|dead|bodies|jihadists?|jihadis|recruits|police(?:men)?|officers|prisoners|hostages|captives|insurgents|rebels|guerrillas|volunteers|refugees|families|households|residents|villagers|protesters|journalists|britons|foreigners|others|commanders|guards|victims|killed|wounded|injured|died)\b/iu

/** `prepared`: the text's prepareText(), when the caller already has it (analysis shares one). */
export function findEvents(original: string, prepared: Prepared = prepareText(original)): EventMention[] {
  const out: EventMention[] = []
  const sents = boundedSentences(prepared.text)
  const toOrig = (i: number): number => prepared.toOriginal(i)
  for (let si = 0; si < sents.length; si++) {
    const s = sents[si]!
    if (s.text.length < 20 || isBoilerplateLine(s.text)) continue
    // the headline restates the lead in telegraph style ("Protesters detained in Basra"): the lead is the source
    if (si === 0 && !/[.!?]["'”’)]*$/.test(s.text) && s.text.length < 120 && prepared.text.slice(s.end, s.end + 1) === '\n') continue
    const anaphor = ANAPHOR.test(s.text)
    // date parsing is the expensive part: only sentences that can hold an event are parsed
    if (!anaphor && !ANY_CUE.test(s.text)) continue
    // a date glued between headline and lead in a scrape ("…near Kirkuk 12 April 2016 Gunmen attacked…")
    // is the publication date, not the event's
    // ("now", "currently" say when a state holds, not when an event happened)
    // "the 1991 Gulf War" names another event, and "next month" is ahead of what the article reports
    const timexes = findTimexes(s.text).filter(
      (t) => t.expr.k !== 'present' && !aheadOfReport(t.expr) && !/^(?:the|a|an|its|his|her|their|that)\s/i.test(t.text) && !(t.expr.k === 'abs' && s.start + t.start < 300 && /^\s+\p{Lu}/u.test(s.text.slice(t.end)))
    )
    if (anaphor) {
      const prev = out[out.length - 1]
      const event = eventTime(s, timexes)
      // "The massacre took place three months ago": the date of the event the previous sentence reported
      if (prev && prev.start >= toOrig(sents[Math.max(0, si - 3)]!.start)) {
        if (!prev.time && event) {
          prev.time = shift(event, s.start, toOrig)
          prev.end = toOrig(s.end)
        }
        continue
      }
    }
    if (CUMULATIVE.test(s.text)) continue // "the number of executions … at 3,518": a running total, not an event
    for (const clause of clauses(s.text)) {
      const { cue, index, past } = clause.first
      if (!past && GENERIC_BEFORE.test(s.text.slice(Math.max(0, index - 20), index))) continue // "such attacks", "more raids"
      if (TOTAL_SINCE.test(s.text.slice(clause.from, clause.to))) continue // "have died … since 1993": a total over years
      const inside = (x: { start: number }): boolean => x.start >= clause.from && x.start < clause.to
      const count = countNear(s.text, clause.cues, clause.from, clause.to)
      const cueSpan: [number, number] = [index, index + cue.length]
      const time = eventTime(s, timexes.filter(inside), cueSpan)
      const report = timexes.find((t) => isReportTime(s.text, t, cueSpan))
      if (!past && count === undefined && !time) continue
      // one clause of a long sentence (a scrape with its full stops stripped) is its own source sentence
      const [from, to] = clause.whole ? [s.start, s.end] : trimmed(s.text, clause.from, clause.to, s.start)
      const m: EventMention = {
        start: toOrig(from),
        end: toOrig(to),
        kind: kindOf(s.text.slice(clause.from, clause.to), clause.first),
        cue,
        label: labelOf(s.text, index, cue.length)
      }
      if (count) {
        m.count = count.value
        m.countText = count.text
      }
      if (time) m.time = shift(time, s.start, toOrig)
      if (report && report !== time && (clause.whole || inside(report))) m.reported = shift(report, s.start, toOrig)
      if (si > 0 && REFERS_BACK_TO_PLACE.test(s.text.slice(clause.from, clause.to))) {
        // "on the streets of the town": the town was named a sentence or two before
        m.context = [toOrig(sents[Math.max(0, si - 2)]!.start), toOrig(sents[si - 1]!.end)]
      }
      out.push(m)
    }
  }
  return out
}

/** An expression of the future: "next month", "tomorrow", "will play on Sunday" — not when a reported event happened. */
function aheadOfReport(e: TimeExpr): boolean {
  return (e.k === 'rel' && e.n > 0) || (e.k === 'q' && e.which === 'next') || ((e.k === 'md' || e.k === 'm' || e.k === 'wd') && e.future === true)
}

function shift(t: Timex, base: number, toOrig: (i: number) => number): TimeRef {
  const text = t.text.replace(/[\s,;:]+$/, '')
  return { text, start: toOrig(base + t.start), end: toOrig(base + t.start + text.length), expr: t.expr }
}

interface CueHit {
  cue: string
  index: number
  end: number
  past: boolean
  kind: EventKind
}

interface Clause {
  first: CueHit
  cues: Array<[number, number]>
  /** the part of the sentence whose counts and times belong to these cues */
  from: number
  to: number
  whole: boolean
}

// compiled once (matchAll would copy a regular expression per sentence and cue)
const CUES_GLOBAL = CUES.map((c) => ({ ...c, global: new RegExp(c.re.source, 'gi') }))

/** Asserted cues: not negated, not hypothetical or future. */
function cueHits(text: string): CueHit[] {
  const hits: CueHit[] = []
  for (const c of CUES_GLOBAL) {
    const re = c.global
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 60), m.index)
      if (MODAL_BEFORE.test(before) || NEGATION_BEFORE.test(before)) continue
      // "self-declared", "at captured soldiers", "the wounded": a participle used as an adjective
      if (/[-‐‑]$/.test(before) || (/ed$/i.test(m[0]) && /\b(?:at|the|of|a|an|its|their|over|on|with|against)\s+$/i.test(before))) continue
      // markets and statistics in the words of war: "shares fell to 12.5", "the index closed at
      // 1,200", "struck a deal", "the rate of deaths rose 3 percent" are no events
      if (STATISTIC.test(m[0] + text.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue
      if (c.kind === 'announcement' && MARKETS.test(text)) continue
      if (NOT_THE_EVENT.test(text.slice(Math.max(0, m.index - 30), m.index + m[0].length))) continue
      // "was killed" / "killed 12" are past; "killing" after "is" is not ("is killing" = ongoing)
      const past = c.past.test(m[0]) && !/\b(?:is|are|be|being)\s+$/i.test(before)
      hits.push({ cue: m[0], index: m.index, end: m.index + m[0].length, past, kind: c.kind })
    }
  }
  return hits.sort((x, y) => x.index - y.index || y.cue.length - x.cue.length)
}

const STATISTIC =
  /^(?:fell\s+to\s+(?:(?:an?|its|their|the)\s+)?(?:\w+\s+){0,2}?(?:[$£€¥]|\d|record|low|high|new|lowest|highest|rate|level)|closed\s+(?:at|up|down|higher|lower|unchanged|flat|with|[$£€¥]?\d)|closed\s+doors|struck\s+(?:a|an)\s+(?:\w+\s+)?(?:deal|agreement|accord|bargain|balance|chord|note)|deaths?\s+(?:rate|rates|benefits?|duties|tax)|launched\s+(?:a|an|its|their)\s+(?:new\s+)?(?:product|brand|fund|model|service|app|website|offering|bond|issue|share|campaign))/i

const CLAUSE_GAP_WORDS = 15

/**
 * Cues close together describe one event ("attacks … killed 12"); cues far apart in one long
 * sentence describe several. Each group gets the stretch of text up to halfway to its neighbours.
 */
function clauses(text: string): Clause[] {
  const hits = cueHits(text)
  const groups: CueHit[][] = []
  for (const h of hits) {
    const g = groups[groups.length - 1]
    const last = g?.[g.length - 1]
    if (g && last && text.slice(last.end, h.index).split(/\s+/).filter(Boolean).length <= CLAUSE_GAP_WORDS) g.push(h)
    else groups.push([h])
  }
  return groups.map((g, i) => {
    const prev = groups[i - 1]
    const next = groups[i + 1]
    const from = prev ? Math.floor((prev[prev.length - 1]!.end + g[0]!.index) / 2) : 0
    const to = next ? Math.floor((g[g.length - 1]!.end + next[0]!.index) / 2) : text.length
    // the clause's main cue: a past-tense one if any ("Shootouts have erupted"), else the first
    return { first: g.find((h) => h.past) ?? g[0]!, cues: g.map((h) => [h.index, h.end] as [number, number]), from, to, whole: groups.length === 1 }
  })
}

function trimmed(text: string, from: number, to: number, base: number): [number, number] {
  while (from < to && !/\s/.test(text[from - 1] ?? ' ')) from++
  while (to > from && !/\s/.test(text[to] ?? ' ')) to--
  return [base + from, base + to]
}

/** The most specific kind the sentence supports: bodies found are a killing, "executions … killed" an execution. */
function kindOf(text: string, found: { kind: EventKind }): EventKind {
  const has = (k: EventKind): boolean => CUES.find((x) => x.kind === k)!.re.test(text)
  const violent = found.kind === 'killing' || found.kind === 'attack' || found.kind === 'clash' || found.kind === 'discovery'
  if (violent && has('execution')) return 'execution'
  if ((found.kind === 'killing' || found.kind === 'attack') && has('airstrike')) return 'airstrike'
  if (found.kind === 'discovery' && has('killing')) return 'killing'
  return found.kind
}

/** The event's own time: the non-report timex closest to the cue (any, when there is no cue position). */
function eventTime(s: Sentence, timexes: Timex[], cue?: [number, number]): Timex | undefined {
  const own = timexes.filter((t) => !isReportTime(s.text, t, cue))
  if (cue === undefined) return own[0]
  const cueAt = cue[0]
  let best: Timex | undefined
  let bestDist = Infinity
  for (const t of own) {
    const d = t.start > cueAt ? t.start - cueAt : cueAt - t.end
    if (d < bestDist) [best, bestDist] = [t, d]
  }
  return best
}

/** "reported on Sunday that", "Last week, the Pentagon claimed", "This week it was revealed": when it was said */
const REPORT_AFTER = new RegExp(`^[\\s,]*(?:\\S+\\s+){0,3}?(?:it\\s+was\\s+)?(${REPORT_VERB.source})\\s+[\\p{L}"“]`, 'iu')

/**
 * A time that says when something was said, not when it happened: "reported on Sunday that",
 * "Last week, the Pentagon claimed the …", "This week it was revealed that". Not when the saying is
 * the event itself ("announced a curfew last week"), nor "… on Sunday, officials said." (the
 * event's own date with its attribution).
 */
function isReportTime(text: string, t: Timex, cue?: [number, number]): boolean {
  const isCue = (at: number): boolean => cue !== undefined && at >= cue[0] && at < cue[1]
  const from = Math.max(0, t.start - 40)
  const before = text.slice(from, t.start)
  const last = [...before.matchAll(new RegExp(REPORT_VERB.source, 'gi'))].pop()
  // the verb right before the time: "reported on Sunday", "claimed last week"
  if (last && before.slice(last.index + last[0].length).split(/\s+/).filter(Boolean).length <= 1 && !isCue(from + last.index)) return true
  const a = REPORT_AFTER.exec(text.slice(t.end, t.end + 50))
  return !!a && !isCue(t.end + a[0].search(REPORT_VERB))
}

/**
 * The count the event is about: a number of people within a few words of a cue ("120 of its own
 * members", "12 IS fighters"), or the cue's direct object ("killing 30", "execution of 224").
 */
function countNear(text: string, cues: Array<[number, number]>, from = 0, to = text.length): { value: number; text: string } | undefined {
  let best: { value: number; text: string; dist: number } | undefined
  for (const m of text.matchAll(COUNT_RE)) {
    if (m.index < from || m.index >= to) continue
    const v = valueOf(m[1]!)
    if (!Number.isFinite(v) || v < 2) continue
    const end = m.index + m[0].length
    const counted = COUNTED_NOUN.test(text.slice(end))
    if (/^(?:19|20)\d\d$/.test(m[1]!) && !counted) continue // a year
    for (const [cs, ce] of cues) {
      const gap = text.slice(Math.min(end, ce), Math.max(m.index, cs))
      const words = m.index >= ce || end <= cs ? gap.split(/\s+/).filter(Boolean).length : 0
      if (!(counted ? words <= 16 : m.index >= ce && words <= 2)) continue
      const dist = m.index >= ce ? m.index - ce : cs - end
      if (!best || dist < best.dist) best = { value: v, text: m[0].trim(), dist }
    }
  }
  return best && { value: best.value, text: best.text }
}

function valueOf(s: string): number {
  const t = s.toLowerCase().replace(/\s+/g, ' ')
  if (/^[\d,]+$/.test(t)) return Number(t.replace(/,/g, ''))
  return NUMBER_WORDS[t] ?? NaN
}

function labelOf(text: string, at: number, len: number): string {
  const MAX = 140
  if (text.length <= MAX) return text
  // the clause around the cue, widened to whole words
  let s = at
  while (s > 0 && !/[;:—–(]/.test(text[s - 1]!) && at - s < 80) s--
  let e = at + len
  while (e < text.length && !/[;:—–)]/.test(text[e]!) && e - at < 100) e++
  let label = text.slice(s, e).trim()
  if (s > 0) label = '…' + label.replace(/^\S*\s/, '')
  if (e < text.length) label = label.replace(/\s\S*$/, '') + '…'
  return label
}
