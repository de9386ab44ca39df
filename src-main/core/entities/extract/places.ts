/** Place lookups the stages share: the gazetteer's key for a name, and demonyms ("Syrian" is a people, not a place). */
import { lookupPlace } from '../gazetteer'
import { tokenForm } from '../tagger'

/** The gazetteer's key for a place name spelled as it knows it; undefined leaves the spelling key to later. */
export function gazetteerKey(name: string): string | undefined {
  const m = lookupPlace(name)
  return m && !m.variant ? `place:@${m.place.gid}` : undefined
}

/** "Syrian", "Iraqi", "Russians": a people, not a place. */
export function isDemonym(word: string): boolean {
  return demonymCountry(word) !== undefined
}

/** The country a demonym names ("Brazilian" → BR), or undefined. */
const demonyms = new Map<string, string | null>()
export function demonymCountry(word: string): string | undefined {
  let hit = demonyms.get(word)
  if (hit === undefined) {
    hit = demonymUncached(word) ?? null
    if (demonyms.size > 50_000) demonyms.clear()
    demonyms.set(word, hit)
  }
  return hit ?? undefined
}
/** Demonyms not made by a suffix on the country's name. */
const IRREGULAR: Record<string, string> = {
  french: 'FR', german: 'DE', british: 'GB', english: 'GB', scottish: 'GB', welsh: 'GB', dutch: 'NL', swiss: 'CH', greek: 'GR', thai: 'TH',
  danish: 'DK', swedish: 'SE', finnish: 'FI', polish: 'PL', turkish: 'TR', spanish: 'ES', irish: 'IE', filipino: 'PH', philippine: 'PH',
  chinese: 'CN', lebanese: 'LB', saudi: 'SA', emirati: 'AE', moroccan: 'MA', mexican: 'MX', canadian: 'CA', belgian: 'BE', norwegian: 'NO',
  ukrainian: 'UA', afghan: 'AF', argentine: 'AR', argentinian: 'AR', peruvian: 'PE', portuguese: 'PT', czech: 'CZ', slovak: 'SK',
  hungarian: 'HU', romanian: 'RO', bulgarian: 'BG', serbian: 'RS', croatian: 'HR', bosnian: 'BA', venezuelan: 'VE', colombian: 'CO',
  brazilian: 'BR', cuban: 'CU', haitian: 'HT', malaysian: 'MY', indonesian: 'ID', korean: 'KR', zimbabwean: 'ZW', ethiopian: 'ET'
}

function demonymUncached(word: string): string | undefined {
  const f = tokenForm(word).replace(/s$/, '')
  if (Object.hasOwn(IRREGULAR, f)) return IRREGULAR[f]
  for (const suffix of ['n', 'an', 'ian', 'i', 'ese', 'ish']) {
    if (!f.endsWith(suffix) || f.length - suffix.length < 3) continue
    const m = lookupPlace(f.slice(0, -suffix.length))
    if (m && !m.variant && m.place.kind === 'country') return m.place.country
  }
  return undefined
}
