/**
 * The CoNLL-2003 files in ../shared/data (never copied into the repository): documents of
 * sentences of (word, label), IOB1 converted to BIO, with each document's context for the
 * recogniser's features. Also the "stripped" copy scrapers make: punctuation tokens removed.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { documentCues } from '../../src-main/core/entities/recognizer/features'
import { LABELS } from '../../src-main/core/entities/recognizer/labels'
import type { TrainingSentence } from '../../src-main/core/entities/recognizer/train'

const root = fileURLToPath(new URL('../..', import.meta.url))

export function sharedData(): string {
  return process.env['DATELINE_SHARED'] ? path.resolve(process.env['DATELINE_SHARED'], 'data') : path.resolve(root, '..', 'shared', 'data')
}

export function conllFile(name: 'eng.train' | 'eng.testa'): string | undefined {
  const f = path.join(sharedData(), 'ner', 'conll2003', name)
  return existsSync(f) ? f : undefined
}

export interface ConllSentence {
  words: string[]
  labels: number[]
}

/** Documents (articles) of sentences. */
export function readConll(file: string): ConllSentence[][] {
  const docs: ConllSentence[][] = []
  let doc: ConllSentence[] = []
  let sent: ConllSentence = { words: [], labels: [] }
  let prevType = ''
  const endSentence = () => {
    if (sent.words.length) doc.push(sent)
    sent = { words: [], labels: [] }
    prevType = ''
  }
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence()
      if (doc.length) docs.push(doc)
      doc = []
      continue
    }
    if (!line.trim()) {
      endSentence()
      continue
    }
    const parts = line.split(' ')
    const word = parts[0]!
    const tag = parts[parts.length - 1]!
    let label = 'O'
    if (tag !== 'O') {
      const [io, type] = tag.split('-') as [string, string]
      label = io === 'B' || prevType !== type ? `B-${type}` : `I-${type}`
      prevType = type
    } else prevType = ''
    sent.words.push(word)
    sent.labels.push(LABELS.indexOf(label as (typeof LABELS)[number]))
  }
  endSentence()
  if (doc.length) docs.push(doc)
  return docs
}

const PUNCT = /^[^\p{L}\p{N}]+$/u

/** The copy a scraper makes: punctuation gone (the labels of the words kept). */
export function stripped(doc: ConllSentence[]): ConllSentence[] {
  return doc
    .map((s) => {
      const keep = s.words.map((w) => !PUNCT.test(w))
      const words = s.words.filter((_, i) => keep[i])
      const labels: number[] = []
      s.labels.forEach((l, i) => {
        if (!keep[i]) return
        // an entity whose first word was dropped starts at its next word
        const name = LABELS[l]!
        labels.push(name.startsWith('I-') && (labels.length === 0 || !LABELS[labels[labels.length - 1]!]!.endsWith(name.slice(2))) ? LABELS.indexOf(`B-${name.slice(2)}` as (typeof LABELS)[number]) : l)
      })
      return { words, labels }
    })
    .filter((s) => s.words.length)
}

/** Sentences with their document's context: words seen in lower case, lines in capitals. */
export function withContext(doc: ConllSentence[]): TrainingSentence[] {
  const lowerSeen = new Set<string>()
  for (const s of doc) for (const w of s.words) if (/^\p{Ll}/u.test(w)) lowerSeen.add(w.toLowerCase())
  const cues = documentCues(doc.map((s) => s.words))
  return doc.map((s) => {
    const letters = s.words.join('').replace(/[^\p{L}]/gu, '')
    const upper = letters.replace(/[^\p{Lu}]/gu, '').length
    const loud = letters.length >= 12 && upper / letters.length > 0.8
    return { words: s.words, labels: s.labels, ctx: { lowerSeen, shouting: s.words.map(() => loud), cues } }
  })
}
