/** dateline import <archive> <file-or-folder>…: safe copies into the archive, indexed at once. */
import { ArchiveService, type ImportReport } from '../../core/api'
import { DatelineError } from '../../core/errors'
import type { Command } from '../context'

export const importCommand: Command = async ({ args, io, json, archiveDir, dataDir, maxFileBytes }) => {
  const sources = args.positionals.slice(1)
  if (!sources.length) throw new DatelineError('usage', 'import: give the files or folders to import, for example: dateline import ./archive ~/Downloads/articles')
  const into = args.flags.get('into')
  const svc = await ArchiveService.open(archiveDir, { dataDir, maxFileBytes })
  const progress = args.flags.has('progress')
  const report = await svc.importFiles(sources, {
    ...(typeof into === 'string' ? { target: into } : {}),
    signal: io.signal,
    // one JSON line per event on stderr, so scripts (and the crash test) can follow along
    ...(progress ? { onProgress: (p) => io.err(JSON.stringify({ progress: p })), onFile: (o) => io.err(JSON.stringify(o)) } : {})
  })
  io.out(json ? JSON.stringify(report) : formatImport(report))
  return report.cancelled ? 130 : 0
}

function formatImport(r: ImportReport): string {
  const folder = r.imported[0]?.to.replace(/\/[^/]*$/, '')
  const lines = [
    `${r.imported.length} imported${folder ? ` (into ${folder}…)` : ''}, ${r.duplicates.length} already in the archive, ${r.rejected.length} rejected — ${r.ms} ms` +
      (r.cancelled ? `; cancelled, ${r.notStarted} not started` : '')
  ]
  for (const f of r.imported) lines.push(`  + ${f.from} -> ${f.to}${f.renamed ? ` (${f.renamed})` : ''}`)
  for (const d of r.duplicates) lines.push(`  = ${d.from}: already in the archive as ${d.existing}`)
  for (const x of r.rejected) lines.push(`  ! ${x.from}: ${x.reason}`)
  lines.push(`${r.documents} documents in the archive`)
  return lines.join('\n')
}
