// The recogniser's machinery on a tiny training set written here: labels, training, tagging, the file.
import { describe, expect, it } from 'vitest'
import { allowed, LABELS, spansOf } from '../../../../../src-main/core/entities/recognizer/labels'
import { DocumentMemory, Recognizer } from '../../../../../src-main/core/entities/recognizer/model'
import { train, type TrainingSentence } from '../../../../../src-main/core/entities/recognizer/train'
import { contextFeatures, wordInfo } from '../../../../../src-main/core/entities/recognizer/features'
import { recognizer } from '../../../../../src-main/core/entities/recognizer/load'

const L = (name: string) => LABELS.indexOf(name as (typeof LABELS)[number])
const ctx = { lowerSeen: new Set<string>() }
const sentence = (text: string): TrainingSentence => {
  const pairs = text.split(' ').map((t) => t.split('/'))
  return { words: pairs.map((p) => p[0]!), labels: pairs.map((p) => L(p[1] ?? 'O')), ctx }
}
const DATA = [
  'Talia/B-PER Brenner/I-PER said/O the/O talks/O in/O Valmora/B-LOC would/O resume/O ./O',
  'The/O Harbour/B-ORG Authority/I-ORG closed/O the/O port/O of/O Kestrel/B-LOC ./O',
  'Officials/O in/O Kestrel/B-LOC said/O Brenner/B-PER had/O left/O ./O',
  'Ana/B-PER Costa/I-PER of/O the/O Coastal/B-ORG Group/I-ORG spoke/O in/O Valmora/B-LOC ./O',
  'Costa/B-PER said/O the/O Harbour/B-ORG Authority/I-ORG agreed/O ./O'
].map(sentence)

describe('recogniser', () => {
  it('reads label sequences as typed spans, and never starts a name with I-', () => {
    expect(spansOf([L('B-PER'), L('I-PER'), L('O'), L('B-LOC'), L('B-LOC')])).toEqual([
      { from: 0, to: 2, type: 'PER' },
      { from: 3, to: 4, type: 'LOC' },
      { from: 4, to: 5, type: 'LOC' }
    ])
    expect(allowed(L('O'), L('I-PER'))).toBe(false)
    expect(allowed(L('B-ORG'), L('I-ORG'))).toBe(true)
    expect(allowed(L('B-ORG'), L('I-PER'))).toBe(false)
  })

  it('learns what it is shown, deterministically, and tags new sentences with it', () => {
    const a = train([DATA], { epochs: 8, seed: 7, minCount: 1 })
    const b = train([DATA], { epochs: 8, seed: 7, minCount: 1 })
    expect(Buffer.compare(a.encode(), b.encode())).toBe(0)
    const words = 'Brenner said the Harbour Authority met in Valmora'.split(' ')
    const spans = spansOf(a.tag(words, ctx, new DocumentMemory())).map((s) => [words.slice(s.from, s.to).join(' '), s.type])
    expect(spans).toEqual([['Brenner', 'PER'], ['Harbour Authority', 'ORG'], ['Valmora', 'LOC']])
  })

  it('stores and reloads a model that tags the same', () => {
    const model = train([DATA], { epochs: 4, seed: 1, minCount: 1 })
    const back = Recognizer.decode(model.encode())
    const words = 'Ana Costa said in Kestrel'.split(' ')
    expect(back.tag(words, ctx)).toEqual(model.tag(words, ctx))
    expect(() => Recognizer.decode(Buffer.from('nope'))).toThrow(/not a Dateline recogniser/)
  })

  it('tags from cached rows exactly what the feature strings it was trained on say', () => {
    const model = recognizer()
    const text = [
      'NEW HAVEN , Conn. 1996-08-30 Shares in Valdren Holdings Ltd fell 4 percent after Mireille Okonjo-Baptiste , its chief executive , resigned .',
      'President Tomas Varga of the Danube Policy Institute said in Santa Fe that talks with the U.N. would resume on Monday .',
      'the talks between New York and St. Louis broke down , officials in Port Selwyn said'
    ]
    const lowerSeen = new Set(text.join(' ').split(' ').filter((w) => /^[a-z]/.test(w)))
    for (const [k, line] of text.entries()) {
      const infos = line.split(' ').map(wordInfo)
      const ctx = { lowerSeen, shouting: infos.map(() => k === 0) }
      for (let i = 0; i < infos.length; i++) {
        const fromStrings = contextFeatures(infos, i, ctx, false).flatMap((f) => model.index.get(f) ?? []).sort((a, b) => a - b)
        expect(model.contextRows(infos, i, ctx).sort((a, b) => a - b), `${infos[i]!.word} in sentence ${k}`).toEqual(fromStrings)
      }
    }
  })
})
