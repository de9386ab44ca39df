/** Importing into the open archive from the window: dropped paths, the file dialog, cancel. */
import { Events, type ImportResponse, type Result, type Services } from '../../contract/api'
import { guarded, type Session } from './session'

export function importServices(session: Session): Pick<Services, 'importPaths' | 'chooseImport' | 'cancelImport'> {
  const { deps } = session

  async function importPaths(paths: string[]): Promise<Result<ImportResponse>> {
    const svc = session.current
    if (!svc) return { ok: false, error: { code: 'no-archive', message: 'Open an archive folder before importing articles into it.' } }
    if (session.importing) return { ok: false, error: { code: 'locked', message: 'An import is already running; wait for it or cancel it.' } }
    const stop = new AbortController()
    session.importing = stop
    try {
      return await guarded(async () => {
        const r = await svc.importFiles(paths, { ...(deps.importFolder ? { target: deps.importFolder } : {}), signal: stop.signal, onProgress: (p) => deps.send(Events.importProgress, p) })
        const { imported, duplicates, rejected, cancelled, notStarted, documents, ms } = r
        return { imported, duplicates, rejected, cancelled, notStarted, documents, ms }
      })
    } finally {
      session.importing = null
    }
  }

  return {
    importPaths,
    async chooseImport() {
      const picked = await deps.pickImport()
      if (!picked?.length) return { ok: true, value: { imported: [], duplicates: [], rejected: [], cancelled: true, notStarted: 0, documents: session.current?.documentCount ?? 0, ms: 0 } }
      return importPaths(picked)
    },
    async cancelImport() {
      const running = session.importing
      running?.abort()
      return { ok: true, value: { cancelled: running !== null } }
    }
  }
}
