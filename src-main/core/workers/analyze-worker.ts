/**
 * Worker thread: analyses documents (entities, story fingerprint, dates, events) sent by the
 * pool, one message per document, so indexing uses every core and the main thread stays free.
 */
import { parentPort } from 'node:worker_threads'
import { analyzeDocument } from '../analyze'
import type { Document } from '../archive/document'

parentPort!.on('message', (msg: { id: number; doc: Document }) => {
  try {
    const { text: _text, ...rest } = analyzeDocument(msg.doc) // the text is already on the main side
    parentPort!.postMessage({ id: msg.id, result: rest })
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: (err as Error)?.stack ?? String(err) })
  }
})
parentPort!.postMessage({ ready: true })
