/**
 * What the window can ask for, implemented on the core: one group of services per concept, over
 * one shared session. No electron import: the folder picker and settings are injected by the
 * composition root, so this is tested under plain Node.
 */
import type { Result, Services, StatusView } from '../../contract/api'
import { archiveServices } from './archive'
import { documentServices } from './documents'
import { entityServices } from './entities'
import { importServices } from './import'
import { searchServices } from './search'
import type { ServiceDeps, Session } from './session'

export type { ServiceDeps } from './session'

export function createServices(deps: ServiceDeps): Services & { open(path: string): Promise<Result<StatusView>>; close(): void } {
  const session: Session = { deps, current: null, indexing: false, watcher: null, importing: null, indexingStop: null, reopening: null }
  return {
    ...archiveServices(session),
    ...importServices(session),
    ...searchServices(session),
    ...documentServices(session),
    ...entityServices(session),
    close() {
      void session.current?.close()
      session.watcher?.close()
      session.watcher = null
      session.importing?.abort()
    }
  }
}
