// Runs the TypeScript worker from source (CLI via tsx, tests): the built app loads analyze-worker.js directly.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
