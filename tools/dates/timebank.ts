/**
 * TimeML files of TimeBank+AQUAINT (../shared/data/timex/tbaq, never copied into the repository):
 * each article's text without its tags, its creation date, and its time expressions (TIMEX3) with
 * their offsets in that text, type and normalised value.
 */
import { readFileSync } from 'node:fs'

export interface GoldTimex {
  start: number
  end: number
  text: string
  type: string
  value: string
}

export interface TimeMLDoc {
  name: string
  /** the creation date, YYYY-MM-DD */
  dct: string
  text: string
  timexes: GoldTimex[]
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function readTimeML(file: string, name: string): TimeMLDoc | undefined {
  const xml = readFileSync(file, 'utf8')
  const dct = /<DCT>[\s\S]*?value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1]
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1]
  if (!dct || body === undefined) return undefined
  let text = ''
  const timexes: GoldTimex[] = []
  let open: { start: number; type: string; value: string } | undefined
  for (const m of body.matchAll(/<(\/?)([A-Z0-9]+)([^>]*)>|&(\w+);|[^<&]+/g)) {
    if (m[2]) {
      if (m[2] !== 'TIMEX3') continue
      if (!m[1]) open = { start: text.length, type: /type="([^"]*)"/.exec(m[3]!)?.[1] ?? '', value: /value="([^"]*)"/.exec(m[3]!)?.[1] ?? '' }
      else if (open) {
        timexes.push({ start: open.start, end: text.length, text: text.slice(open.start), type: open.type, value: open.value })
        open = undefined
      }
    } else if (m[4]) text += ENTITIES[m[4]] ?? m[0]
    else text += m[0]
  }
  return { name, dct, text, timexes }
}
