// The trained recogniser inside the product's extraction (#19): what the rules around it keep
// right. Every text is written for these tests.
import { describe, expect, it } from 'vitest'
import { extractEntities } from '../../src-main/core/entities/extract'
import { reindexMessage } from '../../src-main/core/search/index-store'

const ents = (text: string) => extractEntities(text).map((e) => `${e.type}:${e.name}`)

describe('entity extraction with the trained recogniser', () => {
  it('finds names no list knows, by their context, with their types', () => {
    const found = extractEntities('Talks between Valdren Shipping Ltd and the port authority broke down on Tuesday, Mireille Okonjo-Baptiste told reporters in Kestrelport. Okonjo-Baptiste said Valdren Shipping Ltd would appeal.')
    expect(found.map((e) => `${e.type}:${e.name}:${e.mentions.length}`)).toEqual(['organization:Valdren Shipping Ltd:2', 'person:Mireille Okonjo-Baptiste:2', 'place:Kestrelport:1'])
  })

  it('keeps a hyphenated name whole ("al-Haddad") and one with particles ("van der")', () => {
    expect(ents('"It will not last," said Daniel al-Haddad, a spokesman for the union.')).toContain('person:Daniel al-Haddad')
    const found = extractEntities('Fullback Andre van der Merwe scored twice, and Van der Merwe said the pitch was wet.')
    expect(found.map((e) => `${e.type}:${e.name}:${e.mentions.length}`)).toEqual(['person:Andre van der Merwe:2'])
  })

  it('does not count news agency credits and sign-offs as mentions, but keeps the agency in a sentence', () => {
    const text = 'MARLOW, April 2 (Reuters) - The mill closed on Monday.\nPhoto: the gates. Ines Varo/AFP\nREUTER'
    const found = ents(text)
    expect(found.filter((e) => /Reuters|REUTER|AFP/.test(e))).toEqual([])
    expect(found).toContain('person:Ines Varo')
    expect(ents('Reuters reported on Monday that the mill had closed.')).toContain('organization:Reuters')
  })

  it('reads capitalised words joined by "&" as one firm', () => {
    const found = extractEntities('Shares of Harlow & Penning rose after the bid. Harlow & Penning makes brake parts in Kestrelport.')
    const firm = found.find((e) => e.name === 'Harlow & Penning')
    expect(firm?.type).toBe('organization')
    expect(firm?.mentions).toHaveLength(2)
    expect(found.some((e) => e.name === 'Harlow' || e.name === 'Penning')).toBe(false)
  })

  it('counts the place in "U.K.-based" and "London-based" as a mention of it', () => {
    const found = extractEntities('A U.K.-based monitor and a London-based charity said the US-led strikes went on.')
    expect(found.filter((e) => e.type === 'place').map((e) => e.name).sort()).toEqual(['London', 'United Kingdom', 'United States'])
  })

  it('reads the people of a place as a place, and a longer name before an organisation\'s as part of it', () => {
    const found = ents('Residents of Qarmesh said the Kestrel National Grain Corporation had closed its silo.')
    expect(found).toContain('place:Qarmesh')
    expect(found).toContain('organization:Kestrel National Grain Corporation')
  })

  it('keeps a weekday or an al- word that opens a title\'s name, and ends names on a capitalised word', () => {
    const found = ents('The Sunday Telegraph reported that al-Naba Media released a video. An Iranian-backed Shiite militia took the town of Umm Ruqaiba on Monday.')
    expect(found).toContain('organization:Sunday Telegraph')
    expect(found).not.toContain('person:Umm Ruqaiba')
    expect(found).toContain('organization:al-Naba Media')
    expect(found.some((e) => /militia|Iranian|Shiite/.test(e))).toBe(false)
  })

  it('divides a body, a title and a person run together: the body before the title, the person after it', () => {
    const found = ents('Kestrel Reserve Bank Governor Halvard Ostby said rates would hold. Ostby spoke in Kestrelport.')
    expect(found).toContain('organization:Kestrel Reserve Bank')
    expect(found).toContain('person:Halvard Ostby')
    expect(found.some((e) => /Governor/.test(e))).toBe(false)
    const honorific = ents('The actor Sir Tobias Wendle-Marr opened the festival.')
    expect(honorific).toContain('person:Tobias Wendle-Marr')
    expect(honorific.some((e) => /Sir/.test(e))).toBe(false)
  })

  it('reads a name whose initials an acronym in brackets spells as one organisation, with the acronym as its alias', () => {
    const found = extractEntities('Troops detained members of the Marsh Law and Order Renewal Council (MLORC) on Monday. MLORC denied the charge.')
    const org = found.find((e) => e.name === 'Marsh Law and Order Renewal Council')
    expect(org?.type).toBe('organization')
    expect(org?.forms).toContain('MLORC')
    expect(org?.mentions).toHaveLength(3)
    expect(found).toHaveLength(1)
  })

  it('reads US state abbreviations as the states they name', () => {
    const found = extractEntities('Officials in Trenton, N.J. and in Albany, NY declined to comment on the plan.')
    const states = found.filter((e) => e.type === 'place').map((e) => e.name)
    expect(states).toContain('New Jersey')
    expect(states).toContain('New York')
    expect(found.filter((e) => e.type === 'organization')).toEqual([])
  })

  it('leaves a title out of a person\'s name and a title alone out of the entities', () => {
    const found = ents('A spokesman, Brigadier Karim Haddad, said the convoy had left. Justice Miriam Otieno adjourned the hearing.')
    expect(found).toContain('person:Karim Haddad')
    expect(found).toContain('person:Miriam Otieno')
    expect(found.some((e) => /Brigadier|Justice/.test(e))).toBe(false)
  })

  it('takes no phrase of a headline in capitals for a name', () => {
    const found = ents('FERRY CREWS JOIN THE STOPPAGE AT THE NORTHERN QUAYS\n\nCrews walked out on Monday, the union said.')
    expect(found).toEqual([])
  })

  it('lets a two-letter acronym stand alone rather than join a name with the same initials', () => {
    const found = extractEntities('Engelhard Corp said its profit rose. The EC said it would study the deal.')
    const engelhard = found.find((e) => e.name === 'Engelhard Corp')
    expect(engelhard?.mentions).toHaveLength(1)
    expect(engelhard?.links ?? []).not.toContain('organization:ec')
  })

  it('keeps one country\'s generic body apart from another\'s ("Finance Ministry")', () => {
    const key = (text: string) => extractEntities(text).find((e) => e.type === 'organization')
    const brazil = key("Brazil's Finance Ministry said on Monday that the deficit had narrowed.")
    const france = key('Officials at the French Finance Ministry declined to comment.')
    const byDateline = key('RECIFE, May 4 - The Finance Ministry said the new tax would start in June.')
    expect(brazil?.name).toBe('Finance Ministry (Brazil)')
    expect(france?.name).toBe('Finance Ministry (France)')
    expect(brazil?.key).not.toBe(france?.key)
    // the dateline's city is in Brazil: the same ministry
    expect(byDateline?.key).toBe(brazil?.key)
    // a name that is not generic is not qualified
    expect(key('The Valdren Shipping Company said on Monday that the deficit had narrowed in Brazil.')?.name).toBe('Valdren Shipping Company')
  })

  it('keeps Arabic names whole and typed as people', () => {
    const found = ents('"We are leaving," says Abu Karim, a trader in the border town. The order came from Faisal al-Nouri\'s office, according to Samir al-Haddadi, a retired officer.')
    expect(found).toContain('person:Abu Karim')
    expect(found).toContain('person:Faisal al-Nouri')
    expect(found).toContain('person:Samir al-Haddadi')
    expect(found.some((e) => /^place:/.test(e) && /Karim|Nouri|Haddadi/.test(e))).toBe(false)
  })

  it('takes no faith, people, calendar word or common abbreviation alone for a name', () => {
    const found = ents('Sunni and Shia leaders met on Monday. Kurds and Syrians joined them. Show your ID at the gate, the CEO said.')
    expect(found).toEqual([])
  })

  it('reads a headline in Title Case without taking its ordinary words for names', () => {
    const found = ents('Port Workers Are Walking Out Again\n\nThe port workers said they are walking out again on Monday in Kestrelport.')
    expect(found).toEqual(['place:Kestrelport'])
  })

  it('trims a date glued to a name and leaves the article off a curated name', () => {
    const glued = extractEntities('Fighters retreated from the outskirts of Tal Kharaba March 8, 2015, witnesses said.').map((e) => e.name)
    expect(glued).toContain('Tal Kharaba')
    expect(glued.some((n) => /March/.test(n))).toBe(false)
    const found = extractEntities('The Syrian Observatory for Human Rights reported the strike on Sunday.')
    expect(found.map((e) => e.key)).toEqual(['organization:syrian-observatory-for-human-rights'])
  })

  it('gives the same entities for the same text whatever was read before it (caches change nothing)', () => {
    const texts = [
      'Talks between Valdren Shipping and the port authority broke down, Mireille Okonjo-Baptiste said in Kestrelport.',
      'Brazil\'s Finance Ministry said on Monday that Valdren Shipping Ltd would pay its taxes, according to Samir al-Haddadi.',
      'NEWARK, N.J. (Reuters) - Shares in Orvanta fell after the steelmaker cut its forecast, Ines Varo told reporters.'
    ]
    const fresh = texts.map((t) => JSON.stringify(extractEntities(t)))
    for (let round = 0; round < 2; round++) {
      for (const i of [2, 0, 1]) expect(JSON.stringify(extractEntities(texts[i]!))).toBe(fresh[i])
    }
  })
})

describe('re-indexing an older index', () => {
  it('tells the user why the archive is read again', () => {
    expect(reindexMessage(12)).toMatch(/re-indexed: people, organisations and places are now found by a trained recogniser/)
    expect(reindexMessage(13)).toMatch(/re-indexed: organisations named with an acronym in brackets/)
    expect(reindexMessage(13)).not.toMatch(/trained recogniser/)
    expect(reindexMessage(14)).toMatch(/re-indexed: web pages, PDF, Word, e-mail, feeds and Nexis or Factiva exports are now read/)
    expect(reindexMessage(14)).not.toMatch(/acronym/)
    expect(reindexMessage('x')).toBe('The index was made by another version of Dateline; the archive is re-indexed.')
  })
})
