// The entity commands of the real `dateline` CLI, on the annotated fixture archive.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runDateline } from './run-dateline'
import { writeGoldArchive } from '../fixtures/entities-gold'

let root: string
let dataDir: string

const dateline = (...args: string[]) => runDateline([...args, '--data', dataDir])

beforeAll(() => {
  ;({ root, dataDir } = writeGoldArchive())
})

describe('dateline entities / doc / search --entity / entity', () => {
  it('lists entities of one type as JSON', async () => {
    const r = await dateline('entities', root, '--type', 'person', '--json')
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    for (const e of out.entities) {
      expect(Object.keys(e).sort()).toEqual(['aliases', 'documents', 'id', 'mentions', 'name', 'type'])
      expect(e.type).toBe('person')
    }
    const kiprono = out.entities.find((e: { name: string }) => e.name === 'Daniel Kiprono')
    expect(kiprono).toMatchObject({ id: 'person:daniel-kiprono', documents: 1, mentions: 2, aliases: ['Kiprono'] })
  }, 30_000)

  it('shows a document with its entities and mention offsets', async () => {
    const r = await dateline('doc', root, 'transliteration.txt', '--json')
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out).toMatchObject({ path: 'transliteration.txt', title: expect.any(String), length: expect.any(Number) })
    const deir = out.entities.find((e: { id: string }) => e.id === 'place:deir-ez-zor')
    expect(deir.mentions).toHaveLength(1)
    const [s, e] = deir.mentions[0]
    expect(out.length).toBeGreaterThan(e)
    const missing = await dateline('doc', root, 'nope.txt', '--json')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/"nope.txt" is not an indexed document/)
    expect(s).toBeGreaterThanOrEqual(0)
  }, 30_000)

  it('filters a search by entity and reports facets', async () => {
    const r = await dateline('search', root, 'killed OR attack OR fighters', '--entity', 'organization:isil', '--exclude-entity', 'place:raqqa', '--json')
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.hits.map((h: { path: string }) => h.path).sort()).toEqual(['aliases-daesh.txt', 'conflict-mosul-acronym.txt'])
    expect(Object.keys(out.facets).sort()).toEqual(['organization', 'person', 'place'])
    expect(out.facets.organization[0]).toEqual({ id: 'organization:islamic-state', name: 'Islamic State', count: 2 })
    const bad = await dateline('search', root, 'x', '--entity', 'place:atlantis', '--json')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/No entity "place:atlantis"/)
  }, 30_000)

  it('curates: rename and hide survive, export and import round-trip', async () => {
    expect((await dateline('entity', 'rename', root, 'person:anneke-vos', 'Anneke', 'de', 'Vos')).code).toBe(0)
    expect((await dateline('entity', 'hide', root, 'place:brovary')).code).toBe(0)
    const places = JSON.parse((await dateline('entities', root, '--type', 'place', '--json')).stdout)
    expect(places.entities.map((e: { id: string }) => e.id)).not.toContain('place:brovary')
    const shown = JSON.parse((await dateline('entity', 'show', root, 'person:anneke-vos', '--json')).stdout)
    expect(shown.entity.name).toBe('Anneke de Vos')
    expect(shown.documents.map((d: { path: string }) => d.path)).toEqual(['analysis-eu-trade.txt'])
    const exported = await dateline('entity', 'export', root)
    const file = path.join(dataDir, 'export.json')
    writeFileSync(file, exported.stdout)
    const imp = await dateline('entity', 'import', root, file, '--replace', '--json')
    expect(JSON.parse(imp.stdout).imported).toBeGreaterThanOrEqual(1)
    const usage = await dateline('entity', 'type', root, 'person:anneke-vos', 'planet')
    expect(usage.code).toBe(2)
  }, 60_000)
})
