/**
 * Entities of one document: people, organisations and places with their mentions, as a pipeline
 * of small stages over text prepared once (see docs/design/entities.md):
 *
 *   prepare (blank boilerplate, repair stripped text) → wink tokens and POS tags
 *   → finders (curated aliases, a dateline in capitals, capitalised runs)
 *   → refiners (names over "of"/"for" and "and")
 *   → classifiers (cues, first names, organisation heads, the gazetteer)
 *   → coreference (surnames, possessives, short names, "the Observatory", acronyms)
 *   → one DocEntity per merge key.
 *
 * Each stage reads and changes the shared ExtractionDoc (extract/document.ts). Offsets always
 * refer to the original text.
 */
import { classifyChunks } from './extract/classify'
import { collectEntities } from './extract/collect'
import { resolveCoreference } from './extract/coreference'
import { extractionDoc, type ExtractionDoc } from './extract/document'
import { findCapitalRuns, findDateline, findKnown } from './extract/finders'
import { joinOverAnd, joinOverOf } from './extract/refiners'
import { prepareText, type Prepared } from './prepare'
import type { DocEntity } from './types'

/** The stages in order; each one's input is what the ones before it left. */
export const EXTRACTION_STAGES: ReadonlyArray<(d: ExtractionDoc) => void> = [
  findKnown,
  findDateline,
  findCapitalRuns,
  joinOverOf,
  joinOverAnd,
  classifyChunks,
  resolveCoreference
]

/**
 * `prep`: the text's prepareText(), when the caller already has it (analysis shares one);
 * `stages`: another pipeline, for the evaluation scripts to compare variants.
 */
export function extractEntities(original: string, prep: Prepared = prepareText(original), stages: ReadonlyArray<(d: ExtractionDoc) => void> = EXTRACTION_STAGES): DocEntity[] {
  const d = extractionDoc(original, prep)
  for (const stage of stages) stage(d)
  return collectEntities(d)
}
