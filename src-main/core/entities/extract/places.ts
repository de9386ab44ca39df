/** Place lookups the stages share: the gazetteer's key for a name, and demonyms ("Syrian" is a people, not a place). */
import { lookupPlace } from '../gazetteer'
import { tokenForm } from '../tagger'

/** The gazetteer's key for a place name spelled as it knows it; undefined leaves the spelling key to later. */
export function gazetteerKey(name: string): string | undefined {
  const m = lookupPlace(name)
  return m && !m.variant ? `place:@${m.place.gid}` : undefined
}

/** "Syrian", "Iraqi", "Russians": a people, not a place. */
const demonyms = new Map<string, boolean>()
export function isDemonym(word: string): boolean {
  let hit = demonyms.get(word)
  if (hit === undefined) {
    hit = demonymUncached(word)
    if (demonyms.size > 50_000) demonyms.clear()
    demonyms.set(word, hit)
  }
  return hit
}
function demonymUncached(word: string): boolean {
  const f = tokenForm(word).replace(/s$/, '')
  for (const suffix of ['n', 'an', 'ian', 'i', 'ese', 'ish']) {
    if (!f.endsWith(suffix) || f.length - suffix.length < 3) continue
    const m = lookupPlace(f.slice(0, -suffix.length))
    if (m && !m.variant && m.place.kind === 'country') return true
  }
  return false
}
