/**
 * Preload: the only bridge between the sandboxed renderer and main. Exposes exactly the
 * contract's DatelineApi as window.dateline — one named function per call and event of the
 * contract table, never ipcRenderer itself. Built as CommonJS (sandboxed preloads cannot be ES modules).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { CALLS, EVENTS, type DatelineApi } from '../contract/api'

function listen(channel: string, listener: (payload: unknown) => void): () => void {
  const wrapped = (_e: unknown, payload: unknown) => listener(payload)
  ipcRenderer.on(channel, wrapped)
  return () => void ipcRenderer.removeListener(channel, wrapped)
}

/** Paths come from Electron for real dropped files only ('' for files made up in the page). */
async function invokeWithDroppedFiles(channel: string, files: File[]) {
  const paths = [...files].map((f) => webUtils.getPathForFile(f)).filter((p) => p !== '')
  if (!paths.length) return { ok: false, error: { code: 'invalid', message: 'Nothing to import: drop files or folders from your computer.' } }
  return ipcRenderer.invoke(channel, paths)
}

const api: Record<string, unknown> = {}
for (const spec of Object.values(CALLS)) {
  api[spec.api] =
    'preload' in spec
      ? (files: File[]) => invokeWithDroppedFiles(spec.channel, files)
      : 'arg' in spec
        ? (request: unknown) => ipcRenderer.invoke(spec.channel, request)
        : () => ipcRenderer.invoke(spec.channel)
}
for (const e of Object.values(EVENTS)) api[e.api] = (listener: (payload: unknown) => void) => listen(e.channel, listener)

contextBridge.exposeInMainWorld('dateline', api as DatelineApi)
