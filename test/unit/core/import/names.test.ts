import { describe, expect, it } from 'vitest'
import { numberedName, portableName } from '../../../../src-main/core/import/names'

describe('portable file names', () => {
  it('keep a name every file system accepts, and say why another was changed', () => {
    expect(portableName('ferry report.txt')).toEqual({ name: 'ferry report.txt' })
    const bad = portableName('what: now?.txt')
    expect(bad.name).toBe('what_ now_.txt')
    expect(bad.changed).toMatch(/not allowed/)
    expect(portableName('CON.txt').name).toBe('_CON.txt')
  })

  it('shorten a long name to 255 bytes without cutting a character or the extension', () => {
    const long = `${'ü'.repeat(200)}.txt`
    const p = portableName(long)
    expect(Buffer.byteLength(p.name)).toBeLessThanOrEqual(255)
    expect(p.name.endsWith('.txt')).toBe(true)
    expect(p.name).not.toMatch(/\uFFFD/)
    expect(numberedName('report.txt', 2)).toBe('report (2).txt')
    expect(Buffer.byteLength(numberedName(long.slice(0, 127) + '.txt', 12))).toBeLessThanOrEqual(255)
  })
})
