/** How the window says that answers cover only part of the archive while it is being indexed (two-phase indexing). */

/** "Entities for 3,200 of 10,000 articles — analysing the rest…" */
export function coverageLine(what: string, c: { analysed: number; of: number }): string {
  return `${what} for ${c.analysed.toLocaleString('en-US')} of ${c.of.toLocaleString('en-US')} ${c.of === 1 ? 'article' : 'articles'} — analysing the rest…`
}

/** " · indexing: 1,000 articles searchable so far (2,000 of 10,000 files read)" */
export function indexingLine(i: { searchable: number; done: number; total: number }): string {
  return ` · indexing: ${i.searchable.toLocaleString('en-US')} articles searchable so far (${i.done.toLocaleString('en-US')} of ${i.total.toLocaleString('en-US')} files read)`
}
