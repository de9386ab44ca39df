/**
 * What a format reader gives back: one or more articles, each with its text (what the user sees
 * and what offsets refer to), a title when the format names one, and the metadata the file states,
 * each value with where it came from ("JSON-LD datePublished", "Load-Date line").
 */
import type { Encoding } from '../text/decode'

export type FormatName = 'text' | 'markdown' | 'html' | 'mhtml' | 'pdf' | 'docx' | 'odt' | 'rtf' | 'email' | 'mbox' | 'feed' | 'nexis' | 'factiva'

/** A date the file states, as the file gave it, read to a day (or month/year) with its origin. */
export interface StatedMetaDate {
  /** "2021-06-04" (day), "2021-06" (month) or "2021" (year) */
  date: string
  /** where it was read: "JSON-LD datePublished", "Date header" */
  from: string
}

export interface ArticleMeta {
  /** the outlet that published it: "The Harbour Gazette" */
  outlet?: string
  author?: string
  url?: string
  language?: string
  published?: StatedMetaDate
  modified?: StatedMetaDate
  /** when the copy was made (a browser's print date in a PDF's header): never the publication date */
  captured?: StatedMetaDate
  /** the word count the export states */
  words?: number
  /** a short label of where each field came from, for the reader: { outlet: 'og:site_name' } */
  origins?: Partial<Record<'outlet' | 'author' | 'url' | 'language' | 'words', string>>
}

export interface Article {
  text: string
  /** the title the format gives (a page's headline, a message's subject); else read from the text */
  title?: string
  meta: ArticleMeta
}

export type ReadResult =
  | {
      ok: true
      format: FormatName
      /** a file that holds articles by position (a mailbox, a feed, an export): each gets a path "file#n" */
      container: boolean
      articles: Article[]
      encoding: Encoding
      /** what decoding repaired or guessed ("2 invalid UTF-8 sequences replaced", "detected as koi8-r") */
      encodingNote?: string
    }
  | { ok: false; reason: string }

export interface DocumentReader {
  /** lower-case extensions with the dot */
  extensions: string[]
  /** a parser heavy or complex enough to run in the reader thread, with a time and memory budget */
  isolated?: boolean
  read(bytes: Uint8Array): ReadResult | Promise<ReadResult>
}

/** An article's text as the reader shows it: the headline the file gives above the body, unless the body already opens with it. */
export function headed(title: string | undefined, body: string): string {
  return title && !body.startsWith(title) ? `${title}\n\n${body}` : body
}

/** Limits every reader keeps: a damaged or hostile file is refused with a reason, never a hang. */
export const LIMITS = {
  /** bytes a compressed part (DOCX, ODT) may inflate to */
  maxInflated: 200 * 1024 * 1024,
  /** ratio of inflated to compressed size above which a zip is taken for a bomb */
  maxRatio: 200,
  /** articles in one container file (a mailbox of years of daily newsletters holds a few thousand) */
  maxArticles: 100_000,
  /** pages read from a PDF */
  maxPages: 2_000
}
