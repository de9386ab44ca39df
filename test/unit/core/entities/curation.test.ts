import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyCuration, loadCuration, parseCuration, saveCuration } from '../../../../src-main/core/entities/curation'

const file = (ops: unknown[]) => JSON.stringify({ format: 'dateline-curation', version: 1, ops })

describe('entity corrections file', () => {
  it('round-trips through the disk, and is empty when there is none yet', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-cur-'))
    const f = path.join(dir, 'curation.json')
    expect(await loadCuration(f)).toEqual({ curation: emptyCuration(), problems: [] })
    const c = { ...emptyCuration(), ops: [{ op: 'hide' as const, keys: ['place:x'], at: '2026-01-01T00:00:00Z' }] }
    await saveCuration(f, c)
    expect(await loadCuration(f)).toEqual({ curation: c, problems: [] })
  })

  it('refuses what it cannot trust, saying which operation and why', () => {
    expect(() => parseCuration('{', 'The file')).toThrow(/not valid JSON/)
    expect(() => parseCuration('{"format":"x"}', 'The file')).toThrow(/not a Dateline entity-curation file/)
    expect(() => parseCuration(file([{ op: 'merge', keys: ['a'] }]), 'The file')).toThrow(/operation 1 merges fewer than two/)
    expect(() => parseCuration(file([{ op: 'merge', keys: ['a', 'a'] }]), 'The file')).toThrow(/operation 1 merges fewer than two/)
    expect(() => parseCuration(file([{ op: 'hide', keys: ['a'] }, { op: 'rename', keys: ['a'], name: ' ' }]), 'The file')).toThrow(/operation 2 has no new name/)
    expect(() => parseCuration(file([{ op: 'retype', keys: ['a'], type: 'city' }]), 'The file')).toThrow(/unknown type/)
  })

  it('never lets a damaged file on disk make the archive unusable: the valid corrections stay in use, the file is kept aside', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-cur-'))
    const f = path.join(dir, 'curation.json')
    writeFileSync(f, file([{ op: 'hide', keys: ['place:x'], at: 't' }, { op: 'merge', keys: ['a', 'a'], at: 't' }]))
    const { curation, problems } = await loadCuration(f)
    expect(curation.ops).toEqual([{ op: 'hide', keys: ['place:x'], at: 't' }])
    expect(problems[0]).toMatch(/operation 2 merges fewer than two/)
    expect(readdirSync(dir).some((n) => n.startsWith('curation.json.damaged-'))).toBe(true)
    writeFileSync(f, '{"format": "dateline-curation", "ver')
    expect((await loadCuration(f)).curation).toEqual(emptyCuration())
  })
})
