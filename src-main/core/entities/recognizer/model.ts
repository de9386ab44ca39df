/**
 * A trained recogniser: per feature, one weight per label, and greedy left-to-right decoding with
 * the previous two decisions as features. Stored as one binary file (resources/entities/
 * recognizer.bin): a JSON header, the feature strings, and int16-quantised weights with one scale.
 */
import { allowed, LABELS, O } from './labels'
import { NEIGHBOURS, neighbourFeatures, placeKind, RUN_NAMES, wordInfo, type FeatureContext, type WordInfo } from './features'

const MAGIC = 'DLNR'
const VERSION = 2
/** int16: a step of max/32767 keeps the small weights most features have */
const QMAX = 32767

export class Recognizer {
  /** per distinct word: the model rows of its own features (most of a token's) */
  private readonly ownRows = new Map<string, Int32Array>()
  /** per distinct word and neighbour position (-2, -1, +1, +2; '' for the sentence's edge): the rows it gives a token */
  private readonly neighbourRows = NEIGHBOURS.map(() => new Map<string, Int32Array>())

  constructor(
    /** feature → row */
    readonly index: ReadonlyMap<string, number>,
    /** rows × LABELS.length */
    readonly weights: Float32Array
  ) {}

  /** Labels of one sentence's words; `memory` carries what earlier sentences of the document decided. */
  tag(words: readonly string[], ctx: FeatureContext, memory: DocumentMemory = new DocumentMemory()): number[] {
    const out: number[] = []
    const s = new Float64Array(LABELS.length)
    const infos = words.map(wordInfo)
    const w = this.weights
    for (let i = 0; i < words.length; i++) {
      // a word without capitals or digits after no name starts none (particles aside): O, unscored
      // (eng.testa: the same labels as scoring every word, and 3 in 4 words skipped)
      if ((out[i - 1] ?? O) === O && !infos[i]!.nameLike) {
        out.push(O)
        continue
      }
      s.fill(0)
      this.addContextRows(s, infos, i, ctx)
      this.addHistoryRows(s, out, infos[i]!, i, memory.typeOf(words[i]!))
      addRows(s, w, this.rowsOf(infos[i]!))
      for (let k = 0; k < NEIGHBOURS.length; k++) addRows(s, w, this.neighbourRowsOf(infos[i + NEIGHBOURS[k]!], NEIGHBOURS[k]!, k))
      out.push(best(s, out[i - 1] ?? O))
    }
    memory.remember(words, out)
    return out
  }

  /**
   * The rows of contextFeatures(infos, i, ctx, false), without building its strings: the features
   * of a word pair and of a shape triple are looked up once per distinct pair (by the words'
   * cached WordInfo objects) and remembered; the rest are constant names. Tagging is most of the
   * analysis's entity time, and making those strings for every token was most of tagging's.
   */
  contextRows(infos: readonly WordInfo[], i: number, ctx: FeatureContext, into: number[] = []): number[] {
    const me = infos[i]!
    const prev = infos[i - 1]
    const next = infos[i + 1]
    add(into, this.index.get('b'))
    const before = this.pairRows(prev ?? EDGE_BEFORE, me)
    const after = this.pairRows(me, next ?? EDGE_AFTER)
    for (const r of before.second) into.push(r)
    for (const r of after.first) into.push(r)
    add(into, this.shapeRow(prev?.shape ?? '^', me.shape, next?.shape ?? '$'))
    if (i === 0) add(into, this.index.get('first'))
    if (me.cap && ctx.lowerSeen.has(me.lower)) add(into, this.index.get('lowerSeen'))
    if (ctx.shouting?.[i]) {
      add(into, this.index.get('shout'))
      add(into, this.index.get(me.shoutShape))
    }
    const cues = me.cap ? ctx.cues?.get(me.word) : undefined
    if (cues) for (const c of cues) add(into, this.index.get(c))
    if (prev?.fname) add(into, this.index.get('prevFname'))
    if (next?.orgHead) add(into, this.index.get('nextOrghead'))
    if (prev?.title) add(into, this.index.get('prevTitle'))
    if (prev?.placeCue) add(into, this.index.get('prevPlaceCue'))
    if (next?.digitStart) add(into, this.index.get('nextNum'))
    if (prev?.digitStart) add(into, this.index.get('prevNum'))
    if (me.cap) {
      let a = i
      let b = i
      while (a > 0 && infos[a - 1]!.cap) a--
      while (b < infos.length - 1 && infos[b + 1]!.cap) b++
      add(into, this.index.get(RUN_NAMES[Math.min(b - a + 1, 4)]![i === a ? 0 : i === b ? 1 : 2]!))
      if (infos[b]!.orgSuffix) add(into, this.index.get('runOrgEnd'))
      if (b > a && infos[a]!.fname) add(into, this.index.get('runFnameStart'))
    }
    return into
  }

