/**
 * Scoring of entity extraction against the hand-annotated fixtures: per type, a predicted
 * entity of a document is correct when its name or one of the spellings it was merged from
 * equals a gold name of that type (case, accents and a leading "the" ignored).
 */
import { extractEntities } from '../../src-main/core/entities/extract'
import { plainKey } from '../../src-main/core/entities/keys'
import { lookupKnown } from '../../src-main/core/entities/knowledge'
import { ENTITY_TYPES, type EntityType } from '../../src-main/core/entities/types'
import type { GoldArticle } from '../fixtures/entities-gold'

export interface Score {
  tp: number
  fp: number
  fn: number
  p: number
  r: number
  f1: number
  errors: string[]
}

/** Names that refer to the same thing: the key plus its curated canonical name. */
function forms(name: string): Set<string> {
  const out = new Set([plainKey(name)])
  const k = lookupKnown(name)
  if (k) out.add(plainKey(k.name))
  return out
}

export function scoreArticles(articles: readonly GoldArticle[], stages?: Parameters<typeof extractEntities>[2]): Record<EntityType | 'all', Score> {
  const acc = Object.fromEntries([...ENTITY_TYPES, 'all'].map((t) => [t, { tp: 0, fp: 0, fn: 0, p: 0, r: 0, f1: 0, errors: [] as string[] }])) as Record<EntityType | 'all', Score>
  for (const a of articles) {
    const predicted = extractEntities(a.text, undefined, stages)
    for (const type of ENTITY_TYPES) {
      const gold = a[type].map((g) => ({ g, keys: forms(g), hit: false }))
      for (const e of predicted.filter((x) => x.type === type)) {
        const names = [e.name, ...(e.forms ?? [])].flatMap((n) => [...forms(n)])
        const match = gold.find((g) => !g.hit && names.some((n) => g.keys.has(n)))
        if (match) {
          match.hit = true
          acc[type].tp++
        } else {
          acc[type].fp++
          acc[type].errors.push(`${a.name}: extra ${type} "${e.name}"`)
        }
      }
      for (const g of gold) if (!g.hit) {
        acc[type].fn++
        acc[type].errors.push(`${a.name}: missed ${type} "${g.g}"`)
      }
    }
  }
  for (const t of ENTITY_TYPES) {
    acc.all.tp += acc[t].tp
    acc.all.fp += acc[t].fp
    acc.all.fn += acc[t].fn
    acc.all.errors.push(...acc[t].errors)
  }
  for (const s of Object.values(acc)) {
    s.p = s.tp / (s.tp + s.fp || 1)
    s.r = s.tp / (s.tp + s.fn || 1)
    s.f1 = (2 * s.p * s.r) / (s.p + s.r || 1)
  }
  return acc
}
