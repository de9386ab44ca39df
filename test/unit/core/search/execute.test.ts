import { describe, expect, it } from 'vitest'
import { execute } from '../../../../src-main/core/search/execute'
import { lowerQuery } from '../../../../src-main/core/search/plan'
import { parseQuery } from '../../../../src-main/core/search/query'
import { Segment } from '../../../../src-main/core/search/segment'
import { segmentDoc } from '../../segment-docs'

const docs = [
  segmentDoc('a', 'Strike on the port', 'An air strike hit the port of Valmora at dawn.'),
  segmentDoc('b', 'Talks resume', 'Talks resume in Kestrel Bay; the port stays closed.'),
  segmentDoc('c', 'Flood warning', 'A flood warning was issued for Kestrel Bay.'),
  segmentDoc('d', 'Port strike ends', 'Dock workers ended their strike at the port.')
]
const all = (s: Segment) => new Uint8Array(s.size).fill(1)
const run = (q: string, segments: Segment[], live = all) =>
  execute(lowerQuery(parseQuery(q)).plan, segments, { live }).matches.map((m) => ({ ref: m.ref, score: m.score })).sort((x, y) => (x.ref < y.ref ? -1 : 1))

describe('query execution over segments', () => {
  const one = [Segment.build('s1', docs)]
  const split = [Segment.build('s1', docs.slice(0, 2)), Segment.build('s2', docs.slice(2))]

  it('evaluates AND, OR, NOT and phrases', () => {
    expect(run('strike port', one).map((m) => m.ref)).toEqual(['a', 'd'])
    expect(run('flood OR talks', one).map((m) => m.ref)).toEqual(['b', 'c'])
    expect(run('port -strike', one).map((m) => m.ref)).toEqual(['b'])
    expect(run('"kestrel bay"', one).map((m) => m.ref)).toEqual(['b', 'c'])
    expect(run('"bay kestrel"', one)).toEqual([])
  })

  it('scores a document the same whichever segment holds it', () => {
    const a = run('strike OR kestrel', one)
    const b = run('strike OR kestrel', split)
    expect(b.map((m) => m.ref)).toEqual(a.map((m) => m.ref))
    b.forEach((m, i) => expect(m.score).toBeCloseTo(a[i]!.score, 9))
  })

  it('skips documents the live mask leaves out (replaced versions)', () => {
    const mask = (s: Segment) => Uint8Array.from(s.refs, (r) => (r === 'd' ? 0 : 1))
    expect(run('strike', one, mask).map((m) => m.ref)).toEqual(['a'])
  })

  it('ranks a title match above the same word in the body', () => {
    const m = execute(lowerQuery(parseQuery('flood')).plan, one, { live: all }).matches
    expect(m.map((x) => x.ref)).toEqual(['c'])
    const title = execute(lowerQuery(parseQuery('talks')).plan, [Segment.build('t', [segmentDoc('x', 'Talks', 'nothing here'), segmentDoc('y', 'Nothing', 'talks here')])], { live: all }).matches
    expect(title.sort((p, q) => q.score - p.score)[0]!.ref).toBe('x')
  })
})
