/**
 * The analyst's marks on articles — a star, tags, notes (on the article or on a passage) — kept
 * in the archive's data folder (never in the article files), keyed by the article's path, with its
 * content hash so a moved file keeps them. A damaged file is set aside, never silently dropped.
 */
import { writeFileAtomic } from '../store/atomic'
import { readTextIfExists } from '../store/read'

export const ANNOTATIONS_FILE = 'annotations.json'

/** Where a note sits in the text: the offsets, and the quoted words with a little context to find them again. */
export interface Passage {
  start: number
  end: number
  quote: string
  before: string
  after: string
}

export interface Note {
  id: string
  text: string
  at: string
  passage?: Passage
}

export interface DocAnnotations {
  /** the article's content hash when last annotated: a moved file is recognised by it */
  hash: string
  starred?: boolean
  tags?: string[]
  notes?: Note[]
}

export interface AnnotationsFile {
  format: 'dateline-annotations'
  version: 1
  docs: Record<string, DocAnnotations>
}

export function emptyAnnotations(): AnnotationsFile {
  return { format: 'dateline-annotations', version: 1, docs: {} }
}

export async function loadAnnotations(file: string): Promise<{ data: AnnotationsFile; problem?: string }> {
  const raw = await readTextIfExists(file, 'read your stars, tags and notes')
  if (raw === undefined) return { data: emptyAnnotations() }
  try {
    const parsed = JSON.parse(raw) as AnnotationsFile
    if (parsed.format === 'dateline-annotations' && parsed.docs && typeof parsed.docs === 'object' && !Array.isArray(parsed.docs)) return { data: parsed }
  } catch {
    // fall through
  }
  const aside = `${file}.damaged-${Date.now()}`
  await writeFileAtomic(aside, raw).catch(() => {})
  return { data: emptyAnnotations(), problem: `Your stars, tags and notes file was damaged; it was kept as ${aside} and a new one started.` }
}

export async function saveAnnotations(file: string, data: AnnotationsFile): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(data, null, 1))
}
