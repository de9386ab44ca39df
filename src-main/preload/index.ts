/**
 * Preload: the only bridge between the sandboxed renderer and main. Exposes exactly the
 * contract's DatelineApi as window.dateline — named functions, never ipcRenderer itself.
 * Built as CommonJS (sandboxed preloads cannot be ES modules).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { Channels, type DatelineApi } from '../contract/api'

const api: DatelineApi = {
  getStatus: () => ipcRenderer.invoke(Channels.status),
  chooseArchive: () => ipcRenderer.invoke(Channels.chooseArchive),
  search: (request) => ipcRenderer.invoke(Channels.search, request),
  timeline: (request) => ipcRenderer.invoke(Channels.timeline, request)
}

contextBridge.exposeInMainWorld('dateline', api)
