/**
 * `npm run eval:entities`: the committed recogniser (resources/entities/recognizer.bin) scored on
 * CoNLL-2003 eng.testa from ../shared/data, clean and punctuation-stripped, exact span per type,
 * with the most frequent errors. Skips with a line when the data is not here.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DocumentMemory, Recognizer } from '../../src-main/core/entities/recognizer/model'
import { conllFile, readConll, stripped, withContext } from './conll'
import { scoreProduct } from './product'
import { report, score } from './score'

const root = fileURLToPath(new URL('../..', import.meta.url))
const dev = conllFile('eng.testa')
if (!dev) {
  console.log('eval:entities: ../shared/data/ner/conll2003/eng.testa is not here; skipped')
  process.exit(0)
}
const model = Recognizer.decode(readFileSync(path.join(root, 'resources', 'entities', 'recognizer.bin')))
const docs = readConll(dev)
const clean = score(model, docs.map(withContext))
// timed warm (the gazetteer and the word caches loaded, the best of three passes), as in a worker that has indexed a while
const prepared = docs.map(withContext)
let ms = Infinity
for (let pass = 0; pass < 3; pass++) {
  const t0 = performance.now()
  for (const doc of prepared) {
    const memory = new DocumentMemory()
    for (const s of doc) model.tag(s.words, s.ctx, memory)
  }
  ms = Math.min(ms, performance.now() - t0)
}
const tokens = docs.flat().reduce((n, s) => n + s.words.length, 0)
console.log(report(clean.byType, 'eng.testa').join('\n'))
console.log(report(score(model, docs.map((d) => withContext(stripped(d)))).byType, 'eng.testa, punctuation stripped').join('\n'))
console.log(`speed: ${((ms * 1000) / tokens).toFixed(2)} µs per token warm (${((ms * 1000) / tokens * 0.7).toFixed(2)} ms per 700-token article), ${model.index.size} features`)
console.log('most frequent errors (clean):')
printErrors(clean.errors)

// what the product extracts (core/entities/extract.ts: the recogniser with the rules around it, what the index stores)
const product = scoreProduct(docs)
console.log(report(product.byType, "the product's extraction (core/entities/extract.ts) on eng.testa").slice(0, 4).join('\n'))
console.log(report(product.byType, '').slice(5, 6).join('\n'))
const strippedProduct = scoreProduct(docs.map(stripped))
console.log(report(strippedProduct.byType, "the product's extraction, punctuation stripped").slice(0, 4).join('\n'))
console.log(report(strippedProduct.byType, '').slice(5, 6).join('\n'))
console.log(`the product's extraction: ${product.msPerDoc.toFixed(2)} ms per article (eng.testa articles: ${Math.round(docs.flat().reduce((n, s) => n + s.words.length, 0) / docs.length)} tokens on average; the first includes loading)`)
console.log("most frequent errors of the product's extraction (clean):")
printErrors(product.errors)

function printErrors(errors: ReadonlyArray<{ kind: string; text: string }>): void {
  const kinds = new Map<string, string[]>()
  for (const e of errors) kinds.set(e.kind, [...(kinds.get(e.kind) ?? []), e.text])
  for (const [kind, texts] of [...kinds].sort((a, b) => b[1].length - a[1].length).slice(0, 20)) {
    const common = [...texts.reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]).slice(0, 6)
    console.log(`  ${String(texts.length).padStart(4)}  ${kind.padEnd(14)} ${common.map(([t, n]) => (n > 1 ? `${t} ×${n}` : t)).join(', ')}`)
  }
}
