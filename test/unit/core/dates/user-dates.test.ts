import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyUserDates, loadUserDates, saveUserDates, userDateLookup } from '../../../../src-main/core/dates/user-dates'

describe('dates the user set', () => {
  it('are found by path, and by content when the file was moved', () => {
    const data = { ...emptyUserDates(), dates: { 'a/old.txt': { date: '2015-03-09', hash: 'h1', at: 'now' }, 'b.txt': { date: null, hash: 'h2', at: 'now' } } }
    const lookup = userDateLookup(data)
    expect(lookup('a/old.txt', 'zz')?.date).toBe('2015-03-09')
    expect(lookup('moved/new.txt', 'h1')?.date).toBe('2015-03-09')
    expect(lookup('b.txt', 'h2')).toMatchObject({ date: null })
    expect(lookup('c.txt', 'h3')).toBeUndefined()
  })

  it('survive a round trip, and a damaged file is kept aside, never silently lost', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-dates-'))
    const f = path.join(dir, 'dates.json')
    const data = { ...emptyUserDates(), dates: { 'x.txt': { date: '2016-01-02', hash: 'h', at: 'now' } } }
    await saveUserDates(f, data)
    expect(await loadUserDates(f)).toEqual(data)
    writeFileSync(f, 'not json')
    expect(await loadUserDates(f)).toEqual(emptyUserDates())
    expect(readdirSync(dir).some((n) => n.startsWith('dates.json.damaged-'))).toBe(true)
  })
})
