// The e2e tests drive the BUILT renderer and preload, so build them first (about a second).
import { execFileSync } from 'node:child_process'
import path from 'node:path'

export default function setup(): void {
  const cli = path.resolve('node_modules/electron-vite/bin/electron-vite.js')
  execFileSync(process.execPath, [cli, 'build'], { stdio: 'pipe' })
}
