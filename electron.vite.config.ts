// electron-vite with Dateline's layout (its defaults are src/main, src/preload, src/renderer):
//   src-main/shell/index.ts    -> out/main/index.js     (ESM: package.json has "type": "module")
//   src-main/core/workers/analyze-worker.ts -> out/main/analyze-worker.js (worker thread)
//   src-main/core/workers/read-worker.ts -> out/main/read-worker.js (the heavy formats' reader thread)
//   src-main/preload/index.ts  -> out/preload/index.cjs (CJS: sandboxed preloads cannot be ESM)
//   src-renderer/index.html    -> out/renderer/index.html
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { BUNDLED_DEPS } from './tools/packaging/bundled.mjs'

export default defineConfig({
  main: {
    build: {
      // dependencies (lunr, electron-store) stay external and load from node_modules at run time,
      // except the format readers' (tools/packaging/bundled.mjs says why)
      externalizeDeps: { exclude: BUNDLED_DEPS },
      // three entries: the app, and the analysis and reader threads it starts (core/workers/)
      lib: {
        entry: {
          index: resolve(import.meta.dirname, 'src-main/shell/index.ts'),
          'analyze-worker': resolve(import.meta.dirname, 'src-main/core/workers/analyze-worker.ts'),
          'read-worker': resolve(import.meta.dirname, 'src-main/core/workers/read-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      lib: { entry: resolve(import.meta.dirname, 'src-main/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
      // a sandboxed preload can only require('electron'): bundle everything else into it
      externalizeDeps: false
    }
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    build: {
      rolldownOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') }
    }
  }
})
