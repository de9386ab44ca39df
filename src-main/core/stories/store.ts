/**
 * The story links on disk: stories.json (a snapshot) and stories.log (the documents linked or
 * forgotten since, one line per update), kept like the manifest (store/journal.ts).
 */
import path from 'node:path'
import { Journal, type JournalEntry } from '../store/journal'
import { StoryLinks, type LinksChange, type LinksFile } from './links'

/** text-reuse links between documents, kept incrementally */
const STORIES_FILE = 'stories.json'
const STORIES_LOG = 'stories.log'

export interface StoriesChange extends JournalEntry {
  docs: LinksChange
}

export type StoriesJournal = Journal<LinksFile, StoriesChange>

/** stories.json and the changes logged since; damaged or missing, they are rebuilt (derived data). */
export async function loadStoryLinks(dir: string): Promise<{ links: StoryLinks; journal: StoriesJournal }> {
  const journal = new Journal<LinksFile, StoriesChange>(path.join(dir, STORIES_FILE), path.join(dir, STORIES_LOG))
  try {
    const { snapshot, entries } = await journal.load((json) => JSON.parse(json) as LinksFile)
    const links = StoryLinks.fromFile(snapshot)
    if (snapshot) for (const e of entries) links.applyChange(e.docs)
    return { links, journal }
  } catch {
    return { links: new StoryLinks(), journal }
  }
}