  private readonly rowBuffer: number[] = []

  private addContextRows(s: Float64Array, infos: readonly WordInfo[], i: number, ctx: FeatureContext): void {
    const rows = this.rowBuffer
    rows.length = 0
    this.contextRows(infos, i, ctx, rows)
    addRows(s, this.weights, rows)
  }

  /** per first word, per second word: the pair's features for each of them */
  private pairs = new Map<WordInfo, Map<WordInfo, { first: Int32Array; second: Int32Array }>>()
  private pairCount = 0

  private pairRows(a: WordInfo, b: WordInfo): { first: Int32Array; second: Int32Array } {
    let inner = this.pairs.get(a)
    let found = inner?.get(b)
    if (found) return found
    if (this.pairCount >= 60_000) {
      this.pairs.clear()
      this.pairCount = 0
      inner = undefined
    }
    if (!inner) this.pairs.set(a, (inner = new Map()))
    const first = [`ww+1=${a.lower}|${b.lower}`]
    const second = [`w-1w=${a.lower}|${b.lower}`]
    if (a !== EDGE_BEFORE && b !== EDGE_AFTER && a.cap && b.cap) {
      // part of a two-word place ("New York", "Santa Fe")
      const k = placeKind(`${a.word} ${b.word}`)
      if (k) {
        first.push(`gaz2a=${k}`)
        second.push(`gaz2b=${k}`)
      }
    }
    found = { first: this.lookup(first), second: this.lookup(second) }
    inner.set(b, found)
    this.pairCount++
    return found
  }

  private shapes = new Map<string, Map<string, Map<string, number>>>()

  private shapeRow(p: string, m: string, n: string): number {
    let byMe = this.shapes.get(p)
    if (!byMe) this.shapes.set(p, (byMe = new Map()))
    let byNext = byMe.get(m)
    if (!byNext) byMe.set(m, (byNext = new Map()))
    let row = byNext.get(n)
    if (row === undefined) byNext.set(n, (row = this.rowOf(`ss=${p}|${m}|${n}`)))
    return row
  }

  /** The same features as addHistory() and DocumentMemory.addFeatures(), from row tables instead of strings. */
  private history: { t1: Int32Array; t21: Int32Array; mem: Int32Array; t1w: Map<string, Int32Array> } | undefined

  private historyTables() {
    const H = LABELS.length + 1
    return (this.history ??= {
      t1: Int32Array.from({ length: H }, (_, a) => this.rowOf(`t-1=${historyName(a)}`)),
      t21: Int32Array.from({ length: H * H }, (_, k) => this.rowOf(`t-2t-1=${historyName(Math.floor(k / H))}|${historyName(k % H)}`)),
      mem: Int32Array.from(TYPES, (t) => this.rowOf(`mem=${t}`)),
      t1w: new Map()
    })
  }

  private rowOf(f: string): number {
    return this.index.get(f) ?? -1
  }

