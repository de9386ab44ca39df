// Stars, tags and notes (#24): kept in the data folder, searchable as filters, notes anchored to
// their passage across re-indexing and edits, two writers never losing each other's marks.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { writeFixtureArchive, ORIGINAL, type FixtureArchive } from '../fixtures/archive'

let fx: FixtureArchive
let svc: ArchiveService
const WIRE = 'wire/harbour-strike.txt'
const paths = (q: string) => svc.search(q, { limit: 50 }).hits.map((h) => h.path).sort()

beforeEach(async () => {
  fx = writeFixtureArchive()
  svc = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
  await svc.update()
})

describe('stars, tags and notes', () => {
  it('are kept beside the index, never in the article, and filter the search', async () => {
    await svc.annotate({ op: 'star', path: WIRE, on: true })
    await svc.annotate({ op: 'tag', path: WIRE, tag: 'Port-Strike', on: true })
    await svc.annotate({ op: 'tag', path: 'rewrites/selwyn-dispute.md', tag: 'port-strike', on: true })
    await svc.annotate({ op: 'note', path: 'rewrites/selwyn-dispute.md', text: 'Check with the union office' })
    expect(readFileSync(path.join(fx.root, WIRE), 'utf-8')).toBe(ORIGINAL)
    expect(paths('is:starred')).toEqual([WIRE])
    expect(paths('tag:port-strike')).toEqual(['rewrites/selwyn-dispute.md', WIRE])
    expect(paths('tag:port-strike -is:starred')).toEqual(['rewrites/selwyn-dispute.md'])
    expect(paths('note:"union office"')).toEqual(['rewrites/selwyn-dispute.md'])
    expect(paths('haddad is:noted')).toEqual(['rewrites/selwyn-dispute.md'])
    const r = svc.search('haddad')
    expect(r.tags).toEqual([{ tag: 'port-strike', count: 2 }])
    expect(r.hits.find((h) => h.path === WIRE)).toMatchObject({ starred: true, tags: ['port-strike'] })
    expect(svc.tags()).toEqual([{ tag: 'port-strike', count: 2 }])
    // taken back
    await svc.annotate({ op: 'star', path: WIRE, on: false })
    expect(paths('is:starred')).toEqual([])
  })

  it('refuse bad input with a message and change nothing', async () => {
    await svc.annotate({ op: 'tag', path: WIRE, tag: 'port-strike', on: true })
    await expect(svc.annotate({ op: 'tag', path: WIRE, tag: 'two words', on: true })).rejects.toThrow(/not a tag name/)
    await expect(svc.annotate({ op: 'note', path: WIRE, text: 'x'.repeat(1024 * 1024) })).rejects.toThrow(/limited to 10,000 characters/)
    await expect(svc.annotate({ op: 'note', path: WIRE, text: 'ok', passage: { start: 10, end: 99_999 } })).rejects.toThrow(/not in the article/)
    await expect(svc.annotate({ op: 'delete-note', path: WIRE, id: 'nope' })).rejects.toThrow(/No note "nope"/)
    expect(() => svc.search('tag:porte')).toThrow(/No article has the tag "porte"; your tags: port-strike/)
    expect(() => svc.search('is:urgent')).toThrow(/is:starred, is:tagged or is:noted/)
    expect(svc.annotations(WIRE)).toEqual({ starred: false, tags: ['port-strike'], notes: [] })
  })

  it('keep a note on its passage across re-indexing, and find it again after an edit before it, not after one inside it', async () => {
    const text = svc.document(WIRE).text
    const start = text.indexOf('4,200 containers')
    const a = await svc.annotate({ op: 'note', path: WIRE, text: 'figure from the union only', passage: { start, end: start + '4,200 containers'.length } })
    const id = a.notes[0]!.id
    expect(a.notes[0]).toMatchObject({ anchor: 'kept', passage: { start, quote: '4,200 containers' } })
    // the index deleted and built again from the unchanged archive: the note is where it was
    for (const f of readdirSync(svc.indexDir)) if (/^manifest\.|^segments$|^stories\./.test(f)) rmSync(path.join(svc.indexDir, f), { recursive: true, force: true })
    const fresh = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    expect((await fresh.update()).added).toBeGreaterThan(0)
    expect(fresh.annotations(WIRE).notes[0]).toMatchObject({ id, anchor: 'kept', passage: { start } })
    // an edit after the passage: still where it was
    const file = path.join(fx.root, WIRE)
    writeFileSync(file, ORIGINAL + '\nUpdated with a new paragraph at the end.\n')
    await svc.update()
    expect(svc.annotations(WIRE).notes[0]).toMatchObject({ id, anchor: 'kept', passage: { start } })
    // an edit before it: found again, further on
    writeFileSync(file, 'CORRECTION appended at the top of the story by the desk.\n\n' + ORIGINAL)
    await svc.update()
    const moved = svc.annotations(WIRE).notes[0]!
    expect(moved).toMatchObject({ id, anchor: 'moved', passage: { quote: '4,200 containers' } })
    expect(moved.passage!.start).toBeGreaterThan(start)
    expect(svc.document(WIRE).text.slice(moved.passage!.start, moved.passage!.end)).toBe('4,200 containers')
    // an edit inside it: flagged, never moved to a guess
    writeFileSync(file, ORIGINAL.replace('4,200 containers', '4,300 boxes'))
    await svc.update()
    expect(svc.annotations(WIRE).notes[0]).toMatchObject({ id, anchor: 'lost', text: 'figure from the union only' })
  })

  it("follow a renamed file, and two writers keep each other's marks", async () => {
    await svc.annotate({ op: 'star', path: WIRE, on: true })
    renameSync(path.join(fx.root, WIRE), path.join(fx.root, 'wire/strike-renamed.txt'))
    await svc.update()
    expect(svc.annotations('wire/strike-renamed.txt').starred).toBe(true)
    // the app and the CLI on one archive, each with its own copy of the file in memory
    const other = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    await svc.annotate({ op: 'tag', path: 'rewrites/selwyn-dispute.md', tag: 'from-app', on: true })
    await other.annotate({ op: 'tag', path: 'rewrites/selwyn-dispute.md', tag: 'from-cli', on: true })
    const reopened = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    expect(reopened.annotations('rewrites/selwyn-dispute.md').tags).toEqual(['from-app', 'from-cli'])
    expect(reopened.annotations('wire/strike-renamed.txt').starred).toBe(true)
  })

  it('set a damaged file aside with a notice instead of dropping it', async () => {
    await svc.annotate({ op: 'star', path: WIRE, on: true })
    const file = path.join(svc.indexDir, 'annotations.json')
    expect(existsSync(file)).toBe(true)
    writeFileSync(file, '{"format": "dateline-annotations", "docs": [trunc')
    const again = await ArchiveService.open(fx.root, { dataDir: fx.dataDir, workers: false })
    expect(again.status().notices?.join(' ')).toMatch(/stars, tags and notes file was damaged; it was kept as .*annotations\.json\.damaged-/)
    expect(readdirSync(path.dirname(file)).some((f) => f.startsWith('annotations.json.damaged-'))).toBe(true)
  })
})
