// Vitest projects: "core" (plain Node: core, CLI, shell wiring) and "e2e" (the built renderer and
// preload in Debian's Chromium, talking to the real core through the contract).
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  root,
  test: {
    // let vi.mock('electron') reach electron-store's own `import electron from 'electron'`
    server: { deps: { inline: ['electron-store'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/shell/**/*.test.ts', 'test/tools/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/crash/**/*.test.ts'],
          testTimeout: 30_000
        }
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/build.global.ts'],
          testTimeout: 30_000,
          hookTimeout: 90_000
        }
      }
    ]
  }
})
