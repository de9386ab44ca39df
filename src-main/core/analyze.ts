/**
 * Everything Dateline extracts from one document at index time, in one pure function: entities,
 * the text fingerprint for finding copies and rewrites, the date evidence and the reported events. Kept apart from the
 * service so it can run anywhere (a worker thread, a test) on a Document alone.
 */
import type { Document } from './archive/document'
import { findDateEvidence } from './dates/evidence'
import { extractEntities } from './entities/extract'
import { isBoilerplateLine, looksStripped } from './entities/prepare'
import type { SegmentDoc } from './search/segment'
import { findEvents } from './timeline/events'
import { encodeSample, sampleOf, shingle } from './stories/shingles'

export function analyzeDocument(d: Document): Omit<SegmentDoc, 'len'> {
  const set = shingle(d.text).set
  return {
    id: d.id,
    title: d.title,
    text: d.text,
    entities: extractEntities(d.text),
    story: {
      sample: encodeSample(sampleOf(set)),
      shingles: set.length,
      stripped: looksStripped(d.text),
      boilerplate: (d.text.match(/[^\n]+/g) ?? []).filter(isBoilerplateLine).length
    },
    dates: findDateEvidence(d.text),
    events: findEvents(d.text)
  }
}
