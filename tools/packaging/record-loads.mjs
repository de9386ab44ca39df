// Preloaded by check.mjs into a Node process that runs the analysis once: prints, at exit, every
// file under node_modules that the process loaded as a module or read as data. Those are the files
// the packaged app needs at run time.
import fs from 'node:fs'
import { registerHooks } from 'node:module'
import { fileURLToPath } from 'node:url'

const seen = new Set()
const note = (p) => {
  if (typeof p === 'string' && p.includes(`${'/'}node_modules/`)) seen.add(p)
}
registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:')) note(fileURLToPath(url))
    return next(url, context)
  }
})
for (const name of ['readFileSync', 'openSync']) {
  const original = fs[name]
  fs[name] = function (p, ...rest) {
    note(p instanceof URL ? fileURLToPath(p) : p)
    return original.call(this, p, ...rest)
  }
}
process.on('exit', () => process.stdout.write(`${JSON.stringify([...seen])}\n`))
