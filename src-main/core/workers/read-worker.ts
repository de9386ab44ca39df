/**
 * Worker thread: reads files of the heavy formats (PDF, Word, web pages, mail, feeds) into
 * articles, so a damaged, huge or hostile file costs this thread, never the app's: the reader
 * thread (reader.ts) gives each file a time budget and this thread a memory limit, and replaces
 * the thread when either runs out.
 */
import { parentPort } from 'node:worker_threads'
import { readerFor } from '../formats/registry'

parentPort!.on('message', async (msg: { id: number; ext: string; bytes: Uint8Array }) => {
  try {
    const reader = readerFor(msg.ext)
    const result = reader ? await reader.read(msg.bytes) : { ok: false, reason: 'unsupported file type' }
    parentPort!.postMessage({ id: msg.id, result })
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, result: { ok: false, reason: `damaged or unreadable file (${err instanceof Error ? err.message.slice(0, 120) : 'parser error'})` } })
  }
})
parentPort!.postMessage({ ready: true })
