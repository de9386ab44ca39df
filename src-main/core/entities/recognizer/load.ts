/**
 * The shipped recogniser model (resources/entities/recognizer.bin, made by npm run
 * train:entities), loaded once per process on first use. Found by walking up from this module:
 * the same file serves the sources (tsx), the built app (out/main) and the packaged app (asar).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Recognizer } from './model'

let model: Recognizer | undefined

export function modelPath(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources', 'entities', 'recognizer.bin')
    if (existsSync(candidate)) return candidate
    if (path.dirname(dir) === dir) throw new Error('The entity recogniser (resources/entities/recognizer.bin) is missing; run npm run train:entities.')
  }
}

export function recognizer(): Recognizer {
  return (model ??= Recognizer.decode(readFileSync(modelPath())))
}
