#!/usr/bin/env node
// Entry of `npm start` (see launch.mjs): real file system, Electron's own installer, and
// `electron-vite preview` (build, then open the window) with the binary it found.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { start } from './launch.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const require = createRequire(join(root, 'package.json'))
const electronDir = dirname(require.resolve('electron/package.json'))

function run(args, opts) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, ...opts })
    let stderr = ''
    child.stderr?.on('data', (d) => (stderr += d))
    child.on('error', (e) => resolve({ status: 1, stderr: String(e) }))
    child.on('close', (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), stderr }))
  })
}

const code = await start({
  nodeVersion: process.version,
  electronDir,
  fs: { readFileSync, existsSync },
  env: process.env,
  log: (l) => console.log(l),
  error: (l) => console.error(l),
  // Electron's own installer (`npx install-electron`): checksummed download into its package
  install: () => run([join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'] }),
  launch: async (binary) => {
    const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
    const res = await run([cli, 'preview', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, ELECTRON_EXEC_PATH: binary }
    })
    return res.status
  }
})
process.exit(code)
