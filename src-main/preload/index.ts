/**
 * Preload: the only bridge between the sandboxed renderer and main. Exposes exactly the
 * contract's DatelineApi as window.dateline — named functions, never ipcRenderer itself.
 * Built as CommonJS (sandboxed preloads cannot be ES modules).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { Channels, Events, type ArchiveChangedEvent, type DatelineApi, type ImportProgressView, type IndexProgressView } from '../contract/api'

function listen<T>(channel: string, listener: (payload: T) => void): () => void {
  const wrapped = (_e: unknown, payload: T) => listener(payload)
  ipcRenderer.on(channel, wrapped)
  return () => void ipcRenderer.removeListener(channel, wrapped)
}

const api: DatelineApi = {
  getStatus: () => ipcRenderer.invoke(Channels.status),
  chooseArchive: () => ipcRenderer.invoke(Channels.chooseArchive),
  openRecent: (path) => ipcRenderer.invoke(Channels.openRecent, path),
  cancelIndexing: () => ipcRenderer.invoke(Channels.cancelIndexing),
  onIndexProgress: (listener) => listen<IndexProgressView>(Events.indexProgress, listener),
  search: (request) => ipcRenderer.invoke(Channels.search, request),
  timeline: (request) => ipcRenderer.invoke(Channels.timeline, request),
  document: (request) => ipcRenderer.invoke(Channels.document, request),
  entities: (request) => ipcRenderer.invoke(Channels.entities, request),
  curate: (request) => ipcRenderer.invoke(Channels.curate, request),
  setPublished: (request) => ipcRenderer.invoke(Channels.setPublished, request),
  importDropped: async (files) => {
    // Paths come from Electron for real dropped files only ('' for files made up in the page).
    const paths = [...files].map((f) => webUtils.getPathForFile(f)).filter((p) => p !== '')
    if (!paths.length) return { ok: false, error: { code: 'invalid', message: 'Nothing to import: drop files or folders from your computer.' } }
    return ipcRenderer.invoke(Channels.importPaths, paths)
  },
  chooseImport: () => ipcRenderer.invoke(Channels.chooseImport),
  cancelImport: () => ipcRenderer.invoke(Channels.cancelImport),
  onImportProgress: (listener) => listen<ImportProgressView>(Events.importProgress, listener),
  onArchiveChanged: (listener) => listen<ArchiveChangedEvent>(Events.archiveChanged, listener)
}

contextBridge.exposeInMainWorld('dateline', api)
