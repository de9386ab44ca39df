/** dateline status <archive>: documents searchable and analysed, segments and where the index lives (never indexes). */
import { ArchiveService } from '../../core/api'
import type { Command } from '../context'

export const statusCommand: Command = async ({ io, json, archiveDir, dataDir }) => {
  const svc = await ArchiveService.open(archiveDir, { dataDir })
  const st = { ...svc.status(), indexDir: svc.indexDir }
  const analysis = st.analysed === st.documents ? `analysis: complete (entities, dates, events, stories)` : `analysis: ${st.analysed} of ${st.documents} articles analysed; the rest are searchable by their text (dateline index analyses them)`
  io.out(json ? JSON.stringify(st) : [`${st.documents} documents in ${st.segments} segments`, analysis, `index: ${st.indexDir}`, ...(st.notices ?? []).map((n) => `note: ${n}`)].join('\n'))
  return 0
}
