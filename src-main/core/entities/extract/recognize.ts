/**
 * The trained recogniser (recognizer/) as a finder and classifier: it labels each sentence's
 * tokens, remembering within the document how it typed a word. Its people, organisations and
 * places become typed chunks; names of other kinds (nationalities, events: MISC) become 'other'
 * chunks so no later rule makes an entity of them. A dateline found before it stands.
 */
import { documentCues } from '../recognizer/features'
import { DocumentMemory } from '../recognizer/model'
import { spansOf } from '../recognizer/labels'
import { recognizer } from '../recognizer/load'
import { fold, type Chunk, type ExtractionDoc, type Kind } from './document'
import { HYPHEN_RE } from './finders'
import { gazetteerKey } from './places'

const KINDS: Record<string, Kind> = { PER: 'person', ORG: 'organization', LOC: 'place' }

export function findByRecognizer(d: ExtractionDoc): void {
  const model = recognizer()
  const { tokens, taken, chunks, shout, text } = d
  // the recogniser's own notion (trained so): the word lower-cased, not the folded form
  const lowerSeen = new Set<string>()
  for (const t of tokens) {
    const c = t.value.charCodeAt(0)
    if ((c >= 97 && c <= 122) || (c > 127 && /^\p{Ll}/u.test(t.value))) lowerSeen.add(t.value.toLowerCase())
  }
  const memory = new DocumentMemory()
  const sentences: Array<ReturnType<typeof modelWords>> = []
  for (let a = 0; a < tokens.length; ) {
    let b = a + 1
    while (b < tokens.length && !tokens[b]!.sentenceStart) b++
    sentences.push(modelWords(d, a, b))
    a = b
  }
  const cues = documentCues(sentences.map((s) => s.words))
  for (const { words, spans } of sentences) {
    const shouting = spans.map(([x]) => shout[x] === 1)
    const labels = model.tag(words, { lowerSeen, shouting, cues }, memory)
    for (const s of spansOf(labels)) {
      const from = spans[s.from]![0]
      const to = spans[s.to - 1]![1]
      if (taken.subarray(from, to).some((x) => x)) continue
      taken.fill(1, from, to)
      const kind = KINDS[s.type] ?? 'other'
      // a stripped copy glues "…said Sipho Ndlovu" to "Ndlovu said…": the repeated word is a mention of its own
      const dup = d.prep.repaired && to - from >= 3 && fold(tokens[to - 1]) === fold(tokens[to - 2]) ? to - 1 : -1
      for (const [x, y] of dup > 0 ? [[from, dup], [dup, to]] : [[from, to]]) {
        const chunk: Chunk = { from: x!, to: y!, kind, links: [], personCue: false, recognized: true }
        if (kind === 'place') {
          const key = gazetteerKey(text.slice(tokens[x!]!.start, tokens[y! - 1]!.end))
          if (key) chunk.key = key
        }
        chunks.push(chunk)
      }
    }
  }
  chunks.sort((x, y) => x.from - y.from)
}

/**
 * The sentence's words as the recogniser was trained on them (CoNLL's tokens): a hyphenated word
 * is one ("al-Haddad", "Nagorno-Karabakh"), where the tokenizer made three. `spans`: each word's
 * tokens [from, to).
 */
function modelWords(d: ExtractionDoc, a: number, b: number): { words: string[]; spans: Array<[number, number]> } {
  const { tokens, text } = d
  const words: string[] = []
  const spans: Array<[number, number]> = []
  for (let k = a; k < b; ) {
    let end = k + 1
    while (end + 1 < b && HYPHEN_RE.test(tokens[end]!.value) && tokens[end]!.start === tokens[end - 1]!.end && tokens[end + 1]!.start === tokens[end]!.end) end += 2
    words.push(end === k + 1 ? tokens[k]!.value : text.slice(tokens[k]!.start, tokens[end - 1]!.end))
    spans.push([k, end])
    k = end
  }
  return { words, spans }
}
