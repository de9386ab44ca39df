// `npm start` up to the launch: the Electron binary is found, downloaded once by Electron's own
// installer when missing, or the user gets one clear line and a non-zero exit. The download and
// the launch are faked; the file system is real (a stand-in electron package in a temp folder).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { downloadReason, nodeIsSupported, start } from '../../tools/start/launch.mjs'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function electronPackage(opts: { installed: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-electron-'))
  dirs.push(dir)
  if (opts.installed) putBinary(dir)
  return dir
}
function putBinary(dir: string): void {
  mkdirSync(join(dir, 'dist'), { recursive: true })
  writeFileSync(join(dir, 'dist', 'electron'), '')
  writeFileSync(join(dir, 'path.txt'), 'electron')
}

function harness(electronDir: string, install: () => Promise<{ status: number; stderr: string }>, nodeVersion = 'v22.12.0') {
  const out: string[] = []
  const err: string[] = []
  const calls = { install: 0, launched: [] as string[] }
  const deps = {
    nodeVersion,
    electronDir,
    fs: { readFileSync, existsSync },
    env: {},
    log: (l: string) => out.push(l),
    error: (l: string) => err.push(l),
    install: async () => {
      calls.install++
      return install()
    },
    launch: async (binary: string) => {
      calls.launched.push(binary)
      return 0
    }
  }
  return { deps, out, err, calls }
}

describe('npm start', () => {
  it('launches the installed binary without downloading anything', async () => {
    const dir = electronPackage({ installed: true })
    const h = harness(dir, async () => ({ status: 0, stderr: '' }))
    expect(await start(h.deps)).toBe(0)
    expect(h.calls.install).toBe(0)
    expect(h.calls.launched).toEqual([join(dir, 'dist', 'electron')])
  })

  it('runs the installer when the binary is missing, then launches what it installed', async () => {
    const dir = electronPackage({ installed: false })
    const h = harness(dir, async () => {
      putBinary(dir)
      return { status: 0, stderr: '' }
    })
    expect(await start(h.deps)).toBe(0)
    expect(h.calls.install).toBe(1)
    expect(h.out.join('\n')).toMatch(/Downloading Electron's binary/)
    expect(h.calls.launched).toEqual([join(dir, 'dist', 'electron')])
  })

  it('also downloads again when path.txt names a binary that is gone', async () => {
    const dir = electronPackage({ installed: true })
    rmSync(join(dir, 'dist', 'electron'))
    const h = harness(dir, async () => {
      putBinary(dir)
      return { status: 0, stderr: '' }
    })
    expect(await start(h.deps)).toBe(0)
    expect(h.calls.install).toBe(1)
  })

  it('says in one line why it cannot start when the download fails, and exits non-zero', async () => {
    const dir = electronPackage({ installed: false })
    const stderr = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (x.js:46:30)\n'
    const h = harness(dir, async () => ({ status: 1, stderr }))
    expect(await start(h.deps)).toBe(1)
    expect(h.calls.launched).toEqual([])
    expect(h.err).toHaveLength(1)
    expect(h.err[0]).toMatch(/could not download Electron's binary \(TypeError: fetch failed\)/)
    expect(h.err[0]).toMatch(/run npm start again/)
    expect(h.err[0]).not.toMatch(/\n/)
  })

  it('does not launch when the installer exits 0 but leaves no binary', async () => {
    const dir = electronPackage({ installed: false })
    const h = harness(dir, async () => ({ status: 0, stderr: '' }))
    expect(await start(h.deps)).toBe(1)
    expect(h.calls.launched).toEqual([])
    expect(h.err[0]).toMatch(/left no binary/)
  })

  it('refuses a Node.js older than Electron and electron-store require, before any download', async () => {
    const dir = electronPackage({ installed: false })
    const h = harness(dir, async () => ({ status: 0, stderr: '' }), 'v20.20.2')
    expect(await start(h.deps)).toBe(1)
    expect(h.calls.install).toBe(0)
    expect(h.err[0]).toMatch(/needs Node\.js 22\.12 or newer.*this is Node\.js 20\.20\.2/)
  })

  it('reads versions and installer output as a user would', () => {
    expect(nodeIsSupported('v22.12.0')).toBe(true)
    expect(nodeIsSupported('22.11.9')).toBe(false)
    expect(nodeIsSupported('v24.1.0')).toBe(true)
    expect(nodeIsSupported('v20.19.0')).toBe(false)
    expect(downloadReason('')).toBe('no reason given')
    expect(downloadReason('RequestError: getaddrinfo ENOTFOUND example.invalid\n  at x')).toBe('RequestError: getaddrinfo ENOTFOUND example.invalid')
  })
})

describe('the start command and the Node.js requirement agree', () => {
  it('npm start runs the launcher, and engines asks for the Node.js the launcher checks', async () => {
    const { MIN_NODE } = await import('../../tools/start/launch.mjs')
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf-8'))
    expect(pkg.scripts.start).toBe('node tools/start/main.mjs')
    expect(pkg.engines.node).toBe(`>=${MIN_NODE.join('.')}`)
  })
})
