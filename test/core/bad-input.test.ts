// #25 acceptance: a folder of ≥ 50 kinds of hostile files (encodings, names, links, sizes, special
// files, damaged formats, files changing between the scan and the read). Each is indexed correctly
// or refused with a reason that is true; none crashes or stalls the run; a second run changes nothing.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { HOSTILE_MAX_BYTES, hostileKinds, writeHostileFolder } from '../fixtures/hostile-folder'
import { tempDir } from '../fixtures/imports'

describe('a folder of hostile files', () => {
  it('has at least 50 kinds', () => {
    expect(hostileKinds().length).toBeGreaterThanOrEqual(50)
  })

  it('indexes each correctly or refuses it with a true reason, in one run that neither crashes nor stalls', async () => {
    const base = tempDir('bad-input')
    const root = path.join(base, 'archive')
    const kinds = writeHostileFolder(root)
    const svc = await ArchiveService.open(root, { dataDir: path.join(base, 'data'), maxFileBytes: HOSTILE_MAX_BYTES })
    let changed = false
    const t0 = performance.now()
    const report = await svc.update((p) => {
      if (p.phase === 'read' && !changed) {
        changed = true
        for (const k of kinds) k.afterScan?.(root)
      }
    })
    // far above the time it takes (a few seconds), far below a stall
    expect(performance.now() - t0).toBeLessThan(90_000)
    expect(changed).toBe(true)

    const skipped = new Map(report.skipped.map((s) => [s.path, s.reason]))
    const problems: string[] = []
    for (const k of kinds) {
      const doc = (() => {
        try {
          return svc.document(k.path)
        } catch {
          return undefined
        }
      })()
      if (k.expect === 'indexed') {
        if (!doc) {
          problems.push(`${k.kind}: not indexed (${skipped.get(k.path) ?? 'no reason given'})`)
          continue
        }
        if (k.contains && !doc.text.includes(k.contains)) problems.push(`${k.kind}: text lacks ${k.contains}: ${JSON.stringify(doc.text.slice(0, 80))}`)
        if (k.encoding && doc.encoding.name !== k.encoding) problems.push(`${k.kind}: read as ${doc.encoding.name}, not ${k.encoding}`)
        if (k.search && !svc.search(k.search).hits.some((h) => h.path === k.path)) problems.push(`${k.kind}: "${k.search}" does not find it`)
      } else if (k.expect === 'refused') {
        const reason = skipped.get(k.path)
        if (doc) problems.push(`${k.kind}: indexed, should be refused`)
        else if (!reason) problems.push(`${k.kind}: left out without a reason`)
        else if (!k.reason!.test(reason)) problems.push(`${k.kind}: reason "${reason}" is not ${k.reason}`)
      } else if (doc) problems.push(`${k.kind}: indexed, should be left out`)
    }
    expect(problems).toEqual([])

    // nothing is "added" again, or lost, by the next run over the same folder
    const again = await svc.update()
    expect({ added: again.added, removed: again.removed, documents: again.documents }).toEqual({ added: 0, removed: 0, documents: report.documents })
    await svc.close()
  }, 180_000)
})
