/** dateline date <archive> <path> <YYYY-MM-DD|unknown> | --clear: set, declare unknown or clear a publication date. */
import { DatelineError } from '../../core/errors'
import type { Command } from '../context'
import { formatPublished } from '../format'

export const dateCommand: Command = async ({ args, io, json, openIndexed }) => {
  const rel = args.positionals[1]
  const value = args.positionals[2]
  const clear = args.flags.has('clear')
  if (!rel || (!value && !clear) || (value && clear)) throw new DatelineError('usage', 'date: give the document path and a date (YYYY-MM-DD or unknown), or --clear, for example: dateline date ./archive a.txt 2015-10-30')
  const svc = await openIndexed()
  const p = await svc.setPublicationDate(rel, clear ? null : value!)
  io.out(json ? JSON.stringify({ path: svc.document(rel).path, published: p }) : formatPublished(p))
  return 0
}
