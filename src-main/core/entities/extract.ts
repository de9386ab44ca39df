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
import { qualifyGenericNames } from './extract/generic'
import { resolveCoreference } from './extract/coreference'
import { extractionDoc, type ExtractionDoc } from './extract/document'
import { findCapitalRuns, findDateline, findKnown } from './extract/finders'
import { joinOverAnd, joinOverOf } from './extract/refiners'
import { reconcileRecognized } from './extract/reconcile'
import { findByRecognizer } from './extract/recognize'
import { prepareText, type Prepared } from './prepare'
import type { DocEntity } from './types'

/** The stages in order; each one's input is what the ones before it left. */
export const EXTRACTION_STAGES: ReadonlyArray<(d: ExtractionDoc) => void> = [
  findDateline,
  findByRecognizer,
  findKnown,
  reconcileRecognized,
  classifyChunks,
  resolveCoreference,
  qualifyGenericNames
]

/**
 * For a scraped copy that lost its punctuation and its line breaks: it has no sentences, and the recogniser, trained
 * on sentences, reads names across them ("PORT ALDERVIK May 12 Ferry…"); the rules, written for
 * such copies, find the capitalised runs and cut them where the next sentence begins.
 */
export const STRIPPED_STAGES: ReadonlyArray<(d: ExtractionDoc) => void> = [
  findKnown,
  findDateline,
  findCapitalRuns,
  joinOverOf,
  joinOverAnd,
  classifyChunks,
  resolveCoreference,
  qualifyGenericNames
]

/**
 * `prep`: the text's prepareText(), when the caller already has it (analysis shares one);
 * `stages`: another pipeline, for the evaluation scripts to compare variants.
 */
export function extractEntities(original: string, prep: Prepared = prepareText(original), stages?: ReadonlyArray<(d: ExtractionDoc) => void>): DocEntity[] {
  const pipeline = stages ?? (prep.repaired && withoutSentences(prep.text) ? STRIPPED_STAGES : EXTRACTION_STAGES)
  const d = extractionDoc(original, prep, pipeline !== EXTRACTION_STAGES)
  for (const stage of pipeline) stage(d)
  return collectEntities(d)
}

/**
 * A repaired copy whose lines run 40 words on average: its sentence ends are the repair's
 * guesses, not the writer's (a copy that kept a line per sentence or paragraph keeps its sentences).
 */
function withoutSentences(text: string): boolean {
  let lines = 1
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) lines++
    const space = c === 32 || c === 10 || c === 9 || c === 13
    if (!space && !inWord) words++
    inWord = !space
  }
  return words / lines > 40
}
