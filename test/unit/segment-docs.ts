// Small analysed documents for unit tests of the index, made without the tagger or gazetteer:
// terms are counted by the real index-term code; entities, dates and events are left empty.
import type { NewSegmentDoc } from '../../src-main/core/search/segment'
import { countTerms } from '../../src-main/core/search/terms'

export function segmentDoc(id: string, title: string, text: string): NewSegmentDoc {
  return {
    id,
    title,
    text,
    terms: { title: countTerms(title), body: countTerms(text) },
    entities: [],
    sample: new Uint32Array([id.length, text.length]),
    story: { shingles: 0, stripped: false, boilerplate: 0 },
    dates: { mentions: [], weekdays: [] },
    events: []
  }
}
