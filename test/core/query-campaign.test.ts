// #25: generated queries — well-formed, malformed, oversized, deeply nested, strange — through the
// core and the command line. No query crashes; every refusal is a message a user can act on. (The
// full campaign with its time bound per query is `npm run fuzz:queries`: 10,000 queries.)
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { DatelineError } from '../../src-main/core/errors'
import { unclearMessage } from '../../tools/fuzz/clear'
import { generatedQuery } from '../../tools/fuzz/queries'
import { articleText, tempDir } from '../fixtures/imports'
import { runDateline } from '../cli/run-dateline'

async function archive() {
  const base = tempDir('query-campaign')
  const root = path.join(base, 'archive')
  mkdirSync(root, { recursive: true })
  for (let i = 0; i < 40; i++) writeFileSync(path.join(root, `a${i}.txt`), articleText(i))
  const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data'), workers: false })
  await svc.update()
  return { root, data: path.join(base, 'data'), svc }
}

describe('generated queries', () => {
  it('1,500 through the core: none crashes, each refusal is a clear message, and some are answered', async () => {
    const { svc } = await archive()
    const failures: string[] = []
    let answered = 0
    for (let i = 0; i < 1500; i++) {
      const q = generatedQuery(3, i, ['valmora'])
      try {
        svc.search(q, { limit: 10, ...(i % 3 === 0 ? { sort: 'date' as const } : {}) })
        answered++
      } catch (err) {
        if (!(err instanceof DatelineError)) failures.push(`#${i} ${JSON.stringify(q.slice(0, 80))} crashed: ${String(err)}`)
        else if (unclearMessage(err.message)) failures.push(`#${i} ${JSON.stringify(q.slice(0, 80))}: ${unclearMessage(err.message)}: ${err.message}`)
      }
    }
    expect(failures).toEqual([])
    // the generator is not all junk: a campaign of refusals would test nothing
    expect(answered).toBeGreaterThan(300)
    await svc.close()
  }, 120_000)

  it('one of each kind through `dateline search`: exit 0, or exit 2 with a one-line message', async () => {
    const { root, data, svc } = await archive()
    await svc.close()
    const problems: string[] = []
    // queries 0–9 are the generator's special kinds (empty, blank, long, fuzzy, brackets, many terms,
    // prefixes, punctuation, arbitrary characters, an unclosed phrase), 10 an ordinary one
    for (let i = 0; i <= 10; i++) {
      const q = generatedQuery(3, i, ['valmora'])
      if (q.includes('\0')) continue // a command's arguments cannot hold NUL
      const r = await runDateline(['search', root, q, '--data', data, '--limit', '3'])
      if (r.code === 0) continue
      const msg = r.stderr.trim()
      if (r.code !== 2) problems.push(`#${i}: exit ${r.code}: ${msg.slice(0, 200)}`)
      else if (unclearMessage(msg) || msg.split('\n').length > 2) problems.push(`#${i}: unclear: ${msg.slice(0, 200)}`)
    }
    expect(problems).toEqual([])
  }, 180_000)
})
