/** What an index update reports, and the progress it sends while it runs. */
import type { Skipped } from '../archive/scan'
import type { FormatName } from '../formats/types'
import type { SyncStats } from '../stories/links'

export interface IndexReport {
  documents: number
  /** files and articles in the index by format (a mailbox: one file, many articles) */
  formats: Partial<Record<FormatName, { files: number; articles: number }>>
  added: number
  updated: number
  removed: number
  unchanged: number
  skipped: Skipped[]
  /** articles indexed with a limit on their analysis, and why (the first 4 million characters; a time budget run over) */
  notes: Skipped[]
  /** relative paths that were read and (re)processed in this run */
  processed: string[]
  /** what changed in the index, path by path (a removal and an addition with the same content is a rename) */
  changes: FileChange[]
  segments: { built: number; merged: number; total: number }
  /** problems found in the stored index and repaired */
  repaired: string[]
  /** story linking work: documents linked, candidate pairs from the sample index, pairs compared in full */
  stories: SyncStats
  /** articles searchable by their text but not analysed yet (two-phase indexing: the analysis follows) */
  pending: number
  /** phase 2, when this update ran it: articles analysed, segments rewritten with their analysis, time taken */
  analysis?: { articles: number; segments: number; ms: number }
  /** worker threads that analysed documents (0: analysed on the calling thread) */
  workers: number
  ms: number
}

export type FileChange =
  | { kind: 'added' | 'changed' | 'removed'; path: string }
  | { kind: 'renamed'; path: string; from: string }

export interface IndexProgress {
  /** 'analyse': phase 2 of two-phase indexing (done / total: articles analysed of the archive's) */
  phase: 'scan' | 'read' | 'index' | 'save' | 'analyse'
  done: number
  total: number
  current?: string
  /** what searches see has just changed (a segment built or analysed): the window refreshes */
  published?: true
}
