import { writeFileSync, mkdirSync, rmSync } from 'node:fs'
import { ArchiveService } from '../src-main/core/api'
const svc = await ArchiveService.open('.bench/archive-10000', { dataDir: '.bench/data-10000' })
await svc.update(); svc.search('x')
mkdirSync('/tmp/prof', { recursive: true })
process.env.DL_PROF = '1'
for (let i = 0; i < 3; i++) {
  writeFileSync(`/tmp/prof/p${i}.txt`, `Probe ${i}\n\nThe ferry at probeword${i} resumed on Monday.\n`)
  const t0 = performance.now()
  await svc.importFiles([`/tmp/prof/p${i}.txt`], { target: 'zz-prof' })
  console.error('import total', Math.round(performance.now() - t0))
  const t1 = performance.now(); svc.search(`probeword${i}`); console.error('search', Math.round(performance.now() - t1))
}
delete process.env.DL_PROF
rmSync('.bench/archive-10000/zz-prof', { recursive: true }); await svc.update()
