import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveBundlePath } from '../../src-main/shell/protocol'

const root = path.resolve('/opt/dateline/out/renderer')

describe('app:// protocol', () => {
  it('maps / to index.html and refuses other hosts and schemes', () => {
    expect(resolveBundlePath('app://bundle/', root)).toBe(path.join(root, 'index.html'))
    expect(resolveBundlePath('app://evil/index.html', root)).toBeNull()
    expect(resolveBundlePath('file:///etc/passwd', root)).toBeNull()
  })

  it.each(['app://bundle/../../etc/passwd', 'app://bundle/%2e%2e/%2e%2e/etc/passwd', 'app://bundle/..%2f..%2fetc/passwd', 'app://bundle/%E0%A4%A'])(
    'never serves a file outside the bundle: %s',
    (u) => {
      const r = resolveBundlePath(u, root)
      expect(r === null || r.startsWith(root + path.sep)).toBe(true)
    }
  )
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n)
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : []
  })
}

describe('layering', () => {
  const runtimeElectron = /^import\s+(?!type\b)[^;\n]*from\s+['"]electron['"]/m
  it.each(filesUnder('src-main/core').concat(filesUnder('src-main/cli'), filesUnder('src-main/contract')))('%s runs without Electron', (f) => {
    expect(readFileSync(f, 'utf8')).not.toMatch(runtimeElectron)
  })

  // bundled into the preload: at run time only zod and its own files; the core's view types as types
  it.each(filesUnder('src-main/contract'))('%s imports only zod and its own files at run time (it is bundled into the preload)', (f) => {
    for (const m of readFileSync(f, 'utf8').matchAll(/^import\s+(type\s+)?[^;\n]*from\s+['"]([^'"]+)['"]/gm)) {
      if (m[1]) continue
      expect(m[2], `${f} imports ${m[2]} at run time`).toMatch(/^zod$|^\.\/[\w-]+$/)
    }
  })

  it.each(filesUnder('src-renderer'))('%s reaches main only through types', (f) => {
    const src = readFileSync(f, 'utf8')
    for (const m of src.matchAll(/^import\s+(type\s+)?[^;\n]*from\s+['"]([^'"]+)['"]/gm)) {
      if (m[2]!.includes('src-main')) expect(m[1], `${f} imports ${m[2]} at run time`).toBeTruthy()
      expect(m[2]).not.toMatch(/^node:|^electron$/)
    }
  })
})
