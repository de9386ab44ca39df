/**
 * In-document coreference: a surname after the full name, a possessive a scraper glued on, a
 * shortened organisation name, "the Observatory", and acronyms defined in brackets or matching a
 * name's initials. A resolved chunk points to the chunk it names (`ref`).
 */
import { ORG_HEADS } from '../lexicon'
import { tokenForm } from '../tagger'
import { entityKey } from '../keys'
import type { EntityType } from '../types'
import { fold, neverAlone, surface, type Chunk, type ExtractionDoc } from './document'

const SHORT_STOP = new Set(['of', 'for', 'and', 'the', 'on', 'in'])

export function resolveCoreference(d: ExtractionDoc): void {
  peopleBySurnames(d)
  possessives(d)
  const orgs = organisations(d)
  acronyms(d, orgs)
}

/** Multi-word names whose surname speaks elsewhere ("Hamid said") are people; a lone surname is the full name's. */
function peopleBySurnames(d: ExtractionDoc): void {
  const { chunks, tokens, lowerSeen } = d
  for (const c of chunks) {
    if (c.kind !== 'multi') continue
    const last = fold(tokens[c.to - 1])
    const evidence = chunks.some((o) => o !== c && (o.kind === 'person' || o.personCue) && o.to - o.from === 1 && fold(tokens[o.from]) === last)
    if (evidence) c.kind = 'person'
  }
  // by words as written: a hyphenated surname is one ("Okonjo-Baptiste"), though three tokens
  const words = (c: Chunk) => surface(d, c).split(/\s+/).map(tokenForm)
  const surnameOf = new Map<string, Chunk>()
  for (const p of chunks) {
    if (p.kind !== 'person' || p.ref) continue
    const w = words(p)
    if (w.length < 2) continue
    if (!surnameOf.has(w[w.length - 1]!)) surnameOf.set(w[w.length - 1]!, p)
  }
  for (const c of chunks) {
    const w = c.kind === 'single' || c.kind === 'person' ? words(c) : []
    if (w.length === 1) {
      const f = w[0]!
      const p = surnameOf.get(f)
      if (p && p !== c) {
        c.kind = 'person'
        c.ref = p
      } else if (c.kind === 'single' && c.personCue && /^\p{Lu}/u.test(tokens[c.from]!.value) && tokens[c.from]!.pos === 'PROPN' && !neverAlone(f) && !lowerSeen.has(f)) {
        // "Quinlan said…" with no full name here: a person; the archive may know the full name
        c.kind = 'person'
      }
    }
  }
}

/** A stripped copy drops the possessive's apostrophe: "Port Selwyns cranes" is "Port Selwyn". */
function possessives(d: ExtractionDoc): void {
  const { chunks } = d
  for (const c of chunks) {
    if (c.ref || c.known || c.to - c.from < 2 || (c.kind !== 'place' && c.kind !== 'organization' && c.kind !== 'person')) continue
    const name = surface(d, c)
    if (!/\p{Ll}s$/u.test(name)) continue
    const base = name.slice(0, -1).toLowerCase()
    const target = chunks.find((o) => o !== c && !o.ref && o.kind === c.kind && surface(d, o).toLowerCase() === base)
    if (target) {
      c.ref = target
      c.possessive = true
    }
  }
}

/** A shortened name ("Syrian Observatory") after the full one, and "the Observatory"; returns the organisations. */
function organisations(d: ExtractionDoc): Chunk[] {
  const { chunks, tokens } = d
  const longOrgs = chunks
    .filter((o) => o.kind === 'organization' && o.to - o.from > 2)
    .map((o) => ({ chunk: o, words: tokens.slice(o.from, o.to).map(fold).join(' ') }))
  for (const c of chunks) {
    if (c.ref || c.to - c.from < 2 || (c.kind !== 'organization' && c.kind !== 'multi')) continue
    const words = tokens.slice(c.from, c.to).map(fold).join(' ') + ' '
    const full = longOrgs.find((o) => o.chunk !== c && o.words.startsWith(words))?.chunk
    if (full) {
      c.kind = 'organization'
      c.ref = full
    }
  }
  const orgs = chunks.filter((c) => c.kind === 'organization' && c.to - c.from > 1)
  for (const c of chunks) {
    if (c.kind !== 'single' || fold(tokens[c.from - 1]) !== 'the') continue
    const head = fold(tokens[c.from])
    if (!ORG_HEADS.has(head)) continue
    const target = orgs.find((o) => tokens.slice(o.from, o.to).some((t) => fold(t) === head))
    if (target) {
      c.kind = 'organization'
      c.ref = target
    }
  }
  return orgs
}

/** "(ISIL)" right after a name defines it; otherwise the initials of a name in the document. */
function acronyms(d: ExtractionDoc, orgs: Chunk[]): void {
  const { chunks, tokens } = d
  for (const c of chunks) {
    if (c.kind !== 'acronym') continue
    const acr = tokens[c.from]!.value.replace(/\./g, '').replace(/s$/, '')
    const defined = definedBy(d, c)
    // two letters match too many names ("EC" is not "Engelhard Corp"): initials count from three
    const target = defined ?? (acr.length >= 3 ? [...orgs, ...chunks.filter((o) => o.known && o.kind === 'organization')].find((o) => initials(d, o) === acr) : undefined)
    c.kind = 'organization'
    if (target && target.kind !== 'acronym') {
      c.ref = target
      target.links.push(entityKey(target.kind as EntityType, acr))
    }
  }
}

function definedBy(d: ExtractionDoc, c: Chunk): Chunk | undefined {
  if (fold(d.tokens[c.from - 1]) !== '(' || fold(d.tokens[c.to]) !== ')') return undefined
  const before = d.chunks.find((o) => o.to === c.from - 1 && o !== c)
  return before && (before.kind === 'organization' || before.kind === 'place' || before.kind === 'multi') ? before : undefined
}

function initials(d: ExtractionDoc, o: Chunk): string {
  const name = o.known ? o.known.name : surface(d, o)
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !SHORT_STOP.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('')
}
