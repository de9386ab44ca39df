/** Entities from the window: finding any entity of the archive, the hidden list, and corrections. */
import type { EntityView, Services } from '../../contract/api'
import { saveExport, withArchive, type Session } from './session'

export function entityServices(session: Session): Pick<Services, 'entities' | 'curate' | 'corrections' | 'undoCorrection' | 'entityPage' | 'places' | 'exportEntities'> {
  return {
    exportEntities: (req) => withArchive(session, (svc) => saveExport(session, `dateline-entities.${req.format}`, req.format, 'the entity list', () => svc.exportEntities(req.format))),
    places: (req) =>
      withArchive(session, (svc) =>
        svc.placesMap(req.query ?? '', { ...(req.resultEntities ? { entities: req.resultEntities } : {}), ...(req.resultExcludeEntities ? { excludeEntities: req.resultExcludeEntities } : {}) }, req.limit ?? 500)
      ),
    entityPage: (req) =>
      withArchive(session, (svc) => {
        const p = svc.entityPage(req.id, { limit: 200, ...(req.sort ? { sort: req.sort } : {}) })
        return { ...p, entity: entityView(p.entity) }
      }),
    entities: (req) =>
      withArchive(session, (svc) => {
        const limit = req.limit ?? 50
        // the hidden list: every entity, hidden ones kept; the registry is in memory, so this stays cheap
        const list = req.hidden
          ? svc.entities({ ...req, includeHidden: true, limit: Number.MAX_SAFE_INTEGER }).filter((e) => e.hidden).slice(0, limit)
          : svc.entities({ ...req, limit })
        return list.map(entityView)
      }),
    curate: (req) => withArchive(session, async (svc) => entityView(await svc.curate(req))),
    corrections: () => withArchive(session, (svc) => svc.corrections()),
    undoCorrection: (req) => withArchive(session, (svc) => svc.undoCorrection(req.index))
  }
}

/** Only what the window shows of an entity (no merge keys, no mention counts). */
function entityView(e: EntityView): EntityView {
  return { id: e.id, type: e.type, name: e.name, aliases: e.aliases, documents: e.documents, ...(e.hidden ? { hidden: true } : {}) }
}
