/**
 * Averaged perceptron training (Collins 2002) for the recogniser, deterministic: the sentence
 * order is shuffled with a fixed seed, and ties break by label order. Used by `npm run
 * train:entities`; the product only loads the result (model.ts).
 */
import { sentenceFeatures, type FeatureContext } from './features'
import { LABELS, O } from './labels'
import { addHistory, best, DocumentMemory, Recognizer } from './model'

export interface TrainingSentence {
  words: string[]
  labels: number[]
  ctx: FeatureContext
}

export interface TrainOptions {
  epochs: number
  seed: number
  /** features seen fewer times than this in the data are left out (smaller model, less noise) */
  minCount: number
  onEpoch?: (epoch: number, errors: number, tokens: number) => void
}

/** Documents of sentences, in order: the recogniser remembers within a document what it decided. */
export function train(docs: readonly (readonly TrainingSentence[])[], opts: TrainOptions): Recognizer {
  const sentences = docs.flat()
  const docStart: number[] = []
  {
    let at = 0
    for (const d of docs) {
      docStart.push(at)
      at += d.length
    }
  }
  const L = LABELS.length
  // static features once per token; feature counts to prune the rare ones
  const statics = sentences.map((s) => sentenceFeatures(s.words, s.ctx))
  const counts = new Map<string, number>()
  for (const sent of statics) for (const tok of sent) for (const f of tok) counts.set(f, (counts.get(f) ?? 0) + 1)
  const index = new Map<string, number>()
  const rowOf = (f: string): number | undefined => {
    let r = index.get(f)
    if (r === undefined) {
      if ((counts.get(f) ?? opts.minCount) < opts.minCount) return undefined
      r = index.size
      index.set(f, r)
    }
    return r
  }
  let cap = 1 << 16
  let w = new Float64Array(cap * L)
  let total = new Float64Array(cap * L)
  let stamp = new Float64Array(cap * L)
  const grow = (rows: number) => {
    if (rows <= cap) return
    while (cap < rows) cap *= 2
    const g = (a: Float64Array) => {
      const b = new Float64Array(cap * L)
      b.set(a)
      return b
    }
    w = g(w)
    total = g(total)
    stamp = g(stamp)
  }
  let t = 1
  const update = (row: number, label: number, delta: number) => {
    const k = row * L + label
    total[k]! += (t - stamp[k]!) * w[k]!
    stamp[k] = t
    w[k]! += delta
  }
  const order = docs.map((_, i) => i)
  let rnd = opts.seed >>> 0
  const random = () => ((rnd = (Math.imul(rnd, 1664525) + 1013904223) >>> 0) / 2 ** 32)
  const scores = new Float64Array(L)
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    let errors = 0
    let tokens = 0
    for (const di of order) {
      const memory = new DocumentMemory()
      for (let k = 0; k < docs[di]!.length; k++) {
      const si = docStart[di]! + k
      const s = sentences[si]!
      const guessed: number[] = []
      for (let i = 0; i < s.words.length; i++) {
        const f = [...statics[si]![i]!]
        addHistory(f, guessed, s.words, i)
        memory.addFeatures(f, s.words[i]!)
        const rows: number[] = []
        for (const x of f) {
          const r = rowOf(x)
          if (r !== undefined) rows.push(r)
        }
        grow(index.size)
        scores.fill(0)
        for (const r of rows) for (let l = 0; l < L; l++) scores[l]! += w[r * L + l]!
        const guess = best(scores, guessed[i - 1] ?? O)
        const gold = s.labels[i]!
        if (guess !== gold) {
          errors++
          for (const r of rows) {
            update(r, gold, 1)
            update(r, guess, -1)
          }
        }
        // the history the next token sees is the model's own decision, as when tagging
        guessed.push(guess)
        tokens++
        t++
      }
      memory.remember(s.words, guessed)
      }
    }
    opts.onEpoch?.(epoch, errors, tokens)
  }
  // average
  const rows = index.size
  const avg = new Float32Array(rows * L)
  for (let k = 0; k < rows * L; k++) avg[k] = (total[k]! + (t - stamp[k]!) * w[k]!) / t
  // drop features whose weights all rounded away
  return prune(new Recognizer(index, avg))
}

function prune(r: Recognizer): Recognizer {
  const L = LABELS.length
  let max = 0
  for (const v of r.weights) max = Math.max(max, Math.abs(v))
  const floor = max / 32767 / 2
  const keep: Array<[string, number]> = []
  for (const [f, row] of r.index) {
    let any = false
    for (let l = 0; l < L; l++) if (Math.abs(r.weights[row * L + l]!) >= floor) any = true
    if (any) keep.push([f, row])
  }
  keep.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const weights = new Float32Array(keep.length * L)
  keep.forEach(([, row], i) => weights.set(r.weights.subarray(row * L, row * L + L), i * L))
  return new Recognizer(new Map(keep.map(([f], i) => [f, i])), weights)
}
