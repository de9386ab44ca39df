/** A text that is a database export of many articles, split by its layout; undefined when it is not one. */
import type { Article, FormatName } from '../types'
import { splitFactiva } from './factiva'
import { splitNexis } from './nexis'

export function splitExport(text: string): { format: FormatName; articles: Article[] } | undefined {
  const nexis = splitNexis(text)
  if (nexis?.length) return { format: 'nexis', articles: nexis }
  const factiva = splitFactiva(text)
  if (factiva?.length) return { format: 'factiva', articles: factiva }
  return undefined
}
