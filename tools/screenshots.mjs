#!/usr/bin/env node
// `npm run screenshots`: refresh the README's screenshots in docs/screenshots/ — the browser tests,
// run with their screenshot folder pointed there (a plain `npm test` writes to .screenshots/).
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const vitest = join(dirname(createRequire(join(root, 'package.json')).resolve('vitest/package.json')), 'vitest.mjs')
const res = spawnSync(process.execPath, [vitest, 'run', '--config', 'test/vitest.config.ts', '--project', 'e2e'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DATELINE_SCREENSHOTS: join(root, 'docs', 'screenshots') }
})
process.exit(res.status ?? 1)
