// Entity extraction, alias merging, curation and entity filters, on text written for these tests.
import { appendFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { extractEntities } from '../../src-main/core/entities/extract'
import { gazetteerStats } from '../../src-main/core/entities/gazetteer'
import { entityKey, placeSkeleton } from '../../src-main/core/entities/keys'
import { prepareText } from '../../src-main/core/entities/prepare'
import { EntityRegistry } from '../../src-main/core/entities/registry'
import type { DocEntity } from '../../src-main/core/entities/types'
import { GOLD, writeGoldArchive } from '../fixtures/entities-gold'
import { scoreArticles } from './entity-quality'

const names = (text: string, type: string) => extractEntities(text).filter((e) => e.type === type).map((e) => e.name)

describe('entity extraction quality on the annotated fixtures', () => {
  // Floors sit a little under what was measured (see docs/bench.md): they catch regressions, not noise.
  it('clean articles: F1 per type and overall', () => {
    const s = scoreArticles(GOLD.filter((a) => a.style === 'clean'))
    console.log('entities, clean:', Object.entries(s).map(([t, v]) => `${t} P=${v.p.toFixed(2)} R=${v.r.toFixed(2)} F1=${v.f1.toFixed(2)}`).join('; '))
    expect(s.all.f1, s.all.errors.join('\n')).toBeGreaterThanOrEqual(0.92)
    expect(s.person.f1).toBeGreaterThanOrEqual(0.92)
    expect(s.organization.f1).toBeGreaterThanOrEqual(0.9)
    expect(s.place.f1).toBeGreaterThanOrEqual(0.92)
  })

  it('punctuation-stripped articles', () => {
    const s = scoreArticles(GOLD.filter((a) => a.style === 'stripped'))
    console.log('entities, stripped:', Object.entries(s).map(([t, v]) => `${t} P=${v.p.toFixed(2)} R=${v.r.toFixed(2)} F1=${v.f1.toFixed(2)}`).join('; '))
    expect(s.all.f1, s.all.errors.join('\n')).toBeGreaterThanOrEqual(0.9)
  })
})

describe('extraction rules', () => {
  it('keeps every mention at its offsets in the original text, also in a repaired stripped copy', () => {
    for (const a of GOLD) {
      for (const e of extractEntities(a.text)) {
        for (const [s, end] of e.mentions) {
          const seen = a.text.slice(s, end)
          expect([e.name, ...(e.forms ?? [])].some((n) => seen.startsWith(n) || n.startsWith(seen) || seen.replace(/['’]s$/, '') === n), `${a.name}: "${seen}" for ${e.name}`).toBe(true)
        }
      }
    }
  })

  it('repairs glued sentences and al- prefixes without moving offsets', () => {
    const text = `${'the people of the valley waited for news '.repeat(6)}from alMyadin where the market closedThe council met`
    const p = prepareText(text)
    expect(p.repaired).toBe(true)
    expect(p.text).toContain('al-Myadin')
    expect(p.text).toContain('closed. The council')
    const at = p.text.indexOf('The council')
    expect(text.slice(p.toOriginal(at), p.toOriginal(at) + 11)).toBe('The council')
  })

  it('reads capitalised acronyms as organisations but never the verb "is"', () => {
    const ents = extractEntities('The attack is the third this month. IS claimed it, and the UN condemned it.')
    expect(ents.map((e) => e.key).sort()).toEqual(['organization:islamic-state', 'organization:united-nations'])
  })

  it('links an acronym defined in parentheses to its full name', () => {
    const ents = extractEntities('The Coastal Fisheries Authority (CFA) closed the bay. The CFA said tests would take a week.')
    const org = ents.find((e) => e.type === 'organization')!
    expect(org.name).toBe('Coastal Fisheries Authority')
    expect(org.mentions).toHaveLength(3)
    expect(org.links).toContain('organization:cfa')
  })

  it('attaches a later surname to the full name and ignores boilerplate lines', () => {
    const text = 'Subscribe now for unlimited access to Harbour News.\nMarta Quinlan, a ferry captain, said the crossing was closed. Quinlan said it would reopen on Friday.'
    const ents = extractEntities(text)
    expect(ents.map((e) => e.name)).toEqual(['Marta Quinlan'])
    expect(ents[0]!.mentions).toHaveLength(2)
  })

  it('does not take demonyms, weekdays or ordinary sentence openers for places', () => {
    expect(names('Syrian and Iraqi officials met on Sunday. Most analysts said March would be decisive.', 'place')).toEqual([])
  })

  it('keeps names with Latin Extended letters whole (Şimşek, Gdańsk, Łódź, Tikrīt), at their offsets', () => {
    const text = `Talks resume in Gdańsk\n\nTurkish envoy Mehmet Şimşek met port officials in Gdańsk on Friday, they said. Şimşek later flew to Łódź.\n\nEngineers inspected the levee near Tikrīt after three days of rain.`
    const found = extractEntities(text)
    const spans = (name: string) => found.find((e) => e.name === name)?.mentions.map(([a, b]) => text.slice(a, b))
    expect(spans('Mehmet Şimşek')).toEqual(['Mehmet Şimşek', 'Şimşek'])
    expect(spans('Gdańsk')).toEqual(['Gdańsk', 'Gdańsk'])
    expect(spans('Łódź')).toEqual(['Łódź'])
    // the same place as an unaccented "Tikrit"
    const plain = extractEntities('Engineers inspected the levee near Tikrit after the rain.').find((e) => e.type === 'place')!
    expect(found.find((e) => e.type === 'place' && e.mentions.some(([a, b]) => text.slice(a, b) === 'Tikrīt'))?.key).toBe(plain.key)
    // no fragment of a broken word ("Tikr", "Mehmet Ş") is left over
    for (const e of found) for (const [a, b] of e.mentions) expect(/\p{L}/u.test(text[b] ?? ' ')).toBe(false)
  })

  it('reads a dateline in capitals as a place, even one no gazetteer knows, and names it in ordinary case', () => {
    const text = `Ferry crews join the stoppage\n\nPORT ALDERVIK, May 12 – Ferry crews walked out at Port Aldervik on Monday, union organisers said.\n\nThe harbour office in Port Aldervik said crossings would resume.`
    const place = extractEntities(text).find((e) => e.type === 'place')
    expect(place?.name).toBe('Port Aldervik')
    expect(place?.mentions.map(([a, b]) => text.slice(a, b))).toEqual(['PORT ALDERVIK', 'Port Aldervik', 'Port Aldervik'])
    // a known city in a dateline gets the gazetteer's key, the same as in running text
    const beirut = extractEntities('BEIRUT (Reuters) - Talks resumed on Monday, officials said.').find((e) => e.type === 'place')
    expect(beirut?.key).toBe(extractEntities('Talks resumed in Beirut on Monday.').find((e) => e.type === 'place')?.key)
    // a news agency credit is not a dateline; a headline in capitals is not one either
    expect(names('REUTERS - Talks resumed on Monday, officials said.', 'place')).toEqual([])
    expect(names('FERRY CREWS JOIN THE STOPPAGE AT THE NORTHERN QUAYS\n\nCrews walked out on Monday.', 'place')).toEqual([])
  })

  it('keeps ordinary words that open a sentence out of the entities: small towns named like words, groups of people', () => {
    // Union (New Jersey) and Police (Poland) are towns; here they are words
    const text = `Union leader Marta Kowalczyk said the strike would go on. Police said two men were detained. Residents said the road was blocked. Witnesses told reporters the gates were shut.`
    const found = extractEntities(text)
    expect(found.filter((e) => e.type === 'place')).toEqual([])
    expect(found.filter((e) => e.type === 'person').map((e) => e.name)).toEqual(['Marta Kowalczyk'])
    // the same town named as a place ("near Union") is still a place
    expect(names('Union leader Marta Kowalczyk drove to a rally near Union.', 'place')).toEqual(['Union'])
  })

  it('in a stripped copy, drops a date glued to a name and merges a possessive that lost its apostrophe', () => {
    const text = `Ferry crews join the stoppage PORT ALDERVIK May 12 Ferry crews walked out at Port Aldervik on Monday union organisers said Port Alderviks harbour office said crossings would resume later in the week while the union said talks with the operator had stalled over pay and the length of shifts near Port Aldervik Passengers said the night crossings to the islands were cancelled`
    const found = extractEntities(text)
    const places = found.filter((e) => e.type === 'place')
    expect(places.map((e) => e.name)).toEqual(['Port Aldervik'])
    expect(places[0]!.mentions.map(([a, b]) => text.slice(a, b))).toEqual(['PORT ALDERVIK', 'Port Aldervik', 'Port Alderviks', 'Port Aldervik'])
    expect(found.filter((e) => e.type === 'person')).toEqual([])
  })

  it("in a stripped copy, ends an organisation's name where the next sentence begins", () => {
    // written without punctuation, as a scraper leaves it: the next sentence's first word and a
    // possessive that lost its apostrophe both run on from the organisation's name
    const text = `Lenders wait for the court ruling The union asked the Regional Labour Court Shipping lines have diverted vessels to other ports since Friday according to Tomas Varga an analyst at the Danube Policy Institute in Szeged The dispute is about pay and shift length said the Danube Policy Institutes Varga who has followed the port for a decade A ruling is expected next month and the harbour board said it would respect the decision whatever it was`
    const found = extractEntities(text)
    const orgs = found.filter((e) => e.type === 'organization')
    expect(orgs.map((e) => e.name).sort()).toEqual(['Danube Policy Institute', 'Regional Labour Court'])
    const institute = orgs.find((e) => e.name === 'Danube Policy Institute')!
    expect(institute.mentions.map(([x, y]) => text.slice(x, y))).toEqual(['Danube Policy Institute', 'Danube Policy Institutes'])
    const people = found.filter((e) => e.type === 'person')
    expect(people.map((e) => [e.name, e.mentions.length])).toEqual([['Tomas Varga', 2]])
  })

  it('takes a name introduced by what it is for an organisation ("steelmaker X", "shares in X")', () => {
    const text = `Shares in Velbrook fell on Tuesday after the steelmaker Orvanta cut its forecast. Engineers from the state water utility Aquaserv worked through the night, according to company founder Ilse Marten. Maria Lindqvist, who runs the charity, said talks would resume.`
    const found = extractEntities(text)
    expect(found.filter((e) => e.type === 'organization').map((e) => e.name)).toEqual(['Velbrook', 'Orvanta', 'Aquaserv'])
    // "company founder Ilse Marten": a person introduced by her role stays a person
    expect(found.filter((e) => e.type === 'person').map((e) => e.name)).toEqual(['Ilse Marten', 'Maria Lindqvist'])
  })

  it('gives one place key to transliteration variants', () => {
    expect(placeSkeleton('Deir al-Zour')).toBe(placeSkeleton('Deir ez-Zor'))
    expect(placeSkeleton('Tal Abyad')).toBe(placeSkeleton('Tell Abyad'))
    expect(placeSkeleton('al-Myadin')).toBe(placeSkeleton('Al Mayadin'))
    expect(placeSkeleton('Niamey')).not.toBe(placeSkeleton('Nairobi'))
    expect(entityKey('person', 'The Lina  Khatib')).toBe('person:lina khatib')
  })

  it('loads the gazetteer once and reports its cost', () => {
    extractEntities('Flights to Lisbon resumed.')
    const g = gazetteerStats()
    expect(g.loaded).toBe(true)
    expect(g.places).toBeGreaterThan(20_000)
  })
})

describe('archive-wide merging', () => {
  it('merges a surname-only document and an acronym-only document into the full entities', () => {
    const docs = [
      { docId: 'a', entities: extractEntities('Inspectors from the Coastal Fisheries Authority (CFA) met Marta Quinlan in Cork.') },
      { docId: 'b', entities: extractEntities('The CFA has not replied. Quinlan said the ferry would wait in Cork.') }
    ]
    const reg = new EntityRegistry(docs)
    const org = reg.resolve('organization:cfa')!
    expect(org.name).toBe('Coastal Fisheries Authority')
    expect([...reg.documentsOf(org)].sort()).toEqual(['a', 'b'])
    const person = reg.list().filter((r) => r.type === 'person')
    expect(person.map((p) => [p.name, p.documents])).toEqual([['Marta Quinlan', 2]])
  })

  it('does not join a surname shared by two different full names', () => {
    const reg = new EntityRegistry([
      { docId: 'a', entities: extractEntities('Samir Haddad said the road was closed.') },
      { docId: 'b', entities: extractEntities('Karim Haddad said the road was open.') },
      { docId: 'c', entities: extractEntities('Mr. Haddad said nothing.') }
    ])
    expect(reg.list().filter((r) => r.type === 'person').map((r) => r.name).sort()).toEqual(['Haddad', 'Karim Haddad', 'Samir Haddad'])
  })
})

describe('entities in an archive: filters, facets, curation', () => {
  let root: string
  let dataDir: string
  let svc: ArchiveService

  beforeAll(async () => {
    ;({ root, dataDir } = writeGoldArchive())
    svc = await ArchiveService.open(root, { dataDir })
    await svc.update()
  })

  it('builds the same registry from the segments\' stored tables as from every document\'s entities, replaced versions left out', async () => {
    // a second segment, and a replaced document whose old version stays behind in the first
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort()
    appendFileSync(path.join(root, files[0]!), '\nLater, officials in Valmora Bay said the talks would resume.\n')
    writeFileSync(path.join(root, 'late-extra.txt'), 'Talks resume in Valmora Bay\n\nOfficials in Valmora Bay said on Monday that the talks would resume, according to Sipho Ndlovu.\n')
    await svc.update()
    // the registry the archive uses (read in place from the segments) …
    const fromSegments = svc.entities({ limit: 10_000, includeHidden: true })
    // … against one built from each live document's own entity list
    const internal = svc as unknown as { segmentDocOf(meta: unknown): { entities: DocEntity[] }; meta(id: string): unknown }
    const perDoc = new EntityRegistry(svc.documents().map((d) => ({ docId: d.id, entities: internal.segmentDocOf(internal.meta(d.id)).entities })))
    const view = (list: Array<{ id: string; type: string; name: string; aliases: string[]; documents: number; mentions: number }>) =>
      list.map(({ id, type, name, aliases, documents, mentions }) => ({ id, type, name, aliases, documents, mentions })).sort((a, b) => (a.id < b.id ? -1 : 1))
    expect(fromSegments.length).toBeGreaterThan(20)
    expect(view(fromSegments)).toEqual(view(perDoc.list(true)))
    for (const e of fromSegments.slice(0, 10)) expect([...svc.documentsForEntity(e.id, { limit: 1000 }).documents.map((d) => d.id)].sort()).toEqual([...perDoc.documentsOf(perDoc.resolve(e.id)!)].sort())
  })

  it('lists one Islamic State carrying the aliases seen in the archive', () => {
    const orgs = svc.entities({ type: 'organization', query: 'islamic' })
    expect(orgs).toHaveLength(1)
    expect(orgs[0]).toMatchObject({ id: 'organization:islamic-state', documents: 3 })
    expect(orgs[0]!.aliases).toEqual(expect.arrayContaining(['ISIL', 'Daesh', 'IS']))
    expect(svc.entities({ type: 'place', query: 'deir' }).map((e) => e.name)).toEqual(['Deir ez-Zor'])
  })

  it('filters a search by entities; facet counts equal the matching documents', () => {
    const all = svc.search('', { entities: ['organization:islamic-state'], limit: 100 })
    expect(all.hits.map((h) => h.path).sort()).toEqual(['aliases-daesh.txt', 'conflict-mosul-acronym.txt', 'stripped-raqqa-copy.txt'])
    for (const h of all.hits) expect(svc.document(h.path).entities.map((e) => e.id)).toContain('organization:islamic-state')
    // every facet count is exactly the number of results the facet would filter to
    for (const q of ['', 'strike OR attack OR police']) {
      const r = svc.search(q, { limit: 100, facetLimit: 1000 })
      expect(r.facets.place.length).toBeGreaterThan(1)
      for (const type of ['person', 'organization', 'place'] as const) {
        for (const f of r.facets[type]) expect(svc.search(q, { entities: [f.id], limit: 0 }).total, f.name).toBe(f.count)
      }
    }
    const both = svc.search('', { entities: ['organization:islamic-state', 'place:raqqa'] })
    expect(both.hits.map((h) => h.path)).toEqual(['stripped-raqqa-copy.txt'])
    const without = svc.search('', { entities: ['organization:islamic-state'], excludeEntities: ['place:raqqa'] })
    expect(without.total).toBe(2)
    expect(() => svc.search('', { entities: ['person:nobody-at-all'] })).toThrow(/No entity "person:nobody-at-all"/)
  })

  it('gives documents for an entity and the entities that co-occur with it', () => {
    const d = svc.documentsForEntity('place:ramadi')
    expect(d.documents.map((x) => x.path)).toEqual(['aliases-daesh.txt'])
    const co = svc.cooccurring('place:ramadi')
    expect(co.place.map((f) => f.name)).toContain('Fallujah')
    expect(co.place.map((f) => f.name)).not.toContain('Ramadi')
  })

  it('keeps merges, renames and hidden entities across re-indexing after a file changes', async () => {
    // two places named in different articles: the merged entity's documents are both
    const lagos = svc.entity('place:lagos')
    const durban = svc.entity('place:durban')
    expect(lagos.documents + durban.documents).toBe(2)
    const merged = await svc.curate({ op: 'merge', ids: [lagos.id, durban.id] })
    expect(merged.documents).toBe(2)
    await svc.curate({ op: 'rename', id: 'person:tomas-aravena', name: 'Tomás Aravena' })
    const hidden = svc.entities({ type: 'place', query: 'san antonio' })[0]!
    await svc.curate({ op: 'hide', id: hidden.id })
    await svc.curate({ op: 'retype', id: 'organization:pacific-terminal-group', type: 'place' })

    appendFileSync(path.join(root, 'feature-valparaiso-port.txt'), '\nTomas Aravena said on Friday that the strike was over.')
    writeFileSync(path.join(root, 'new-lagos.txt'), 'Chinedu Okafor queued again in Lagos on Friday, he said.')
    const reopened = await ArchiveService.open(root, { dataDir })
    const report = await reopened.update()
    expect(report.processed.sort()).toEqual(['feature-valparaiso-port.txt', 'new-lagos.txt'])

    const m = reopened.entity(merged.id)
    expect(m.documents).toBe(3)
    expect(reopened.entity('person:tomas-aravena').name).toBe('Tomás Aravena')
    expect(reopened.entities({ type: 'place' }).map((e) => e.id)).not.toContain(hidden.id)
    expect(reopened.entities({ type: 'place', includeHidden: true }).find((e) => e.id === hidden.id)?.hidden).toBe(true)
    expect(reopened.search('strike', { limit: 100 }).facets.place.map((f) => f.id)).not.toContain(hidden.id)
    expect(reopened.entity('place:pacific-terminal-group').type).toBe('place')

    // the corrections travel as JSON
    const exported = reopened.exportCuration()
    expect(exported.ops.map((o) => o.op)).toEqual(['merge', 'rename', 'hide', 'retype'])
    const other = writeGoldArchive()
    const fresh = await ArchiveService.open(other.root, { dataDir: other.dataDir })
    await fresh.update()
    expect(await fresh.importCuration(JSON.stringify(exported))).toBe(4)
    expect(fresh.entity('person:tomas-aravena').name).toBe('Tomás Aravena')
    await expect(fresh.importCuration('{"format":"something-else"}')).rejects.toThrow(/not a Dateline entity-curation file/)
  })
})
