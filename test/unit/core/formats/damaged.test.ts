// Damaged files of every format (truncated, bytes overwritten): each is read or refused with a
// reason, never an exception and never a hang. Deterministic: the same mutations every run.
import { describe, expect, it } from 'vitest'
import { readDocuments } from '../../../../src-main/core/archive/document'
import { allFormatFiles } from '../../../fixtures/formats'

describe('damaged files of every format', () => {
  it('are read or refused with a reason, one by one', async () => {
    let seed = 7
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    let refused = 0
    let read = 0
    for (const [p, bytes] of Object.entries(allFormatFiles())) {
      for (let k = 0; k < 9; k++) {
        let m: Uint8Array
        if (k % 3 === 0) m = bytes.slice(0, Math.floor(rnd() * bytes.length))
        else {
          m = bytes.slice()
          for (let j = 0; j < 1 + Math.floor(rnd() * 20); j++) m[Math.floor(rnd() * m.length)] = Math.floor(rnd() * 256)
        }
        const r = await readDocuments({ path: p, size: m.length, mtimeMs: 0 }, m)
        if (r.ok) {
          read++
          for (const d of r.docs) expect(d.text.trim().length, p).toBeGreaterThan(0)
        } else {
          refused++
          expect(r.reason, p).toMatch(/\w{4}/)
        }
      }
    }
    // most survive a few overwritten bytes; truncated containers and zips do not
    expect(read).toBeGreaterThan(0)
    expect(refused).toBeGreaterThan(0)
  }, 60_000)
})
