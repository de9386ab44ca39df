// src-main/shell/index.ts with a hand-written fake of the electron module: checks the
// security-relevant wiring without an Electron binary.
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

const h = vi.hoisted(() => ({
  windows: [] as Array<{ opts: any; url?: string }>,
  schemes: [] as any[],
  handled: new Map<string, Function>(),
  permissionHandler: undefined as undefined | Function,
  ready: { resolve: () => {} } as { resolve: () => void }
}))

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    setName: vi.fn(),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    getPath: () => '/tmp/dateline-test-userdata',
    getVersion: () => '0.0.0',
    whenReady: () => new Promise<void>((r) => (h.ready.resolve = r))
  })
  class BrowserWindow extends EventEmitter {
    webContents = new EventEmitter()
    static getFocusedWindow = () => null
    constructor(public opts: any) {
      super()
      h.windows.push(this as any)
    }
    loadURL(url: string) {
      ;(this as any).url = url
      return Promise.resolve()
    }
    show() {}
  }
  return {
    app,
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn() },
    ipcMain: { handle: (ch: string, fn: Function) => h.handled.set(ch, fn) },
    net: { fetch: vi.fn() },
    protocol: { registerSchemesAsPrivileged: (s: any[]) => h.schemes.push(...s), handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: (fn: Function) => (h.permissionHandler = fn) } },
    shell: { openExternal: vi.fn() },
    default: {}
  }
})
vi.mock('electron-store', () => ({ default: class { get() { return [] } set() {} } }))

const electron = await import('electron')
await import('../../src-main/shell/index')
h.ready.resolve()
await new Promise((r) => setTimeout(r, 0))

describe('main composition root', () => {
  it('registers app:// as a secure standard scheme before ready and enables the sandbox', () => {
    expect(h.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })])
    expect(electron.app.enableSandbox).toHaveBeenCalled()
  })

  it('creates one hardened window loading app://bundle', () => {
    expect(h.windows).toHaveLength(1)
    const { opts, url } = h.windows[0]!
    expect(opts.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false })
    expect(opts.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/)
    expect(url).toBe('app://bundle/index.html')
  })

  it('denies every permission request', () => {
    const cb = vi.fn()
    h.permissionHandler!({}, 'media', cb)
    expect(cb).toHaveBeenCalledWith(false)
  })

  it('blocks foreign navigation, webviews and new windows', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    electron.app.emit('web-contents-created', {}, contents)
    const nav = { preventDefault: vi.fn() }
    contents.emit('will-navigate', nav, 'https://evil.example/')
    expect(nav.preventDefault).toHaveBeenCalled()
    const ok = { preventDefault: vi.fn() }
    contents.emit('will-navigate', ok, 'app://bundle/index.html')
    expect(ok.preventDefault).not.toHaveBeenCalled()
    const wv = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', wv)
    expect(wv.preventDefault).toHaveBeenCalled()
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0]
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    // not even web links leave the app: article text is untrusted
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('registers every IPC channel of the contract', async () => {
    const { Channels } = await import('../../src-main/contract/api')
    expect([...h.handled.keys()].sort()).toEqual(Object.values(Channels).sort())
  })
})
