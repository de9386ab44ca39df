/**
 * The search syntax people know, parsed into a tree. Pure: no index access.
 *
 *   khatib raqqa          both words (AND is the default)
 *   isis OR isil raqqa    (isis or isil) and raqqa: OR binds tighter, as in web search
 *   -telegraph, NOT x     exclude
 *   "exact phrase"        words in this order
 *   title:raqqa           in the title only (fields: title, body)
 *   source:reuters        articles whose file names this outlet (also author:, url:); a filter, not scored
 *   tag:x, is:starred, note:"check with"   the user's marks (is: starred, tagged, noted)
 *   raq*                  prefix
 *   khatep~1              fuzzy, 1 or 2 edits
 *   (a OR b) c            grouping
 *
 * Syntax errors are QueryErrors whose message says what to type instead.
 */
import { DatelineError } from '../errors'
import { FIELDS, type Field } from './segment'

/** What a file states about an article, searchable as a filter (formats/types.ts ArticleMeta). */
export const META_FIELDS = ['source', 'author', 'url', 'tag', 'is', 'note'] as const
export type MetaField = (typeof META_FIELDS)[number]

export type QueryNode =
  | { kind: 'term'; text: string; field?: Field; prefix?: boolean; fuzzy?: number }
  | { kind: 'meta'; key: MetaField; text: string }
  | { kind: 'phrase'; text: string; field?: Field }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }

export class QueryError extends DatelineError {
  constructor(message: string) {
    super('query', message)
    this.name = 'QueryError'
  }
}

export const MAX_QUERY_LENGTH = 1000

type Token =
  | { t: 'word'; text: string; field?: Field; prefix?: boolean; fuzzy?: number; neg: boolean }
  | { t: 'phrase'; text: string; field?: Field; neg: boolean }
  | { t: 'meta'; key: MetaField; text: string; neg: boolean }
  | { t: 'lparen'; neg: boolean }
  | { t: 'rparen' }
  | { t: 'or' }
  | { t: 'and' }
  | { t: 'not' }

const STOP_CHARS = new Set([' ', '\t', '\n', '\r', '(', ')', '"', '“', '”'])
const QUOTES = new Set(['"', '“', '”'])

function lex(input: string): Token[] {
  const out: Token[] = []
  let i = 0
  const n = input.length
  while (i < n) {
    const c = input[i]!
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++
      continue
    }
    if (c === ')') {
      out.push({ t: 'rparen' })
      i++
      continue
    }
    let neg = false
    if ((c === '-' || c === '+') && i + 1 < n && !/\s/.test(input[i + 1]!)) {
      neg = c === '-'
      i++
    }
    const d = input[i]!
    if (d === '(') {
      out.push({ t: 'lparen', neg })
      i++
      continue
    }
    if (QUOTES.has(d)) {
      const { text, end } = readPhrase(input, i)
      out.push({ t: 'phrase', text, neg })
      i = end
      continue
    }
    let j = i
    while (j < n && !STOP_CHARS.has(input[j]!)) {
      // a field prefix may be followed directly by a phrase: title:"..."
      if (input[j] === ':' && j + 1 < n && QUOTES.has(input[j + 1]!)) {
        j++
        break
      }
      j++
    }
    const chunk = input.slice(i, j)
    i = j
    if (!neg && (chunk === 'OR' || chunk === '||')) out.push({ t: 'or' })
    else if (!neg && (chunk === 'AND' || chunk === '&&')) out.push({ t: 'and' })
    else if (!neg && chunk === 'NOT') out.push({ t: 'not' })
    else {
      const fieldMatch = /^([\p{L}_]+):(.*)$/su.exec(chunk)
      let field: Field | undefined
      let rest = chunk
      if (fieldMatch) {
        const name = fieldMatch[1]!.toLowerCase()
        if ((META_FIELDS as readonly string[]).includes(name)) {
          const key = name as MetaField
          rest = fieldMatch[2]!
          if (!rest && i < n && QUOTES.has(input[i]!)) {
            const { text, end } = readPhrase(input, i)
            out.push({ t: 'meta', key, text, neg })
            i = end
            continue
          }
          if (!/[\p{L}\p{N}]/u.test(rest)) throw new QueryError(`"${fieldMatch[1]}:" needs a name after it, for example ${name}:reuters or ${name}:"harbour gazette".`)
          if (key === 'is' && !/^(?:starred|tagged|noted)$/i.test(rest)) throw new QueryError(`"is:${rest}" is not a mark: use is:starred, is:tagged or is:noted.`)
          out.push({ t: 'meta', key, text: rest, neg })
          continue
        }
        if (!(FIELDS as readonly string[]).includes(name)) {
          throw new QueryError(`Unknown field "${fieldMatch[1]}:". You can search in: ${[...FIELDS, ...META_FIELDS].map((f) => f + ':').join(', ')}.`)
        }
        field = name as Field
        rest = fieldMatch[2]!
        if (!rest) {
          if (i < n && QUOTES.has(input[i]!)) {
            const { text, end } = readPhrase(input, i)
            out.push({ t: 'phrase', text, field, neg })
            i = end
            continue
          }
          throw new QueryError(`"${fieldMatch[1]}:" needs a word after it, for example ${name}:raqqa or ${name}:"islamic state".`)
        }
      }
      out.push(parseWord(rest, field, neg))
    }
  }
  return out
}

