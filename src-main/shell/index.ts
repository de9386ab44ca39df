/**
 * Main-process entry and composition root: the only file that wires Electron's app, protocol,
 * session, dialog and ipcMain to Dateline's modules. Everything it calls takes its dependencies
 * as parameters.
 */
import { app, dialog, ipcMain, net, protocol, session, shell, BrowserWindow } from 'electron'
import { fileURLToPath } from 'node:url'
import { readableExtensions } from '../core/formats/registry'
import { registerIpcHandlers } from './ipc'
import { APP_HOST, APP_SCHEME, registerAppProtocol } from './protocol'
import { isTrustedSenderUrl, type TrustedOrigins } from './sender'
import { createServices } from './services'
import { createSettingsStore, rememberArchive } from './settings'
import { createMainWindow, hardenAllWebContents } from './window'

app.setName('Dateline')
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const trusted: TrustedOrigins = { app: { protocol: `${APP_SCHEME}:`, host: APP_HOST }, devServer: devServerUrl }

// Must run before 'ready'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
app.enableSandbox()
hardenAllWebContents((url) => isTrustedSenderUrl(url, trusted))

void app.whenReady().then(() => {
  // Electron grants every permission by default; Dateline needs none.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false))
  registerAppProtocol(protocol, (u) => net.fetch(u), fileURLToPath(new URL('../renderer', import.meta.url)))

  const settings = createSettingsStore()
  const services = createServices({
    // the CLI's default data folder is the same path as userData, so both share one index
    dataDir: process.env['DATELINE_DATA'] ?? app.getPath('userData'),
    pickFolder: async () => {
      const win = BrowserWindow.getFocusedWindow()
      const opts = { title: 'Open an archive folder', properties: ['openDirectory' as const] }
      const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
      return res.canceled ? null : (res.filePaths[0] ?? null)
    },
    lastArchive: () => settings.get('recentArchives')[0] ?? null,
    rememberArchive: (p) => rememberArchive(settings, p),
    recentArchives: () => settings.get('recentArchives'),
    maxFileBytes: settings.get('maxFileMB') * 1024 * 1024,
    importFolder: settings.get('importFolder'),
    // built next to this file by electron-vite (a second entry of the main build)
    workerScript: fileURLToPath(new URL('./analyze-worker.js', import.meta.url)),
    pickImport: async () => {
      const win = BrowserWindow.getFocusedWindow()
      // Linux and Windows cannot offer files and folders in one dialog; files are the common case there
      const properties = process.platform === 'darwin' ? (['openFile', 'openDirectory', 'multiSelections'] as const) : (['openFile', 'multiSelections'] as const)
      const opts = { title: 'Import articles', properties: [...properties], filters: [{ name: 'Articles', extensions: readableExtensions() }, { name: 'All files', extensions: ['*'] }] }
      const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
      return res.canceled ? null : res.filePaths
    },
    // the user's own program for the file (a PDF viewer, a mail client); an error message or ''
    openFile: (abs) => shell.openPath(abs),
    revealFile: (abs) => shell.showItemInFolder(abs),
    pickSaveFile: async (name, format) => {
      const win = BrowserWindow.getFocusedWindow()
      const opts = { title: 'Export results', defaultPath: name, filters: [format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'JSON', extensions: ['json'] }], properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] }
      const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts)
      return res.canceled || !res.filePath ? null : res.filePath
    },
    send: (channel, payload) => {
      for (const w of BrowserWindow.getAllWindows()) if (!w.isDestroyed()) w.webContents.send(channel, payload)
    }
  })
  registerIpcHandlers(ipcMain, services, trusted)
  createMainWindow(devServerUrl)
  app.on('before-quit', () => services.close())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
