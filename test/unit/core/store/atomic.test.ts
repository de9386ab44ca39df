import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic, writeNewFileDurably } from '../../../../src-main/core/store/atomic'

describe('atomic writes', () => {
  it('replace a file whole and leave no temporary file behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-atomic-'))
    const file = path.join(dir, 'manifest.json')
    writeFileSync(file, 'old')
    await writeFileAtomic(file, [Buffer.from('new '), Buffer.from('content')])
    expect(readFileSync(file, 'utf8')).toBe('new content')
    expect(readdirSync(dir)).toEqual(['manifest.json'])
  })

  it('never overwrite an existing file when asked for a new one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-atomic-'))
    const file = path.join(dir, 'article.txt')
    await writeNewFileDurably(file, 'first')
    await expect(writeNewFileDurably(file, 'second')).rejects.toThrow()
    expect(readFileSync(file, 'utf8')).toBe('first')
  })
})
