import { describe, expect, it } from 'vitest'
import { Segment } from '../../../../src-main/core/search/segment'
import { termFor } from '../../../../src-main/core/search/terms'
import { segmentDoc } from '../../segment-docs'

const docs = [
  segmentDoc('a', 'Strike on the port', 'An air strike hit the port of Valmora at dawn.'),
  segmentDoc('b', 'Talks resume', 'Talks between the ministries resume in Kestrel Bay; the port stays closed.'),
  segmentDoc('c', 'Flood warning', 'A flood warning was issued for Kestrel Bay and the valley.')
]
const t = (w: string) => termFor(w)!

describe('segment', () => {
  const seg = Segment.build('s1', docs)

  it('holds each document with its text, title and field lengths, by id and by ordinal', () => {
    expect(seg.size).toBe(3)
    expect(seg.refs).toEqual(['a', 'b', 'c'])
    expect(seg.ordinalOf('b')).toBe(1)
    expect(seg.ordinalOf('zz')).toBe(-1)
    expect(seg.docs.get('c')!.text).toBe(docs[2]!.text)
    expect(seg.textAt(0)).toBe(docs[0]!.text)
    expect(seg.docs.get('a')!.len).toEqual([docs[0]!.terms.title.length, docs[0]!.terms.body.length])
  })

  it('counts (field, document) postings as Lunr\'s df, and gives each term\'s postings per field', () => {
    expect(seg.df(t('port'))).toBe(3) // a's title and body, b's body
    expect(seg.df(t('kestrel'))).toBe(2)
    expect(seg.df(t('nowhere'))).toBe(0)
    const p = seg.postingsOf(t('port'), 'body')
    expect([...p.doc.subarray(p.from, p.to)]).toEqual([0, 1])
    expect(seg.has(0, t('strike'), ['title'])).toBe(true)
    expect(seg.has(1, t('strike'))).toBe(false)
  })

  it('expands a prefix and a fuzzy term to the vocabulary they match', () => {
    expect(seg.expand({ term: 'kest', prefix: true })).toEqual([t('kestrel')])
    expect(seg.expand({ term: 'flod', editDistance: 1 })).toContain(t('flood'))
  })

  it('merges segments keeping only the documents asked for, with the same postings and texts', () => {
    const other = Segment.build('s2', [segmentDoc('d', 'Port reopens', 'The port of Valmora reopened on Monday.')])
    const merged = Segment.merge('s3', [
      { segment: seg, keep: (ref) => ref !== 'b' },
      { segment: other, keep: () => true }
    ])
    expect(merged.refs).toEqual(['a', 'c', 'd'])
    expect(merged.df(t('port'))).toBe(4) // a (title, body), d (title, body); b's is gone
    expect(merged.df(t('ministries'))).toBe(0)
    expect(merged.docs.get('d')!.text).toBe('The port of Valmora reopened on Monday.')
    expect([...merged.sampleAt(merged.ordinalOf('c'))]).toEqual([...seg.sampleAt(2)])
    expect(merged.has(merged.ordinalOf('a'), t('dawn'))).toBe(true)
  })
})
