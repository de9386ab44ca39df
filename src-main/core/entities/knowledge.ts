/**
 * The curated knowledge table (resources/entities/knowledge.json): well-known organisations and
 * places with their aliases, matched as token sequences. Short all-caps aliases (IS, UN, AP)
 * only match in capitals, so the verb "is" never becomes the Islamic State.
 */
import table from '../../../resources/entities/knowledge.json'
import { tokenize, type Token } from './tagger'
import { isEntityType, type EntityType } from './types'

export interface KnownEntity {
  id: string
  type: EntityType
  name: string
  aliases: string[]
}

interface TrieNode {
  next: Map<string, TrieNode>
  entry?: KnownEntity
  /** per position: whether the alias word starts with a capital (the text must too), or is an all-caps short acronym */
  caseRule?: Array<'any' | 'cap' | 'exact'>
  exact?: string[]
}

export const KNOWN: KnownEntity[] = (table.entities as Array<{ id: string; type: string; name: string; aliases: string[] }>).map((e) => {
  if (!isEntityType(e.type)) throw new Error(`knowledge.json: bad type for ${e.id}`)
  return { id: e.id, type: e.type, name: e.name, aliases: e.aliases }
})

const SKIP_RE = /^[-‐‑–]$/ // hyphens inside names are skipped when matching ("al-Qaeda" = "al Qaeda")

let root: TrieNode | undefined

function buildTrie(): TrieNode {
  const r: TrieNode = { next: new Map() }
  for (const e of KNOWN) {
    for (const alias of [e.name, ...e.aliases]) {
      const toks = tokenize(alias).filter((t) => !SKIP_RE.test(t.value))
      let node = r
      const rules: Array<'any' | 'cap' | 'exact'> = []
      const exact: string[] = []
      for (const t of toks) {
        const f = t.form
        if (!f) continue
        let n = node.next.get(f)
        if (!n) node.next.set(f, (n = { next: new Map() }))
        node = n
        const bare = t.value.replace(/\./g, '')
        rules.push(/^\p{Lu}+$/u.test(bare) && bare.length <= 3 ? 'exact' : /^\p{Lu}/u.test(t.value) ? 'cap' : 'any')
        exact.push(bare)
      }
      if (!node.entry) {
        node.entry = e
        node.caseRule = rules
        node.exact = exact
      }
    }
  }
  return r
}

export interface KnownMatch {
  entity: KnownEntity
  /** token index range [from, to) */
  from: number
  to: number
}

/** Longest curated alias starting at token i, if any. */
export function matchKnown(tokens: readonly Token[], i: number): KnownMatch | undefined {
  root ??= buildTrie()
  let node: TrieNode | undefined = root
  let best: KnownMatch | undefined
  // cheap rejection first: most tokens start no alias
  const first = root.next.get(tokens[i]!.form)
  if (!first) return undefined
  const used: number[] = []
  for (let j = i; j < tokens.length && node; j++) {
    const t = tokens[j]!
    if (SKIP_RE.test(t.value) && j > i) continue
    node = j === i ? first : node.next.get(t.form)
    if (!node) break
    used.push(j)
    if (node.entry && fitsCase(node, used.map((k) => tokens[k]!))) best = { entity: node.entry, from: i, to: j + 1 }
  }
  return best
}

function fitsCase(node: TrieNode, toks: Token[]): boolean {
  const rules = node.caseRule ?? []
  return toks.every((t, k) => {
    const rule = rules[k] ?? 'any'
    if (rule === 'exact') return t.value.replace(/\./g, '') === node.exact![k]
    if (rule === 'cap') return /^\p{Lu}/u.test(t.value)
    return true
  })
}

/** Look a whole name up (e.g. "Islamic State" for a stripped "Islamic States"). */
const lookupCache = new Map<string, KnownEntity | null>()
export function lookupKnown(name: string): KnownEntity | undefined {
  let hit = lookupCache.get(name)
  if (hit === undefined) {
    const toks = tokenize(name)
    const m = matchKnown(toks, 0)
    hit = m && m.to === toks.length ? m.entity : null
    if (lookupCache.size > 50_000) lookupCache.clear()
    lookupCache.set(name, hit)
  }
  return hit ?? undefined
}