  private addHistoryRows(s: Float64Array, labels: readonly number[], info: WordInfo, i: number, memType: number): void {
    const H = LABELS.length + 1 // the labels, and '^' (before the sentence)
    const h = this.historyTables()
    const p1 = i > 0 ? labels[i - 1]! : LABELS.length
    const p2 = i > 1 ? labels[i - 2]! : LABELS.length
    let t1w = h.t1w.get(info.word)
    if (!t1w) {
      t1w = new Int32Array(H)
      for (let a = 0; a < H; a++) t1w[a] = this.rowOf(`t-1w=${historyName(a)}|${info.lower}`)
      if (h.t1w.size >= 30_000) h.t1w.clear()
      h.t1w.set(info.word, t1w)
    }
    addRow(s, this.weights, h.t1[p1]!)
    addRow(s, this.weights, h.t21[p2 * H + p1]!)
    addRow(s, this.weights, t1w[p1]!)
    if (memType >= 0) addRow(s, this.weights, h.mem[memType]!)
  }

  private rowsOf(info: WordInfo): Int32Array {
    let rows = this.ownRows.get(info.word)
    if (!rows) rows = remember(this.ownRows, info.word, this.lookup(info.own))
    return rows
  }

  private neighbourRowsOf(info: WordInfo | undefined, offset: (typeof NEIGHBOURS)[number], k: number): Int32Array {
    const map = this.neighbourRows[k]!
    const key = info?.word ?? ''
    let rows = map.get(key)
    if (!rows) rows = remember(map, key, this.lookup(neighbourFeatures(info, offset)))
    return rows
  }

  private lookup(features: readonly string[]): Int32Array {
    const found: number[] = []
    for (const f of features) {
      const r = this.index.get(f)
      if (r !== undefined) found.push(r)
    }
    return Int32Array.from(found)
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

  /** The type most often given to this word so far in the document (index into TYPES), or -1. */
  typeOf(word: string): number {
    const c = this.seen.get(word)
    if (!c) return -1
    let bestT = 0
    for (let t = 1; t < c.length; t++) if (c[t]! > c[bestT]!) bestT = t
    return bestT
  }

  addFeatures(f: string[], word: string): void {
    const t = this.typeOf(word)
    if (t >= 0) f.push(`mem=${TYPES[t]}`)
  }

  remember(words: readonly string[], labels: readonly number[]): void {
    labels.forEach((l, i) => {
      const w = words[i]!
      const first = w.charCodeAt(0)
      if (!(first >= 65 && first <= 90) && (first < 128 || !/^\p{Lu}/u.test(w))) return
      let c = this.seen.get(w)
      if (!c) this.seen.set(w, (c = new Int32Array(TYPES.length)))
      c[TYPES.indexOf(l === O ? 'O' : LABELS[l]!.slice(2))]!++
    })
  }
}
const TYPES = ['O', 'PER', 'ORG', 'LOC', 'MISC']

function add(into: number[], row: number | undefined): void {
  if (row !== undefined && row >= 0) into.push(row)
}

/** Stand-ins for the words before and after a sentence, as contextFeatures writes them ('^', '$'). */
const EDGE_BEFORE = { lower: '^', shape: '^', word: '^', cap: false } as WordInfo
const EDGE_AFTER = { lower: '$', shape: '$', word: '$', cap: false } as WordInfo

function historyName(h: number): string {
  return h === LABELS.length ? '^' : LABELS[h]!
}

function addRow(s: Float64Array, w: Float32Array, row: number): void {
  if (row < 0) return
  const L = s.length
  const at = row * L
  for (let l = 0; l < L; l++) s[l]! += w[at + l]!
}

function addRows(s: Float64Array, w: Float32Array, rows: ArrayLike<number>): void {
  const L = s.length
  for (let j = 0; j < rows.length; j++) {
    const at = rows[j]! * L
    for (let l = 0; l < L; l++) s[l]! += w[at + l]!
  }
}

function remember(map: Map<string, Int32Array>, key: string, rows: Int32Array): Int32Array {
  if (map.size >= 30_000) map.clear()
  map.set(key, rows)
  return rows
}

/** The previous two decisions, alone and with the word: what makes the tags a sequence. */
export function addHistory(f: string[], labels: readonly number[], words: readonly string[], i: number): void {
  const p1 = i > 0 ? LABELS[labels[i - 1]!]! : '^'
  const p2 = i > 1 ? LABELS[labels[i - 2]!]! : '^'
  f.push(`t-1=${p1}`, `t-2t-1=${p2}|${p1}`, `t-1w=${p1}|${wordInfo(words[i]!).lower}`)
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
