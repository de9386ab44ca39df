/** dateline status <archive>: documents, segments and where the index lives (never indexes). */
import { ArchiveService } from '../../core/api'
import type { Command } from '../context'

export const statusCommand: Command = async ({ io, json, archiveDir, dataDir }) => {
  const svc = await ArchiveService.open(archiveDir, { dataDir })
  const st = { ...svc.status(), indexDir: svc.indexDir }
  io.out(json ? JSON.stringify(st) : [`${st.documents} documents in ${st.segments} segments`, `index: ${st.indexDir}`, ...(st.notices ?? []).map((n) => `note: ${n}`)].join('\n'))
  return 0
}
