// `npm start`: make sure Electron's binary is there, then build and open the app.
// Electron >= 42 no longer downloads its binary when it is installed, and electron-vite only
// reads the path that download writes ('Electron uninstall' otherwise), so the download is
// part of the first start. Every effect is a parameter so the path can be tested without one.
import { join } from 'node:path'

export const MIN_NODE = [22, 12]

/** '22.12.0' → true when at least MIN_NODE (what electron and electron-store require). */
export function nodeIsSupported(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number)
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])
}

/** Where the electron package's binary is, or null when it was never downloaded. */
export function electronBinary(electronDir, fsx, env = {}) {
  let relative = null
  try {
    relative = fsx.readFileSync(join(electronDir, 'path.txt'), 'utf-8').trim()
  } catch {
    relative = null
  }
  if (!relative) return null
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist')
  const binary = join(dist, relative)
  return fsx.existsSync(binary) ? binary : null
}

/** The first line of the installer's error output that says what went wrong, kept short. */
export function downloadReason(stderr) {
  const lines = String(stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '))
  const line = lines.find((l) => /error|fail|enotfound|econn|etimedout|certificate|denied/i.test(l)) ?? lines[0]
  if (!line) return 'no reason given'
  return line.length > 160 ? `${line.slice(0, 157)}…` : line
}

/**
 * deps: { nodeVersion, electronDir, fs: {readFileSync, existsSync}, env, log(line), error(line),
 *         install(): Promise<{status, stderr}>, launch(binary): Promise<number> }
 * Resolves to the exit code.
 */
export async function start(deps) {
  if (!nodeIsSupported(deps.nodeVersion)) {
    deps.error(
      `dateline: npm start needs Node.js ${MIN_NODE.join('.')} or newer (Electron and electron-store require it); this is Node.js ${deps.nodeVersion.replace(/^v/, '')}.`
    )
    return 1
  }
  let binary = electronBinary(deps.electronDir, deps.fs, deps.env)
  if (!binary) {
    deps.log("Downloading Electron's binary (first start only, about 100 MB)…")
    const res = await deps.install()
    binary = res.status === 0 ? electronBinary(deps.electronDir, deps.fs, deps.env) : null
    if (!binary) {
      const reason = res.status === 0 ? 'the download finished but left no binary' : downloadReason(res.stderr)
      deps.error(
        `dateline: could not download Electron's binary (${reason}); npm start needs it once — connect this machine to the internet and run npm start again (the dateline CLI, the build and the tests work without it).`
      )
      return 1
    }
  }
  return deps.launch(binary)
}
