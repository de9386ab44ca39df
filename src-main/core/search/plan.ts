/**
 * Query tree → execution plan over index terms. This is where the user's words meet the
 * index's normalisation (terms.ts): hyphenated and glued words become alternatives, stop words
 * are dropped (and reported), phrases get a candidate query plus a verification key.
 */
import { foldWord } from '../text/fold'
import { words, type WordPart } from '../text/words'
import { QueryError, type MetaField, type QueryNode } from './query'
import { phraseKey, phraseScan, type PhraseScan } from './phrase'
import type { Field, TermLeaf } from './segment'
import { stem, termFor } from './terms'

export type Plan =
  | { k: 'leaf'; leaf: TermLeaf }
  | { k: 'and'; children: Plan[] }
  | { k: 'or'; children: Plan[] }
  | { k: 'not'; child: Plan }
  | { k: 'phrase'; key: string; prefilter: PhraseScan; field?: Field; candidates: Plan }
  /** matches everything: what a stop word contributes */
  | { k: 'all' }
  /** a filter on what the file states (source:, author:): its folded words in this order */
  | { k: 'meta'; key: MetaField; words: string[] }

const ALL: Plan = { k: 'all' }

export interface Lowered {
  plan: Plan
  /** common words the search ignored */
  ignored: string[]
}

export function lowerQuery(node: QueryNode): Lowered {
  const ignored: string[] = []
  const plan = simplify(lower(node, ignored))
  if (plan.k === 'all') {
    throw new QueryError(`Only very common words (${ignored.map((w) => `"${w}"`).join(', ')}) – add a more specific word.`)
  }
  return { plan, ignored: [...new Set(ignored)] }
}

function leaf(term: string, field: Field | undefined, extra: Partial<TermLeaf> = {}): Plan {
  return { k: 'leaf', leaf: { term, fields: field ? [field] : undefined, ...extra } }
}

function lower(node: QueryNode, ignored: string[]): Plan {
  switch (node.kind) {
    case 'and':
      return { k: 'and', children: node.children.map((c) => lower(c, ignored)) }
    case 'or':
      return { k: 'or', children: node.children.map((c) => lower(c, ignored)) }
    case 'not':
      return { k: 'not', child: lower(node.child, ignored) }
    case 'phrase':
      return lowerPhrase(node.text, node.field, ignored)
    case 'meta':
      return { k: 'meta', key: node.key, words: metaWords(node.text) }
    case 'term': {
      const ws = [...words(node.text)]
      if (node.prefix || node.fuzzy) {
        const folded = ws.flatMap((w) => w.parts.map((p) => p.text)).join('')
        if (node.prefix) {
          if (folded.length < 2) throw new QueryError(`Give at least 2 letters before "*" (in "${node.text}*").`)
          return leaf(folded, node.field, { prefix: true })
        }
        return leaf(stem(folded), node.field, { editDistance: node.fuzzy })
      }
      const perWord = ws.map((w) => lowerWord(w.parts, node.field, ignored))
      return perWord.length === 1 ? perWord[0]! : { k: 'and', children: perWord }
    }
  }
}

/** One written word: its parts, and for a hyphenated/glued word also the joined form. */
function lowerWord(parts: WordPart[], field: Field | undefined, ignored: string[]): Plan {
  const partPlans = parts.map((p) => {
    const t = termFor(p.text, p.allCaps)
    if (!t) ignored.push(p.text)
    return t ? leaf(t, field) : ALL
  })
  if (parts.length === 1) return partPlans[0]!
  const joined = termFor(parts.map((p) => p.text).join(''))
  const together: Plan = { k: 'and', children: partPlans }
  return joined ? { k: 'or', children: [leaf(joined, field), together] } : together
}

function lowerPhrase(text: string, field: Field | undefined, ignored: string[]): Plan {
  const parts = [...words(text)].flatMap((w) => w.parts)
  const key = phraseKey(text)
  // Candidates: every non-stop-word part must be in the document, alone or glued to a neighbour
  // ("al zour" written "alzour" in a scraped copy); the text check then decides.
  const clauses: Plan[] = []
  parts.forEach((p, i) => {
    const own = termFor(p.text)
    if (!own) return
    const options: Plan[] = [leaf(own, field)]
    const prev = parts[i - 1]
    const next = parts[i + 1]
    if (prev) options.push(leaf(stem(foldWord(prev.text + p.text)), field))
    if (next) options.push(leaf(stem(foldWord(p.text + next.text)), field))
    clauses.push({ k: 'or', children: options })
  })
  if (clauses.length === 0) {
    ignored.push(...parts.map((p) => p.text))
    throw new QueryError(`The phrase "${text}" has only very common words – add a more specific word to it.`)
  }
  return { k: 'phrase', key, prefilter: phraseScan(text), field, candidates: { k: 'and', children: clauses } }
}

/** Remove neutral 'all' nodes where they change nothing, and flatten single-child groups. */
/** A name's words as source: and author: compare them: folded, without punctuation. */
export function metaWords(name: string): string[] {
  return [...words(name)].flatMap((w) => w.parts.map((p) => foldWord(p.text))).filter(Boolean)
}

const seenNames = new Map<string, string[]>()

/** Whether a stated name holds the query's words in order ("harbour gazette" in "The Harbour Gazette"). */
export function metaMatches(value: string | undefined, wanted: readonly string[]): boolean {
  if (!value || !wanted.length) return false
  // an archive has few outlets and authors, each on many articles: their words are read once
  let have = seenNames.get(value)
  if (!have) {
    if (seenNames.size > 50_000) seenNames.clear()
    seenNames.set(value, (have = metaWords(value)))
  }
  for (let i = 0; i + wanted.length <= have.length; i++) if (wanted.every((w, k) => have[i + k] === w)) return true
  return false
}

function simplify(plan: Plan): Plan {
  switch (plan.k) {
    case 'and': {
      const children = plan.children.map(simplify).filter((c) => c.k !== 'all')
      if (children.length === 0) return ALL
      return children.length === 1 ? children[0]! : { k: 'and', children }
    }
    case 'or': {
      // "raqqa OR the": a stop word alternative is ignored rather than matching everything
      const children = plan.children.map(simplify).filter((c) => c.k !== 'all')
      if (children.length === 0) return ALL
      return children.length === 1 ? children[0]! : { k: 'or', children }
    }
    case 'not': {
      const child = simplify(plan.child)
      return child.k === 'all' ? ALL : { k: 'not', child }
    }
    case 'phrase':
      return { ...plan, candidates: simplify(plan.candidates) }
    default:
      return plan
  }
}
