/**
 * Time expressions scored the way TempEval-3 scores them: spans strict (the same characters) and
 * relaxed (overlapping), and the normalised value of every relaxed match (value accuracy; value
 * F1 counts a match only when its value is right, over all found and all annotated). The value of
 * one of ours is its resolved range written as TimeML writes it ("1998-02-13", "1998-W07",
 * "1989-Q3", "1990", "PRESENT_REF", "P9M").
 */
import { parts, ymd } from '../../src-main/core/dates/calendar'
import type { DateExpression } from '../../src-main/core/dates/expressions'
import type { GoldTimex } from './timebank'

export function timexValue(e: DateExpression): string {
  if (e.kind === 'present') return 'PRESENT_REF'
  if (e.kind === 'duration' || e.kind === 'set') return e.length ?? ''
  const r = e.range
  if (!r) return ''
  const p = parts(r.start)
  const y = String(p.year)
  switch (r.precision) {
    case 'day':
      return ymd(r.start)
    case 'week':
      return isoWeek(r.start)
    case 'month':
      return ymd(r.start).slice(0, 7)
    case 'quarter':
      return `${y}-Q${Math.floor((p.month - 1) / 3) + 1}`
    case 'season':
      return `${y}-${p.month === 12 || p.month <= 2 ? 'WI' : p.month <= 5 ? 'SP' : p.month <= 8 ? 'SU' : 'FA'}`
    case 'year':
      return y
    case 'vague':
      return 'PAST_REF'
  }
}

/** "1998-W07": the ISO week holding the day */
function isoWeek(day: number): string {
  const wd = (((day + 3) % 7) + 7) % 7 // 0 = Monday
  const thursday = day - wd + 3
  const year = parts(thursday).year
  const jan4 = Math.floor(Date.UTC(year, 0, 4) / 86_400_000)
  const week1Monday = jan4 - ((((jan4 + 3) % 7) + 7) % 7)
  return `${year}-W${String(Math.floor((thursday - 3 - week1Monday) / 7) + 1).padStart(2, '0')}`
}

export interface TimexCounts {
  system: number
  gold: number
  strict: number
  relaxed: number
  value: number
}

export function emptyCounts(): TimexCounts {
  return { system: 0, gold: 0, strict: 0, relaxed: 0, value: 0 }
}

export interface TimexErrors {
  missed: string[]
  extra: string[]
  /** "text: ours → gold" */
  wrongValue: string[]
}

/** Adds one document's comparison to `c` and its errors to `errors`. */
export function scoreDocument(ours: readonly DateExpression[], gold: readonly GoldTimex[], c: TimexCounts, errors: TimexErrors): void {
  c.system += ours.length
  c.gold += gold.length
  const used = new Set<number>()
  for (const g of gold) {
    let best = -1
    for (let i = 0; i < ours.length; i++) {
      const o = ours[i]!
      if (used.has(i) || o.start >= g.end || o.end <= g.start) continue
      if (best < 0 || (o.start === g.start && o.end === g.end)) best = i
    }
    if (best < 0) {
      errors.missed.push(g.text.toLowerCase())
      continue
    }
    used.add(best)
    const o = ours[best]!
    c.relaxed++
    if (o.start === g.start && o.end === g.end) c.strict++
    const v = timexValue(o)
    if (v === g.value) c.value++
    else errors.wrongValue.push(`${o.text}: ${v || '(unresolved)'} → ${g.value}`)
  }
  ours.forEach((o, i) => {
    if (!used.has(i)) errors.extra.push(o.text.toLowerCase())
  })
}

export function report(c: TimexCounts): string[] {
  const f = (tp: number) => {
    const p = tp / (c.system || 1)
    const r = tp / (c.gold || 1)
    return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)}`
  }
  return [
    `  spans, strict         ${f(c.strict)}`,
    `  spans, relaxed        ${f(c.relaxed)}`,
    `  value accuracy        ${(c.value / (c.relaxed || 1)).toFixed(3)} (${c.value} of ${c.relaxed} relaxed matches)`,
    `  value                 ${f(c.value)}`,
    `  (${c.system} found, ${c.gold} annotated)`
  ]
}

export function commonest(list: readonly string[], n: number): string {
  const counts = new Map<string, number>()
  for (const x of list) counts.set(x, (counts.get(x) ?? 0) + 1)
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([t, k]) => (k > 1 ? `${t} ×${k}` : t))
    .join('; ')
}
