/**
 * Dates as files state them in metadata: ISO 8601 ("2021-06-04T09:15:00+02:00"), RFC 2822 mail and
 * feed dates ("Fri, 04 Jun 2021 09:15:00 +0200"), export date lines ("June 4, 2021 Friday",
 * "4 June 2021"), PDF dates ("D:20210604091500+02'00'"). Strict: a value that is not plainly a date
 * gives nothing (a date is right or unknown). The day is the one written: an article stamped
 * 23:30 in its publisher's zone was published that day there.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\\.?,?\\s+)?'
const TAIL = '(?:[\\s,]+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)\\b)?(?:\\s.*)?$'

const ISO = /^\s*(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T\s]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/i
const PDF = /^\s*D:(\d{4})(\d{2})?(\d{2})?/
const MDY = new RegExp(`^\\s*${WEEKDAY}${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})${TAIL}`, 'i')
const DMY = new RegExp(`^\\s*${WEEKDAY}(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})${TAIL}`, 'i')
const MY = new RegExp(`^\\s*${MONTH}\\s+(\\d{4})\\s*$`, 'i')

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1
}

function valid(y: number, m: number, d?: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12) return false
  if (d === undefined) return true
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function iso(y: number, m?: number, d?: number): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return m === undefined ? String(y) : d === undefined ? `${y}-${p(m)}` : `${y}-${p(m)}-${p(d)}`
}

/** "2021-06-04", "2021-06" or "2021"; undefined when the value is not plainly a date. */
export function parseMetaDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  const s = value.trim().slice(0, 120)
  let m = ISO.exec(s)
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])]
    return valid(y, mo, d) ? iso(y, mo, d) : undefined
  }
  if ((m = PDF.exec(s))) {
    const y = Number(m[1])
    const mo = m[2] === undefined ? undefined : Number(m[2])
    const d = m[3] === undefined ? undefined : Number(m[3])
    if (mo === undefined) return valid(y, 1) ? iso(y) : undefined
    return valid(y, mo, d) ? iso(y, mo, d) : undefined
  }
  if ((m = MDY.exec(s))) {
    const [mo, d, y] = [monthOf(m[1]!), Number(m[2]), Number(m[3])]
    return valid(y, mo, d) ? iso(y, mo, d) : undefined
  }
  if ((m = DMY.exec(s))) {
    const [d, mo, y] = [Number(m[1]), monthOf(m[2]!), Number(m[3])]
    return valid(y, mo, d) ? iso(y, mo, d) : undefined
  }
  if ((m = MY.exec(s))) {
    const [mo, y] = [monthOf(m[1]!), Number(m[2])]
    return valid(y, mo) ? iso(y, mo) : undefined
  }
  return undefined
}
