/**
 * Electronegativity, run offline: its CLI fetches translations from GitHub at every start, and
 * its AVAILABLE_SECURITY_FIXES check Electron's release list. The HTTP client both use (`got`) is
 * replaced by one that refuses at once, before the tool loads it; nothing else of the tool changes.
 * Usage: node offline.cjs <the tool's own arguments>
 */
const Module = require('node:module')
const path = require('node:path')

const tool = path.join(__dirname, 'node_modules/@doyensec/electronegativity/dist/index.js')
const gotFile = require.resolve('got', { paths: [path.dirname(tool)] })
const refuse = () => Promise.reject(Object.assign(new Error('offline: npm run security makes no network request'), { code: 'ENETUNREACH' }))
const got = Object.assign(refuse, { head: refuse, get: refuse, extend: () => got })
const stub = new Module(gotFile)
stub.filename = gotFile
stub.loaded = true
stub.exports = got
require.cache[gotFile] = stub

process.argv = [process.argv[0], tool, ...process.argv.slice(2)]
require(tool)
