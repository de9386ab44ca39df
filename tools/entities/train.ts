/**
 * `npm run train:entities`: trains the entity recogniser on CoNLL-2003 eng.train (and its
 * punctuation-stripped copy) from ../shared/data, deterministically, and writes
 * resources/entities/recognizer.bin. Prints the development scores (eng.testa) at the end.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { train } from '../../src-main/core/entities/recognizer/train'
import { conllFile, readConll, stripped, withContext } from './conll'
import { report, score } from './score'

const root = fileURLToPath(new URL('../..', import.meta.url))
const OUT = path.join(root, 'resources', 'entities', 'recognizer.bin')

const trainFile = conllFile('eng.train')
if (!trainFile) {
  console.log('train:entities: ../shared/data/ner/conll2003/eng.train is not here; nothing to train (the committed model stays)')
  process.exit(0)
}
const epochs = Number(process.env['EPOCHS'] ?? 15)
const docs = readConll(trainFile)
// every second article also as a scraper's copy: punctuation gone
const trainingDocs = docs.flatMap((d, i) => [withContext(d), ...(i % 2 === 0 ? [withContext(stripped(d))] : [])])
console.log(`train:entities: ${docs.length} articles (${trainingDocs.length} with stripped copies), ${epochs} epochs`)
const t0 = performance.now()
const model = train(trainingDocs, {
  epochs,
  seed: 20261207,
  minCount: 1,
  onEpoch: (e, errors, tokens) => console.log(`  epoch ${e}: ${errors} errors of ${tokens} tokens (${((performance.now() - t0) / 1000).toFixed(0)} s)`)
})
const bytes = model.encode()
writeFileSync(OUT, bytes)
console.log(`train:entities: ${model.index.size} features, ${(bytes.length / 1e6).toFixed(1)} MB → ${path.relative(root, OUT)}`)

const dev = conllFile('eng.testa')
if (dev) {
  const devDocs = readConll(dev)
  console.log(report(score(model, devDocs.map(withContext)).byType, 'eng.testa').join('\n'))
  console.log(report(score(model, devDocs.map((d) => withContext(stripped(d)))).byType, 'eng.testa, punctuation stripped').join('\n'))
}
