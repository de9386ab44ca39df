/** One article for the reader (text, highlights, entities, date, story, events, what its file states), setting its date, opening its file. */
import path from 'node:path'
import type { DocumentResponse, Services } from '../../contract/api'
import { DatelineError } from '../../core/errors'
import { publicEvent } from '../../core/timeline/build'
import { withArchive, type Session } from './session'

export function documentServices(session: Session): Pick<Services, 'document' | 'setPublished' | 'openOriginal' | 'annotate'> {
  return {
    document: (req) =>
      withArchive(session, (svc): DocumentResponse => {
        const d = svc.document(req.path)
        const ds = d.story
        let story: DocumentResponse['story'] = null
        if (ds) {
          const full = svc.story(ds.id)
          // what this text shares with the one it was taken from, marked in the reader
          const reused = ds.of ? svc.reuse(d.path, ds.of).passages.map((p): [number, number] => [p.a.start, p.a.end]) : []
          story = {
            role: ds.role,
            ...(ds.of ? { of: ds.of } : {}),
            members: full.members.map((m) => ({ path: m.path, title: m.title, role: m.role, published: m.published })),
            reused
          }
        }
        const { date, source, confidence, evidence, fileDate, partial } = d.published
        return {
          path: d.path,
          title: d.title,
          text: d.text,
          highlights: req.query ? svc.highlights(d.path, req.query) : [],
          entities: d.entities,
          published: { date, source, confidence, evidence, fileDate, ...(partial ? { partial } : {}) },
          story,
          events: svc.documentEvents(d.path).map(publicEvent),
          dates: svc.documentDates(d.path).dates,
          format: d.format,
          container: d.container,
          encoding: d.encoding,
          meta: d.meta,
          annotations: d.annotations
        }
      }),
    annotate: (req) => withArchive(session, (svc) => svc.annotate(req)),
    openOriginal: (req) =>
      withArchive(session, async (svc) => {
        const d = svc.document(req.path)
        const file = d.container ?? d.path
        const abs = path.join(svc.archive, ...file.split('/'))
        if (revealOnly(d.format)) {
          // a browser opening a saved page would fetch its images and trackers: shown, not opened
          if (!session.deps.revealFile) throw new DatelineError('io', 'Showing files in the file manager is not available here.')
          session.deps.revealFile(abs)
          return { file, shown: 'in its folder' as const }
        }
        const open = session.deps.openFile
        if (!open) throw new DatelineError('io', 'Opening files in other programs is not available here.')
        const failed = await open(abs)
        if (failed) throw new DatelineError('io', `Could not open ${file}: ${failed}`)
        return { file, shown: 'opened' as const }
      }),
    setPublished: (req) =>
      withArchive(session, async (svc) => {
        const { date, source, confidence, evidence, fileDate, partial } = await svc.setPublicationDate(req.path, req.date)
        return { date, source, confidence, evidence, fileDate, ...(partial ? { partial } : {}) }
      })
  }
}

/**
 * Web pages and feeds are shown in the file manager rather than opened: the system's program for
 * them is a browser, which would load the page's remote images and trackers and tell the site
 * the article was read. The user can still open it from there, knowingly.
 */
export function revealOnly(format: string): boolean {
  return format === 'html' || format === 'mhtml' || format === 'feed'
}
