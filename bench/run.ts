/**
 * npm run bench [-- N …]: generate archives of N articles (default 2000) and measure a full index
 * build, peak memory, reload and query latency, each in a fresh process. Not part of the tests.
 * Writes .bench/results.json and prints a Markdown table.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { generateArchive } from './generate'

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0)
const results: Array<Record<string, number | string>> = []
for (const n of sizes.length ? sizes : [2000]) {
  const archive = path.resolve('.bench', `archive-${n}`)
  if (!existsSync(archive)) {
    mkdirSync(archive, { recursive: true })
    generateArchive(archive, n)
  }
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/index-once.ts', archive, path.resolve('.bench', `data-${n}`)], { encoding: 'utf8' })
  results.push({ n, ...JSON.parse(out.trim().split('\n').pop()!) })
}
writeFileSync('.bench/results.json', JSON.stringify(results, null, 2))
const cols = Object.keys(results[0]!)
console.log(`| ${cols.join(' | ')} |\n|${cols.map(() => '---').join('|')}|`)
for (const r of results) console.log(`| ${cols.map((c) => r[c]).join(' | ')} |`)
