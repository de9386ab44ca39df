/**
 * A trained recogniser: per feature, one weight per label, and greedy left-to-right decoding with
 * the previous two decisions as features. Stored as one binary file (resources/entities/
 * recognizer.bin): a JSON header, the feature strings, and int16-quantised weights with one scale.
 */
import { allowed, LABELS, O } from './labels'
import { tokenFeatures, type FeatureContext } from './features'

const MAGIC = 'DLNR'
const VERSION = 2
/** int16: a step of max/32767 keeps the small weights most features have */
const QMAX = 32767

export class Recognizer {
  constructor(
    /** feature → row */
    readonly index: ReadonlyMap<string, number>,
    /** rows × LABELS.length */
    readonly weights: Float32Array
  ) {}

  /** Scores of every label for these features. */
  scores(features: readonly string[], out: Float64Array): Float64Array {
    out.fill(0)
    const L = LABELS.length
    const w = this.weights
    for (const f of features) {
      const row = this.index.get(f)
      if (row === undefined) continue
      const at = row * L
      for (let l = 0; l < L; l++) out[l]! += w[at + l]!
    }
    return out
  }

  /** Labels of one sentence's words; `memory` carries what earlier sentences of the document decided. */
  tag(words: readonly string[], ctx: FeatureContext, memory: DocumentMemory = new DocumentMemory()): number[] {
    const out: number[] = []
    const s = new Float64Array(LABELS.length)
    for (let i = 0; i < words.length; i++) {
      const f = tokenFeatures(words, i, ctx)
      addHistory(f, out, words, i)
      memory.addFeatures(f, words[i]!)
      this.scores(f, s)
      out.push(best(s, out[i - 1] ?? O))
    }
    memory.remember(words, out)
    return out
  }

  encode(): Buffer {
    const names = [...this.index.keys()]
    let max = 0
    for (const v of this.weights) max = Math.max(max, Math.abs(v))
    const scale = max / QMAX || 1
    const q = new Int16Array(this.weights.length)
    for (let k = 0; k < q.length; k++) q[k] = Math.round(this.weights[k]! / scale)
    const strings = Buffer.from(names.join('\n'), 'utf8')
    const header = Buffer.from(JSON.stringify({ version: VERSION, labels: LABELS, features: names.length, scale, strings: strings.length }), 'utf8')
    const len = Buffer.alloc(8)
    len.writeUInt32LE(header.length, 0)
    return Buffer.concat([Buffer.from(MAGIC), len, header, strings, Buffer.from(q.buffer)])
  }

  static decode(buf: Buffer): Recognizer {
    if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a Dateline recogniser model')
    const hlen = buf.readUInt32LE(4)
    const header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as { version: number; labels: string[]; features: number; scale: number; strings: number }
    if (header.version !== VERSION || header.labels.join() !== LABELS.join()) throw new Error('recogniser model of another version')
    const at = 12 + hlen
    const names = buf.toString('utf8', at, at + header.strings).split('\n')
    const from = buf.byteOffset + at + header.strings
    const q = new Int16Array(buf.buffer.slice(from, from + header.features * LABELS.length * 2))
    const weights = new Float32Array(q.length)
    for (let k = 0; k < q.length; k++) weights[k] = q[k]! * header.scale
    return new Recognizer(new Map(names.map((n, i) => [n, i])), weights)
  }
}

/**
 * What the document said of a word before: a name is usually typed the same way throughout an
 * article ("Rheinmetall" is an organisation in its tenth sentence as in its first), and its first
 * mention is usually the clearest. Counts per type of the labels given to each capitalised word.
 */
export class DocumentMemory {
  private readonly seen = new Map<string, Int32Array>()

  addFeatures(f: string[], word: string): void {
    const c = this.seen.get(word)
    if (!c) return
    let bestT = 0
    for (let t = 1; t < c.length; t++) if (c[t]! > c[bestT]!) bestT = t
    f.push(`mem=${TYPES[bestT]}`)
  }

  remember(words: readonly string[], labels: readonly number[]): void {
    labels.forEach((l, i) => {
      const w = words[i]!
      if (!/^\p{Lu}/u.test(w)) return
      let c = this.seen.get(w)
      if (!c) this.seen.set(w, (c = new Int32Array(TYPES.length)))
      c[TYPES.indexOf(l === O ? 'O' : LABELS[l]!.slice(2))]!++
    })
  }
}
const TYPES = ['O', 'PER', 'ORG', 'LOC', 'MISC']

/** The previous two decisions, alone and with the word: what makes the tags a sequence. */
export function addHistory(f: string[], labels: readonly number[], words: readonly string[], i: number): void {
  const p1 = i > 0 ? LABELS[labels[i - 1]!]! : '^'
  const p2 = i > 1 ? LABELS[labels[i - 2]!]! : '^'
  f.push(`t-1=${p1}`, `t-2t-1=${p2}|${p1}`, `t-1w=${p1}|${words[i]!.toLowerCase()}`)
}

/** The best label that may follow `prev`. */
export function best(scores: Float64Array, prev: number): number {
  let bestL = O
  let bestS = -Infinity
  for (let l = 0; l < scores.length; l++) {
    if (!allowed(prev, l)) continue
    if (scores[l]! > bestS) {
      bestS = scores[l]!
      bestL = l
    }
  }
  return bestL
}
