/**
 * dateline index <archive>: build the index, or bring it up to date (only what changed is read):
 * the text first, then the analysis of what is pending (--text-only: the text only).
 */
import { ArchiveService, type IndexReport } from '../../core/api'
import { DatelineError } from '../../core/errors'
import type { Command } from '../context'

export const indexCommand: Command = async ({ args, io, json, archiveDir, dataDir, maxFileBytes }) => {
  if (args.positionals.length > 1) throw new DatelineError('usage', 'index takes one archive folder')
  const textOnly = args.flags.has('text-only')
  // asked for, text only whatever the number of files (an update of a few files is otherwise analysed as it is read)
  const svc = await ArchiveService.open(archiveDir, { dataDir, maxFileBytes, ...(textOnly ? { analyseLaterFrom: 0 } : {}) })
  const report = await svc.update(undefined, undefined, { textOnly })
  io.out(json ? JSON.stringify(report) : formatReport(report, svc.indexDir))
  await svc.close()
  return 0
}

function formatReport(r: IndexReport, indexDir: string): string {
  const lines = [
    `${r.documents} documents indexed (${r.added} added, ${r.updated} updated, ${r.removed} removed, ${r.unchanged} unchanged) in ${(r.ms / 1000).toFixed(2)} s`,
    `segments: ${r.segments.built} built, ${r.segments.merged} merged, ${r.segments.total} in total`
  ]
  const formats = Object.entries(r.formats).sort((a, b) => b[1].articles - a[1].articles || (a[0] < b[0] ? -1 : 1))
  if (formats.length) lines.push(`by format: ${formats.map(([f, c]) => (c.files === c.articles ? `${f} ${c.files}` : `${f} ${c.articles} articles in ${c.files} file${c.files === 1 ? '' : 's'}`)).join(', ')}`)
  if (r.analysis) lines.push(`analysed ${r.analysis.articles} articles (entities, dates, events, stories) in ${(r.analysis.ms / 1000).toFixed(2)} s`)
  if (r.pending) lines.push(`analysis: ${r.documents - r.pending} of ${r.documents} articles analysed (all are searchable); dateline index analyses the rest`)
  for (const p of r.repaired) lines.push(`repaired: ${p}`)
  if (r.notes.length) {
    lines.push(`${r.notes.length} indexed with a limit:`)
    for (const s of r.notes) lines.push(`  ${s.path}: ${s.reason}`)
  }
  if (r.skipped.length) {
    lines.push(`${r.skipped.length} skipped:`)
    for (const s of r.skipped) lines.push(`  ${s.path}: ${s.reason}`)
  }
  lines.push(`index: ${indexDir}`)
  return lines.join('\n')
}
