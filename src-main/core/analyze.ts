/**
 * Everything Dateline extracts from one document at index time, in one pure function: its index
 * terms, entities, the text fingerprint for finding copies and rewrites, the date evidence and the
 * reported events. Kept apart from the service so it can run anywhere (a worker thread, a test) on
 * a Document alone.
 */
import type { Document } from './archive/document'
import { findDateEvidence } from './dates/evidence'
import { extractEntities } from './entities/extract'
import { isBoilerplateLine, looksStripped, prepareText } from './entities/prepare'
import type { NewSegmentDoc } from './search/segment'
import { countTerms } from './search/terms'
import { findEvents } from './timeline/events'
import { sampleOf, shingle } from './stories/shingles'

/**
 * The analysis reads this much of a text at most (~600 pages): a 55 MB "article" (a dump, a whole
 * book) is searchable in full, but its entities, dates, events and fingerprint come from its start
 * (analysing all of it peaked at 3.5 GB). Articles are far below it.
 */
export const ANALYSIS_MAX_CHARS = 4_000_000

/** The part of a text the analysis reads: all of it, or its start cut at a line end. */
export function analysedPart(text: string): string {
  if (text.length <= ANALYSIS_MAX_CHARS) return text
  const cut = text.lastIndexOf('\n', ANALYSIS_MAX_CHARS)
  return text.slice(0, cut > ANALYSIS_MAX_CHARS / 2 ? cut : ANALYSIS_MAX_CHARS)
}

export function analyzeDocument(d: Document): NewSegmentDoc {
  const text = analysedPart(d.text) // offsets into it are offsets into d.text: it is its start
  const set = shingle(text).set
  const prepared = prepareText(text) // boilerplate blanked, a stripped copy repaired: once for both extractors
  return {
    id: d.id,
    title: d.title,
    text: d.text,
    terms: { title: countTerms(d.title), body: countTerms(d.text) },
    entities: extractEntities(text, prepared),
    sample: sampleOf(set),
    story: {
      shingles: set.length,
      stripped: looksStripped(text),
      boilerplate: (text.match(/[^\n]+/g) ?? []).filter(isBoilerplateLine).length
    },
    dates: findDateEvidence(text),
    events: findEvents(text, prepared)
  }
}

/**
 * Phase 1 of two-phase indexing: only what makes the text searchable (its index terms). The
 * analysis is left empty and the document marked pending; update/analyse-pending.ts fills it in.
 */
export function textOnlyDocument(d: Document): NewSegmentDoc {
  return {
    id: d.id,
    title: d.title,
    text: d.text,
    terms: { title: countTerms(d.title), body: countTerms(d.text) },
    entities: [],
    sample: new Uint32Array(0),
    story: { shingles: 0, stripped: false, boilerplate: 0 },
    dates: { mentions: [], weekdays: [] },
    events: [],
    pending: true
  }
}

/**
 * Load the tagger model, gazetteer and date parser now (about a second, once per process) so the
 * first imported or changed file after opening an archive is indexed without that delay.
 */
export function warmUpAnalysis(): void {
  analyzeDocument({ id: 'warm-up', path: 'warm-up.txt', size: 0, mtimeMs: 0, hash: '', encoding: 'utf-8', title: 'Warm-up', text: 'Warm-up\n\nAna Costa said in Lisbon last week that 3 people were hurt.' })
}
