// The entity pipeline one stage at a time, on sentences written for each behaviour.
import { describe, expect, it } from 'vitest'
import { EXTRACTION_STAGES } from '../../../../src-main/core/entities/extract'
import { classifyChunks } from '../../../../src-main/core/entities/extract/classify'
import { resolveCoreference } from '../../../../src-main/core/entities/extract/coreference'
import { extractionDoc, surface, type ExtractionDoc } from '../../../../src-main/core/entities/extract/document'
import { findCapitalRuns, findDateline, findKnown } from '../../../../src-main/core/entities/extract/finders'
import { joinOverAnd, joinOverOf } from '../../../../src-main/core/entities/extract/refiners'
import { prepareText } from '../../../../src-main/core/entities/prepare'

function run(text: string, stages: ReadonlyArray<(d: ExtractionDoc) => void>): ExtractionDoc {
  const d = extractionDoc(text, prepareText(text))
  for (const s of stages) s(d)
  return d
}
const names = (d: ExtractionDoc) => d.chunks.map((c) => surface(d, c))

describe('entity extraction stages', () => {
  it('finders: a curated alias, a dateline in capitals, and capitalised runs with their particles', () => {
    const d = run('PORT SELWYN, March 3 – Daesh fighters left Deir ez-Zor, said Amira bin Khalid.', [findKnown, findDateline, findCapitalRuns])
    // "March" is found too: the classifiers drop calendar words
    expect(names(d)).toEqual(['PORT SELWYN', 'March', 'Daesh', 'Deir ez-Zor', 'Amira bin Khalid'])
    expect(d.chunks[0]).toMatchObject({ kind: 'place', display: 'Port Selwyn' })
    expect(d.chunks[2]!.known?.id).toBe('organization:islamic-state')
  })

  it('refiners: an organisation\'s name goes on over "of" and "and"', () => {
    const d = run('The Ministry of Coastal Defence and the Harbour Pilots and Allied Workers Union met.', [findKnown, findDateline, findCapitalRuns, joinOverOf, joinOverAnd])
    expect(names(d)).toEqual(['Ministry of Coastal Defence', 'Harbour Pilots and Allied Workers Union'])
  })

  it('classifiers: a title, a place cue, an organisation head; calendar words are no entity', () => {
    const d = run('President Talia Brenner said on Monday that the Valmora Port Authority had closed the docks near Kestrel Bay.', [findKnown, findDateline, findCapitalRuns, joinOverOf, joinOverAnd, classifyChunks])
    const kind = Object.fromEntries(d.chunks.map((c) => [surface(d, c), c.kind]))
    expect(kind).toMatchObject({ 'Talia Brenner': 'person', 'Valmora Port Authority': 'organization', 'Kestrel Bay': 'place', Monday: 'single' })
    expect(d.chunks.find((c) => surface(d, c) === 'Talia Brenner')!.personCue).toBe(true)
  })

  it('coreference: a surname is the full name\'s, an acronym in brackets is the name before it', () => {
    const d = run('Talia Brenner of the Coastal Monitoring Group (CMG) spoke first. Brenner said the CMG would publish.', EXTRACTION_STAGES)
    const brenner = d.chunks.filter((c) => /Brenner/.test(surface(d, c)))
    expect(brenner).toHaveLength(2)
    expect(brenner[1]!.ref).toBe(brenner[0])
    const cmg = d.chunks.filter((c) => surface(d, c) === 'CMG')
    expect(cmg.every((c) => c.ref && surface(d, c.ref) === 'Coastal Monitoring Group')).toBe(true)
  })
})
