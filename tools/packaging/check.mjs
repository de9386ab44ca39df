#!/usr/bin/env node
// `npm run check:packaging` (CI): packages the built app with electron-builder as far as this
// machine allows — a Linux `dir` target over a stand-in Electron whose only content is the fuse
// wire — and checks what an installer would ship: the config loads, the fuses are set as the
// security checklist asks, and app.asar holds the entry points, the analysis worker and every
// module and data file the analysis loads at run time (a file that only resolves from the
// repository's node_modules would crash the packaged app). Run `npm run build` first.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BUNDLED_DEPS } from './bundled.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const require = createRequire(join(root, 'package.json'))
const { listPackage } = require('@electron/asar')
const { SENTINEL } = require('@electron/fuses/dist/constants.js')
const { FuseV1Options } = require('@electron/fuses')

/** The folders of these packages and of everything they depend on, as node would resolve them. */
function packageClosure(names) {
  const dirs = new Set()
  const visit = (name, from) => {
    const req = createRequire(join(from, 'package.json'))
    let entry
    try {
      entry = req.resolve(`${name}/package.json`)
    } catch {
      try {
        entry = req.resolve(name) // its exports hide package.json
      } catch {
        return // an optional dependency not installed
      }
    }
    const at = entry.lastIndexOf(`${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`)
    if (at < 0) return
    const dir = entry.slice(0, at + `${sep}node_modules${sep}${name}`.length)
    const pj = join(dir, 'package.json')
    if (dirs.has(dir)) return
    dirs.add(dir)
    const deps = JSON.parse(readFileSync(pj, 'utf-8')).dependencies ?? {}
    for (const d of Object.keys(deps)) visit(d, dir)
  }
  for (const n of names) visit(n, root)
  return dirs
}

const problems = []
const fail = (msg) => problems.push(msg)

// What the security checklist asks of the shipped binary (electron-builder.yml sets these).
const WANTED_FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false
}
// Electron's own defaults, so that a fuse the config forgets stays visibly wrong.
const DEFAULT_WIRE = '10110001'

for (const f of ['out/main/index.js', 'out/main/analyze-worker.js', 'out/main/read-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
  if (!existsSync(join(root, f))) {
    console.error(`check:packaging: ${f} is missing; run npm run build first`)
    process.exit(1)
  }
}

const work = mkdtempSync(join(tmpdir(), 'dateline-pack-'))
try {
  // a stand-in Electron distribution: electron-builder copies it and flips the fuses in place
  const dist = join(work, 'electron-dist')
  mkdirSync(dist)
  writeFileSync(join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE)]))
  chmodSync(join(dist, 'electron'), 0o755)
  writeFileSync(join(dist, 'version'), require('electron/package.json').version)

  const out = join(work, 'out')
  const cli = join(root, 'node_modules', 'electron-builder', 'cli.js')
  const res = spawnSync(process.execPath, [cli, '--linux', 'dir', '--publish', 'never', `-c.electronDist=${dist}`, `-c.directories.output=${out}`], { cwd: root, encoding: 'utf-8' })
  if (res.status !== 0) {
    console.error(res.stdout, res.stderr)
    console.error('check:packaging: electron-builder could not package the app (output above)')
    process.exit(1)
  }
  const appDir = join(out, 'linux-unpacked')

  // fuses
  const binary = readFileSync(join(appDir, 'dateline'))
  const at = binary.indexOf(SENTINEL) + SENTINEL.length
  for (const [name, want] of Object.entries(WANTED_FUSES)) {
    const state = String.fromCharCode(binary[at + 2 + FuseV1Options[name]])
    if (state !== (want ? '1' : '0')) fail(`fuse ${name} is ${state === '1' ? 'on' : 'off'}, should be ${want ? 'on' : 'off'}`)
  }

  // app.asar contents
  const asar = join(appDir, 'resources', 'app.asar')
  const inAsar = new Set(listPackage(asar, { isPack: false }).map((p) => p.split(sep).join('/').replace(/^\//, '')))
  const unpacked = join(appDir, 'resources', 'app.asar.unpacked')
  const shipped = (rel) => inAsar.has(rel) || existsSync(join(unpacked, rel))
  for (const f of ['package.json', 'out/main/index.js', 'out/main/analyze-worker.js', 'out/main/read-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!shipped(f)) fail(`app.asar lacks ${f}`)
  }
  // every package the main bundle imports by name
  const mainDir = join(root, 'out', 'main')
  const bundles = readdirSync(mainDir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(mainDir, f), 'utf-8')).join('\n')
  const named = new Set()
  const imports = /^\s*import\s[^;]*?from\s*["']([^"'\s]+)["']|^\s*import\s*["']([^"'\s]+)["']|\b(?:require|import)\(["']([^"'\s]+)["']\)/gm
  for (const m of bundles.matchAll(imports)) {
    const spec = m[1] ?? m[2] ?? m[3]
    if (spec.startsWith('.') || spec.startsWith('/')) continue
    if (spec.startsWith('node:') || spec === 'electron' || require('node:module').builtinModules.includes(spec.split('/')[0])) continue
    named.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])
  }
  for (const pkg of named) if (!shipped(`node_modules/${pkg}/package.json`)) fail(`app.asar lacks the package ${pkg}, which the main bundle imports`)
  // every module and data file the analysis and the format readers load (gazetteer, tagger model,
  // first names, date parser; pdf.js and its parser module, the office and mail readers)
  const rec = spawnSync(
    process.execPath,
    ['--import', 'tsx/esm', '--import', './tools/packaging/record-loads.mjs', '--input-type=module', '-e', "const m = await import('./src-main/core/analyze.ts'); m.warmUpAnalysis(); const f = await import('./test/fixtures/formats.ts'); const d = await import('./src-main/core/archive/document.ts'); for (const [p, b] of Object.entries(f.allFormatFiles())) { const r = await d.readDocuments({ path: p, size: b.length, mtimeMs: 0 }, b); if (!r.ok) throw new Error(p + ': ' + r.reason) }"],
    { cwd: root, encoding: 'utf-8' }
  )
  const loaded = JSON.parse(rec.stdout.trim().split('\n').at(-1) ?? '[]')
  const devOnly = /\/node_modules\/(tsx|esbuild|@esbuild|get-tsconfig|resolve-pkg-maps)\//
  // the bundle holds the bundled packages and their dependencies (those no external package shares)
  const inBundle = new Set([...packageClosure(BUNDLED_DEPS)].filter((d) => !packageClosure([...named]).has(d)))
  const needed = loaded.filter((p) => !devOnly.test(p) && ![...inBundle].some((d) => p.startsWith(d + sep))).map((p) => relative(root, p).split(sep).join('/'))
  if (rec.status !== 0 || needed.length < 10) fail(`could not record what the analysis loads: ${rec.stderr.slice(0, 400)}`)
  for (const f of needed) if (!shipped(f)) fail(`app.asar lacks ${f}, which the analysis loads at run time`)

  if (problems.length) {
    for (const p of problems) console.error(`check:packaging: ${p}`)
    process.exit(1)
  }
  console.log(`check:packaging: config packages; ${Object.keys(WANTED_FUSES).length} fuses as required; app.asar has the entry points, the worker, ${named.size} imported packages and ${needed.length} run-time files of the analysis and the format readers`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
