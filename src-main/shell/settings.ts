/**
 * Small user settings in electron-store (a JSON file in userData): recent archives, the largest
 * article file accepted, the folder imports go to.
 * Not for the index: electron-store rewrites its whole file on every change.
 */
import Store, { type Schema } from 'electron-store'

export interface AppSettings {
  recentArchives: string[]
  /** files larger than this are refused when indexing and importing */
  maxFileMB: number
  /** where dropped files are copied inside the archive; "{date}" is the day of the import */
  importFolder: string
}

export const settingsSchema: Schema<AppSettings> = {
  recentArchives: { type: 'array', items: { type: 'string', maxLength: 4096 }, maxItems: 10, default: [] },
  maxFileMB: { type: 'number', minimum: 1, maximum: 2000, default: 20 },
  importFolder: { type: 'string', minLength: 1, maxLength: 500, default: 'Imported/{date}' }
}

export function createSettingsStore(opts: { cwd?: string } = {}): Store<AppSettings> {
  return new Store<AppSettings>({ name: 'settings', schema: settingsSchema, clearInvalidConfig: true, ...opts })
}

export function rememberArchive(store: Pick<Store<AppSettings>, 'get' | 'set'>, archive: string): void {
  const recent = [archive, ...store.get('recentArchives').filter((p) => p !== archive)].slice(0, 10)
  store.set('recentArchives', recent)
}
