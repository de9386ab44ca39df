/**
 * Where Dateline keeps its data. Never inside the archive: the archive folder belongs to the user.
 * The default is the platform's application-data folder, the same one Electron uses as userData
 * for an app named "Dateline", so the CLI and the desktop app share one index.
 */
import { createHash } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'

export const APP_NAME = 'Dateline'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env['DATELINE_DATA']) return path.resolve(env['DATELINE_DATA'])
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME)
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), APP_NAME)
}

/** One folder per archive, named so a person can recognise it: "<folder-name>-<hash of full path>". */
export function archiveDataDir(dataDir: string, archiveAbs: string): string {
  const slug =
    path
      .basename(archiveAbs)
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'archive'
  const hash = createHash('sha1').update(path.resolve(archiveAbs)).digest('hex').slice(0, 10)
  return path.join(dataDir, 'archives', `${slug}-${hash}`)
}
