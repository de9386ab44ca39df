/** A text that is a database export of many articles, split by its layout; undefined when it is not one. */
import type { Encoding } from '../../text/decode'
import type { ReadResult } from '../types'
import { splitFactiva } from './factiva'
import { splitNexis } from './nexis'

/** The articles of an export (Nexis, Factiva) as a container's reading, whatever file it came in; undefined when the text is not one. */
export function readExport(text: string, encoding: Encoding): ReadResult | undefined {
  const nexis = splitNexis(text)
  if (nexis?.length) return { ok: true, format: 'nexis', container: true, articles: nexis, encoding }
  const factiva = splitFactiva(text)
  if (factiva?.length) return { ok: true, format: 'factiva', container: true, articles: factiva, encoding }
  return undefined
}
