// #24: the places a search's articles mention, with where each is (the window's map): a place the
// gazetteer holds gets its point (a city's own, a region's largest city, a country's capital);
// the others are listed apart, never placed at a guess.
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { lookupPlace } from '../../src-main/core/entities/gazetteer'
import { writeTimelineArchive } from '../fixtures/timeline'

describe('the gazetteer’s points', () => {
  it('places a city at its own point, a region at its largest city and a country at its capital', () => {
    const near = (at: [number, number] | undefined, lon: number, lat: number) => expect(at && Math.hypot(at[0] - lon, at[1] - lat)).toBeLessThan(0.5)
    near(lookupPlace('Mosul')?.place.at, 43.1, 36.3)
    near(lookupPlace('Kirkuk')?.place.at, 44.4, 35.5) // the governorate, drawn at its capital city
    near(lookupPlace('Iraq')?.place.at, 44.4, 33.3) // Baghdad
    near(lookupPlace('France')?.place.at, 2.35, 48.85) // Paris, not the country's middle
  })
})

describe('places of a search', () => {
  it('counts the articles mentioning each place, with its point, and follows the search', async () => {
    const fx = writeTimelineArchive()
    const svc = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    await svc.update()
    const all = svc.placesMap()
    const kirkuk = all.places.find((p) => p.name === 'Kirkuk')
    expect(kirkuk).toMatchObject({ id: 'place:kirkuk', count: 3 })
    expect(kirkuk!.at[0]).toBeCloseTo(44.39, 1)
    // most mentioned first; totals count every place
    expect(all.places.map((p) => p.count)).toEqual([...all.places.map((p) => p.count)].sort((a, b) => b - a))
    expect(all.placedTotal).toBe(all.places.length)
    // the search's articles only
    const idlib = svc.placesMap('idlib')
    expect(idlib.places.map((p) => p.name)).toContain('Idlib')
    expect(idlib.places.map((p) => p.name)).not.toContain('Kirkuk')
    // a place the gazetteer does not hold is listed apart, not put on the map at a guess
    for (const p of all.unplaced) expect(lookupPlace(p.name)?.place.at === undefined || lookupPlace(p.name)?.variant).toBeTruthy()
    await svc.close()
  })
})
