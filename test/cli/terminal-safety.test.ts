// #25 item 12: a title carrying terminal escape sequences is printed as text, never obeyed.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../fixtures/imports'
import { runDateline } from './run-dateline'

describe('the CLI in a terminal', () => {
  it('shows control characters of article titles instead of sending them to the terminal', async () => {
    const base = tempDir('cli-escapes')
    const root = path.join(base, 'archive')
    mkdirSync(root, { recursive: true })
    writeFileSync(path.join(root, 'a.txt'), `Ferry talks \u001b]0;owned\u0007resume \u001b[31mred\n\n${'Officials said the ferry services between the islands would resume on Monday after repairs. '.repeat(4)}\n`)
    const r = await runDateline(['search', root, 'ferry', '--data', path.join(base, 'data')])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).not.toMatch(/[\u001b\u0007]/)
    expect(r.stdout).toContain('\\x1b]0;owned\\x07resume')
    const json = await runDateline(['search', root, 'ferry', '--data', path.join(base, 'data'), '--json'])
    expect(JSON.parse(json.stdout).hits[0].title).toContain('\u001b]0;owned')
  }, 60_000)
})
