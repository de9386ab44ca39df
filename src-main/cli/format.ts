/** Flag values and text shared by several commands. */
import { writeFile } from 'node:fs/promises'
import type { Published } from '../core/dates/publication'
import type { Facets } from '../core/entities/facets'
import { ENTITY_TYPES } from '../core/entities/types'
import { DatelineError } from '../core/errors'

export function intFlag(v: string | true | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) throw new DatelineError('usage', `--${name} must be a whole number`)
  return n
}

export function megabytes(v: string | true): number {
  const mb = Number(v)
  if (v === true || !Number.isFinite(mb) || mb <= 0) throw new DatelineError('usage', '--max-size must be a size in megabytes, for example --max-size 50')
  return Math.round(mb * 1024 * 1024)
}

/** "1 document", "3 documents" */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function formatFacets(f: Facets): string {
  return ENTITY_TYPES.map((t) => `  ${t}: ${f[t].map((e) => `${e.name} (${e.count})`).join(', ') || '–'}`).join('\n')
}

export function formatPublished(p: Published): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const when = p.date
    ? `${p.date} (${p.source}, confidence ${p.confidence})`
    : p.partial
      ? `${p.partial.day} ${months[p.partial.month - 1]}, year unknown`
      : p.source === 'conflict'
        ? `unknown (${p.evidence[0] ?? 'conflicting dates'})`
        : 'unknown'
  const bounds = p.earliest || p.latest ? `  between ${p.earliest ?? '…'} and ${p.latest ?? '…'}` : ''
  return [`published: ${when}${bounds}`, `file date: ${p.fileDate} (not used)`, ...p.evidence.map((e) => `  - ${e}`)].join('\n')
}

/** Write a file the user named, never over an existing one. */
export async function writeNew(out: string, text: string, messages: { exists: string; failed: (e: Error) => string }): Promise<void> {
  await writeFile(out, text, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
    throw new DatelineError('io', e.code === 'EEXIST' ? messages.exists : messages.failed(e))
  })
}
