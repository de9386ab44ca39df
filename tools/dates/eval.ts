/**
 * `npm run eval:dates`: publication dates on real news from ../shared/data, right / wrong /
 * unknown — CoNLL-2003 (train and development: each article's dateline gives its date) and
 * TimeBank+AQUAINT (each article's creation time; the file name is given as the product sees a
 * path) — and time expressions on TimeBank+AQUAINT, scored as TempEval-3 does (timex-score.ts).
 * Skips with a line when the data is absent.
 */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { findDateEvidence } from '../../src-main/core/dates/evidence'
import { resolvePublication } from '../../src-main/core/dates/publication'
import { dateExpressions } from '../../src-main/core/dates/expressions'
import { parseYmd } from '../../src-main/core/dates/calendar'
import { conllFile, readConll, sharedData } from '../entities/conll'
import { readTimeML } from './timebank'
import { commonest, emptyCounts, report, scoreDocument, type TimexErrors } from './timex-score'

interface Case {
  name: string
  /** the path the product would see, when the source has one */
  path?: string
  text: string
  expected: string
}

function score(label: string, cases: Case[]): void {
  let right = 0
  let wrong = 0
  let partial = 0
  const errors: string[] = []
  for (const c of cases) {
    const doc = { id: c.name, ...(c.path ? { path: c.path } : {}), evidence: findDateEvidence(c.text), mtimeMs: 0 }
    const p = resolvePublication([doc], [], (id) => id).get(c.name)!
    if (p.date === null) {
      if (p.partial) partial++
      continue
    }
    if (p.date === c.expected) right++
    else {
      wrong++
      if (errors.length < 12) errors.push(`    ${c.name}: ${p.date} (${p.source}: ${p.evidence[0] ?? ''}) — expected ${c.expected}`)
    }
  }
  const n = cases.length
  const pct = (k: number) => `${((100 * k) / n).toFixed(1)} %`
  console.log(`${label}: ${n} articles — right ${right} (${pct(right)}), wrong ${wrong} (${pct(wrong)}), unknown ${n - right - wrong} (of which partial ${partial})`)
  if (errors.length) console.log(errors.join('\n'))
}

let any = false
for (const split of ['eng.train', 'eng.testa'] as const) {
  const file = conllFile(split)
  if (!file) continue
  any = true
  const cases: Case[] = []
  readConll(file).forEach((doc, i) => {
    const lines = doc.map((s) => s.words.join(' '))
    const iso = lines.slice(0, 4).map((l) => /\b(\d{4}-\d{2}-\d{2})\b/.exec(l)?.[1]).find(Boolean)
    if (iso) cases.push({ name: `${split}#${i + 1}`, text: lines.join('\n'), expected: iso })
  })
  score(`CoNLL-2003 ${split} (datelines "CITY YYYY-MM-DD")`, cases)
}

const tbaq = path.join(sharedData(), 'timex', 'tbaq')
if (existsSync(tbaq)) {
  any = true
  const cases: Case[] = []
  const docs = readdirSync(tbaq)
    .filter((n) => n.endsWith('.tml'))
    .sort()
    .flatMap((f) => readTimeML(path.join(tbaq, f), f) ?? [])
  for (const doc of docs) cases.push({ name: doc.name, path: doc.name, text: doc.text, expected: doc.dct })
  score('TimeBank+AQUAINT (creation dates; text and file name)', cases)
  score('TimeBank+AQUAINT (creation dates; text only)', cases.map(({ path: _p, ...c }) => c))

  // time expressions, the creation date given (as TempEval-3 gives it)
  const counts = emptyCounts()
  const errors: TimexErrors = { missed: [], extra: [], wrongValue: [] }
  for (const doc of docs) {
    const day = parseYmd(doc.dct)!
    scoreDocument(dateExpressions(doc.text, { earliest: day, latest: day }), doc.timexes, counts, errors)
  }
  console.log('TimeBank+AQUAINT time expressions (TempEval-3 scoring, creation date given):')
  console.log(report(counts).join('\n'))
  console.log(`  most often missed: ${commonest(errors.missed, 15)}`)
  console.log(`  most often found but not annotated: ${commonest(errors.extra, 15)}`)
  console.log(`  most frequent wrong values (ours → annotated): ${commonest(errors.wrongValue, 15)}`)
}
if (!any) console.log('eval:dates: ../shared/data is not here; skipped')
