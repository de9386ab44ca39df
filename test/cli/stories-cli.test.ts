// The story and date commands of the real `dateline` CLI, on the story fixture archive.
import { beforeAll, describe, expect, it } from 'vitest'
import { runDateline } from './run-dateline'
import { STORY, writeStoriesArchive } from '../fixtures/stories'

let root: string
let dataDir: string

const dateline = (...args: string[]) => runDateline([...args, '--data', dataDir])

beforeAll(() => {
  ;({ root, dataDir } = writeStoriesArchive())
})

describe('dateline stories / doc / date / reuse', () => {
  it('stories --json lists each story with roles, similarity and containment; lone documents are omitted', async () => {
    const r = await dateline('stories', root, '--json')
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.stories).toHaveLength(1)
    const story = out.stories[0]
    expect(story.id).toMatch(/^story-[0-9a-f]{10}$/)
    expect(story.documents.map((d: { path: string }) => d.path).sort()).toEqual([...STORY].sort())
    for (const d of story.documents) {
      expect(['original', 'copy', 'rewrite']).toContain(d.role)
      expect(typeof d.similarity).toBe('number')
      expect(typeof d.containment).toBe('number')
    }
    expect(story.documents[0]).toMatchObject({ path: 'wire/levee-original.txt', role: 'original' })
    expect(out.singletons).toBeUndefined()
    const all = JSON.parse((await dateline('stories', root, '--all', '--json')).stdout)
    expect(all.singletons.map((s: { path: string }) => s.path)).toContain('local/levee-council.txt')
  }, 60_000)

  it('doc --json carries the publication date with its source and the story role', async () => {
    const r = await dateline('doc', root, 'scraped/levee-stripped.txt', '--json')
    expect(r.code, r.stderr).toBe(0)
    const d = JSON.parse(r.stdout)
    expect(d.published).toMatchObject({ date: '2019-04-11', source: 'story', precision: 'day', fileDate: '2026-11-22' })
    expect(Object.keys(d.published).sort()).toEqual(['confidence', 'date', 'earliest', 'evidence', 'fileDate', 'latest', 'precision', 'source'])
    expect(d.story).toMatchObject({ role: 'copy', of: 'wire/levee-original.txt' })
    const lone = JSON.parse((await dateline('doc', root, 'local/levee-history.txt', '--json')).stdout)
    expect(lone.story).toBeNull()
    expect(lone.published.date).toBeNull()
  }, 60_000)

  it('date sets, declares unknown and clears the user date; bad input exits 2', async () => {
    const set = await dateline('date', root, 'local/levee-history.txt', '2019-05-01', '--json')
    expect(set.code, set.stderr).toBe(0)
    expect(JSON.parse(set.stdout).published).toMatchObject({ date: '2019-05-01', source: 'user' })
    const doc = JSON.parse((await dateline('doc', root, 'local/levee-history.txt', '--json')).stdout)
    expect(doc.published.date).toBe('2019-05-01')
    const unknown = await dateline('date', root, 'wire/levee-original.txt', 'unknown', '--json')
    expect(JSON.parse(unknown.stdout).published).toMatchObject({ date: null, source: 'user' })
    const cleared = await dateline('date', root, 'wire/levee-original.txt', '--clear')
    expect(cleared.stdout).toMatch(/published: 2019-04-11 \(dateline/)
    expect(cleared.stdout).toMatch(/file date: 2026-11-22 \(not used\)/)
    const bad = await dateline('date', root, 'wire/levee-original.txt', '11/04/2019')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/is not a date: use YYYY-MM-DD/)
    expect((await dateline('date', root, 'wire/levee-original.txt')).code).toBe(2)
  }, 60_000)

  it('reuse shows the shared passages with offsets', async () => {
    const r = await dateline('reuse', root, 'paywall/levee-teaser.txt', 'wire/levee-original.txt', '--json')
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.aInB).toBeGreaterThan(0.4)
    expect(out.passages).toHaveLength(1)
    expect(out.passages[0].a.text).toMatch(/^In the Ghazlani district/)
    expect(out.passages[0].b.start).toBeGreaterThan(0)
    const text = await dateline('reuse', root, 'paywall/levee-teaser.txt', 'wire/levee-original.txt')
    expect(text.stdout).toMatch(/% of paywall\/levee-teaser.txt is found in wire\/levee-original.txt/)
  }, 60_000)
})