function readPhrase(input: string, start: number): { text: string; end: number } {
  let j = start + 1
  while (j < input.length && !QUOTES.has(input[j]!)) j++
  if (j >= input.length) throw new QueryError('A quotation mark is not closed: add a closing " after the phrase.')
  const text = input.slice(start + 1, j).trim()
  if (!/[\p{L}\p{N}]/u.test(text)) throw new QueryError('The quotation marks are empty: put the exact words to find between them, for example "internal divisions".')
  return { text, end: j + 1 }
}

/** Longer words get no fuzzy search: no news word that long is usefully misspelled, and the cost grows with it. */
export const MAX_FUZZY_LETTERS = 24

function parseWord(chunk: string, field: Field | undefined, neg: boolean): Token {
  let text = chunk
  let fuzzy: number | undefined
  let prefix = false
  const fz = /~(\d*)$/.exec(text)
  if (fz) {
    text = text.slice(0, fz.index)
    fuzzy = fz[1] ? Number(fz[1]) : 1
    if (!/[\p{L}\p{N}]/u.test(text)) throw new QueryError('"~" must follow a word: for example khatib~1 finds spellings one letter away.')
    if (fuzzy < 1 || fuzzy > 2) throw new QueryError(`Fuzzy search allows 1 or 2 edits (word~1 or word~2), not ~${fz[1]}.`)
    // the edit automaton against the vocabulary grows with the word: a 160-letter word~2 took 8 s and 1.25 GB
    const letters = [...text].length
    if (letters > MAX_FUZZY_LETTERS) throw new QueryError(`Fuzzy search works on words of up to ${MAX_FUZZY_LETTERS} letters ("${text.slice(0, 20)}…" has ${letters}): remove the "~" or search a shorter word.`)
  }
  if (text.includes('~')) throw new QueryError(`"~" goes at the end of a word, as in khatib~1 (in "${chunk}").`)
  if (text.endsWith('*')) {
    text = text.slice(0, -1)
    prefix = true
    if (fuzzy) throw new QueryError(`A word can be a prefix (word*) or fuzzy (word~1), not both ("${chunk}").`)
  }
  if (text.includes('*')) throw new QueryError(`"*" is only supported at the end of a word, as in raqq* (in "${chunk}").`)
  if (!/[\p{L}\p{N}]/u.test(text)) {
    if (prefix) throw new QueryError('"*" must follow the start of a word: for example raqq* finds Raqqa.')
    throw new QueryError(`"${chunk}" has no letters or digits to search for.`)
  }
  return { t: 'word', text, field, prefix: prefix || undefined, fuzzy, neg }
}

export function parseQuery(input: string): QueryNode {
  if (input.length > MAX_QUERY_LENGTH) throw new QueryError(`The query is too long (${input.length} characters; the limit is ${MAX_QUERY_LENGTH}).`)
  const tokens = lex(input)
  if (tokens.length === 0) throw new QueryError('Type a word to search for.')
  let pos = 0

  const peek = () => tokens[pos]

  // As in web search, OR binds tighter than the implicit AND: "isis OR isil raqqa" means
  // (isis OR isil) AND raqqa. Brackets group anything else.
  function parseAnd(): QueryNode {
    const children: QueryNode[] = []
    for (;;) {
      const tok = peek()
      if (!tok || tok.t === 'rparen') break
      if (tok.t === 'and') {
        pos++
        continue
      }
      if (tok.t === 'or') throw new QueryError('"OR" needs a word on both sides, for example isis OR isil.')
      children.push(parseOrChain())
    }
    if (children.length === 0) throw new QueryError('Something is missing here: a group or operator has no words.')
    return children.length === 1 ? children[0]! : { kind: 'and', children }
  }

  function parseOrChain(): QueryNode {
    const children = [parseUnary()]
    while (peek()?.t === 'or') {
      pos++
      const next = peek()
      if (!next || next.t === 'rparen' || next.t === 'or' || next.t === 'and') throw new QueryError('"OR" needs a word on both sides, for example isis OR isil.')
      children.push(parseUnary())
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children }
  }

  function parseUnary(): QueryNode {
    const tok = tokens[pos]!
    if (tok.t === 'not') {
      pos++
      const next = peek()
      if (!next || next.t === 'rparen' || next.t === 'or' || next.t === 'and') throw new QueryError('"NOT" needs a word after it, for example NOT telegraph.')
      return { kind: 'not', child: parseUnary() }
    }
    pos++
    let node: QueryNode
    switch (tok.t) {
      case 'word':
        node = { kind: 'term', text: tok.text, field: tok.field, prefix: tok.prefix, fuzzy: tok.fuzzy }
        break
      case 'phrase':
        node = { kind: 'phrase', text: tok.text, field: tok.field }
        break
      case 'meta':
        node = { kind: 'meta', key: tok.key, text: tok.text }
        break
      case 'lparen': {
        node = parseAnd()
        if (peek()?.t !== 'rparen') throw new QueryError('A bracket is not closed: add ")".')
        pos++
        break
      }
      default:
        throw new QueryError('Unexpected ")": there is no "(" to close.')
    }
    return 'neg' in tok && tok.neg ? { kind: 'not', child: node } : node
  }

  const tree = parseAnd()
  if (pos < tokens.length) throw new QueryError('Unexpected ")": there is no "(" to close.')
  return tree
}
