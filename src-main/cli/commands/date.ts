/**
 * dateline date <archive> <path> <YYYY-MM-DD|unknown> | --clear: set, declare unknown or clear a publication date;
 * dateline date <archive> --folder <folder> <YYYY> | --clear: the year the files under a folder are from.
 */
import { DatelineError } from '../../core/errors'
import type { Command } from '../context'
import { formatPublished } from '../format'

export const dateCommand: Command = async ({ args, io, json, openIndexed }) => {
  const folder = args.flags.get('folder')
  if (folder !== undefined) {
    // dateline date <archive> --folder <folder> <YYYY> | --clear
    const year = args.positionals[1]
    const clear = args.flags.has('clear')
    if (folder === true || (!year && !clear) || (year && clear) || (year && !/^\d{4}$/.test(year))) {
      throw new DatelineError('usage', 'date --folder: give the folder and the year its files are from, or --clear, for example: dateline date ./archive --folder 1987/wire 1987')
    }
    const svc = await openIndexed()
    const r = await svc.setFolderYear(folder, clear ? null : Number(year))
    io.out(json ? JSON.stringify(r) : r.year === null ? `${r.folder}/: no year (${r.documents} articles)` : `${r.folder}/: articles from ${r.year} (${r.documents} articles)`)
    return 0
  }
  const rel = args.positionals[1]
  const value = args.positionals[2]
  const clear = args.flags.has('clear')
  if (!rel || (!value && !clear) || (value && clear)) throw new DatelineError('usage', 'date: give the document path and a date (YYYY-MM-DD or unknown), or --clear, for example: dateline date ./archive a.txt 2015-10-30')
  const svc = await openIndexed()
  const p = await svc.setPublicationDate(rel, clear ? null : value!)
  io.out(json ? JSON.stringify({ path: svc.document(rel).path, published: p }) : formatPublished(p))
  return 0
}
