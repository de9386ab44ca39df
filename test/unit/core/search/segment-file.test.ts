import { describe, expect, it } from 'vitest'
import { Segment } from '../../../../src-main/core/search/segment'
import { decodeSegment, encodeSegment } from '../../../../src-main/core/search/segment-file'
import { segmentDoc } from '../../segment-docs'

const seg = Segment.build('s7', [segmentDoc('a', 'Strike on the port', 'An air strike hit the port.'), segmentDoc('b', 'Café talks', 'Talks at the café in Zürich — “resumed”.')])
const file = () => Buffer.concat(encodeSegment(seg.data))

describe('segment file', () => {
  it('reads back what was written: documents, texts, vocabulary and postings', () => {
    const back = decodeSegment(file(), 's7')
    if (back instanceof Error) throw back
    const again = new Segment(back)
    expect(again.refs).toEqual(['a', 'b'])
    expect(again.docs.get('b')!.text).toBe('Talks at the café in Zürich — “resumed”.')
    expect(back.terms).toEqual(seg.data.terms)
    expect(back.postings.map((p) => [...p.doc])).toEqual(seg.data.postings.map((p) => [...p.doc]))
    expect(back.postings.map((p) => [...p.tf])).toEqual(seg.data.postings.map((p) => [...p.tf]))
  })

  it('refuses a flipped bit, a truncated file, a foreign file and another segment\'s file', () => {
    const flipped = file()
    flipped[flipped.length - 3]! ^= 1
    expect(decodeSegment(flipped, 's7')).toBeInstanceOf(Error)
    expect(decodeSegment(file().subarray(0, 40), 's7')).toBeInstanceOf(Error)
    expect(decodeSegment(Buffer.from('{"not":"a segment"}'), 's7')).toBeInstanceOf(Error)
    expect(String(decodeSegment(file(), 's8'))).toMatch(/holds s7, not s8/)
  })
})
