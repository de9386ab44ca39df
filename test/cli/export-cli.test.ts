// `dateline export --documents --json-lines`: the whole archive's annotations for other tools.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runDateline } from './run-dateline'
import { writeFixtureArchive, type FixtureArchive } from '../fixtures/archive'

const dateline = (...args: string[]) => runDateline(args)

let fx: FixtureArchive
let out: string

beforeAll(async () => {
  fx = writeFixtureArchive()
  out = mkdtempSync(path.join(tmpdir(), 'dateline-export-'))
  expect((await dateline('index', fx.root, '--data', fx.dataDir)).code).toBe(0)
})

describe('dateline export', () => {
  it('writes one line per article, each exactly what doc --json prints for it, in path order', async () => {
    const r = await dateline('export', fx.root, '--documents', '--json-lines', '--data', fx.dataDir)
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    const docs = lines.map((l) => JSON.parse(l) as { path: string; entities: Array<{ mentions: number[][] }> })
    expect(docs.map((d) => d.path)).toEqual([...docs.map((d) => d.path)].sort())
    expect(docs.length).toBe(5)
    for (const [i, d] of docs.entries()) {
      const one = await dateline('doc', fx.root, d.path, '--json', '--data', fx.dataDir)
      expect(lines[i]).toBe(one.stdout.trim())
    }
    // entities carry their mentions' offsets in the article's text
    expect(docs.some((d) => d.entities.some((e) => e.mentions.length > 0))).toBe(true)
  })

  it('writes to a new file, and refuses to write over an existing one', async () => {
    const file = path.join(out, 'annotations.jsonl')
    const r = await dateline('export', fx.root, '--documents', '--json-lines', '--out', file, '--data', fx.dataDir)
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('exported 5 documents')
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(5)

    const kept = path.join(out, 'kept.jsonl')
    writeFileSync(kept, 'the user\'s own file\n')
    const again = await dateline('export', fx.root, '--documents', '--json-lines', '--out', kept, '--data', fx.dataDir)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/^dateline: export: .*kept\.jsonl exists/)
    expect(readFileSync(kept, 'utf8')).toBe('the user\'s own file\n')
  })

  it('says what is missing when --documents or --json-lines is left out', async () => {
    const r = await dateline('export', fx.root, '--json-lines', '--data', fx.dataDir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--documents')
    const s = await dateline('export', fx.root, '--documents', '--data', fx.dataDir)
    expect(s.code).toBe(2)
    expect(s.stderr).toContain('--json-lines')
  })
})
