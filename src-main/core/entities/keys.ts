/**
 * Merge keys: two names with the same key are the same entity across the archive.
 * People and organisations compare by their folded words; places by a transliteration skeleton,
 * because Arabic, Persian and Slavic place names reach English in many spellings
 * (Deir ez-Zor / Deir al-Zour / Deir Az-Zour; Tal / Tell Abyad; al-Myadin / Al Mayadin).
 */
import { foldWord } from '../text/fold'
import type { EntityType } from './types'

// Transliterated Arabic article forms ("al-", "ez-", "ash-"), dropped when they start a word group.
export const ARTICLE_RE = /^(?:al|el|ar|as|ad|az|ash|adh|an|at|ath|ez|es|ed|er)$/

/** Folded words of a name: lower case, no diacritics, no punctuation, possessive dropped. */
export function nameWords(name: string): string[] {
  return name
    .replace(/['’]s$/u, '')
    .split(/[^\p{L}\p{N}'’]+/u)
    .map((w) => foldWord(w).replace(/'/g, ''))
    .filter((w) => w.length > 0)
}

/** Folded name with a leading "the" dropped: the key of people and organisations. */
export function plainKey(name: string): string {
  const w = nameWords(name)
  if (w[0] === 'the' && w.length > 1) w.shift()
  return w.join(' ')
}

/**
 * Consonant skeleton of a place name: articles dropped, vowels dropped after each word's first
 * letter, doubled letters collapsed, a final "h" after a vowel dropped (Raqqah = Raqqa).
 */
export function placeSkeleton(name: string): string {
  const words = nameWords(name).filter((w, i, all) => !(ARTICLE_RE.test(w) && all.length > 1))
  return words
    .map((w) => {
      const base = w.replace(/([aeiou])h$/, '$1')
      const first = base[0] ?? ''
      return (first + base.slice(1).replace(/[aeiou]/g, '')).replace(/(.)\1+/g, '$1')
    })
    .filter((w) => w.length > 0)
    .join(' ')
}

export function entityKey(type: EntityType, name: string): string {
  return `${type}:${type === 'place' ? placeSkeleton(name) : plainKey(name)}`
}

/** URL- and CLI-friendly id part: "Deir ez-Zor" → "deir-ez-zor". */
export function slug(name: string): string {
  return nameWords(name).join('-') || 'unnamed'
}
