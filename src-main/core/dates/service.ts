/**
 * Publication dates of an open archive: each document's date with how it is known (resolved with
 * the stories, see stories/service.ts), and the dates the user sets, kept in dates.json beside the
 * index (the article file is never touched).
 */
import path from 'node:path'
import { USER_DATES_FILE, withUserFilesLock, type ArchiveContext } from '../archive/context'
import { DatelineError } from '../errors'
import { storyState } from '../stories/service'
import { anchorOf } from '../timeline/build'
import { ymd, parseYmd } from './calendar'
import { dateExpressions, type ExpressionKind } from './expressions'
import type { Published } from './publication'
import { loadUserDates, saveUserDates, type UserDatesFile } from './user-dates'

/** When the document was published, with the evidence (see dates/publication.ts). */
export function published(ctx: ArchiveContext, pathOrId: string): Published {
  const meta = ctx.snapshot.meta(pathOrId)
  return storyState(ctx).published.get(meta.id)!
}

/** One date expression of a document as `dateline dates` and the reader explain it. */
export interface DateExpressionView {
  start: number
  end: number
  text: string
  kind: ExpressionKind
  range: { start: string; end: string; precision: string } | null
  /** a duration's or a recurring time's length ("P9M") */
  length?: string
  anchor: 'text' | 'publication' | null
  rule: string
}

/**
 * Every date expression in a document (offsets into its text as decoded), each resolved against
 * the document's publication date as it stands, with the rule behind it.
 */
export function documentDates(ctx: ArchiveContext, pathOrId: string): { path: string; published: Published; dates: DateExpressionView[] } {
  const meta = ctx.snapshot.meta(pathOrId)
  const p = published(ctx, meta.id)
  const text = ctx.snapshot.segmentDocOf(meta).text
  const dates = dateExpressions(text, anchorOf(p)).map((e) => ({
    start: e.start,
    end: e.end,
    text: e.text,
    kind: e.kind,
    range: e.range ? { start: ymd(e.range.start), end: ymd(e.range.end), precision: e.range.precision } : null,
    ...(e.length ? { length: e.length } : {}),
    anchor: e.anchor,
    rule: e.rule
  }))
  return { path: meta.path, published: p, dates }
}

/**
 * Say which year the files under a folder are from (a number), or clear it (null). Completes
 * their partial dates ("Feb 26") and dates the undated ones to the year; a date an article states
 * stays. Stored in the data folder beside the per-article dates, never in the archive.
 */
export async function setFolderYear(ctx: ArchiveContext, folder: string, year: number | null): Promise<{ folder: string; year: number | null; documents: number }> {
  const rel = folder.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '')
  if (!rel || rel.split('/').some((p) => p === '..' || p === '.' || p === '')) throw new DatelineError('usage', `"${folder}" is not a folder inside the archive: give it relative to the archive, for example 1987/march`)
  const documents = ctx.snapshot.documents().filter((d) => d.path.startsWith(rel + '/')).length
  if (year !== null && !documents) throw new DatelineError('not-found', `No indexed article is under "${rel}/"; check the folder's name relative to the archive.`)
  if (year !== null && !(Number.isInteger(year) && year >= 1800 && year <= new Date().getUTCFullYear() + 1)) {
    throw new DatelineError('usage', `"${year}" is not a year a news article can have: give four digits, for example 1987.`)
  }
  await withUserFilesLock(ctx, async () => {
    const file = path.join(ctx.store.dir, USER_DATES_FILE)
    const onDisk = await loadUserDates(file)
    const folders = { ...(onDisk.folders ?? {}) }
    if (year === null) delete folders[rel]
    else folders[rel] = { year, at: new Date().toISOString() }
    const next: UserDatesFile = { ...onDisk, folders }
    await saveUserDates(file, next)
    ctx.userDates = next
  })
  ctx.cache.stories = undefined // everything resolved from dates is resolved again
  return { folder: rel, year, documents }
}

/**
 * Set the publication date (YYYY-MM-DD), declare it unknown ('unknown'), or clear the user's
 * entry (null) so it is inferred again. Stored in the data folder, never in the archive.
 */
export async function setPublicationDate(ctx: ArchiveContext, pathOrId: string, date: string | null): Promise<Published> {
  const meta = ctx.snapshot.meta(pathOrId)
  let entry: UserDatesFile['dates'][string] | undefined
  if (date === 'unknown') entry = { date: null, hash: meta.hash, at: new Date().toISOString() }
  else if (date !== null) {
    if (parseYmd(date) === undefined) throw new DatelineError('usage', `"${date}" is not a date: use YYYY-MM-DD (for example 2015-10-30) or "unknown".`)
    entry = { date: date.trim(), hash: meta.hash, at: new Date().toISOString() }
  }
  // the dates as they are on disk now (another process may have set others), under the user-files lock
  await withUserFilesLock(ctx, async () => {
    const file = path.join(ctx.store.dir, USER_DATES_FILE)
    const onDisk = await loadUserDates(file)
    const dates = { ...onDisk.dates }
    if (entry) dates[meta.path] = entry
    else delete dates[meta.path]
    const next: UserDatesFile = { ...onDisk, dates }
    await saveUserDates(file, next)
    ctx.userDates = next
  })
  ctx.cache.stories = undefined // everything resolved from dates is resolved again
  return published(ctx, meta.id)
}
