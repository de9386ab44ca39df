/**
 * dateline batch <archive> <file | -> [--json]: each line of the file (or standard input) searched
 * on its own — a name of several words as a phrase — with how many articles match and the first
 * and last publication date among them; a table, or JSON lines with --json.
 */
import { readFile } from 'node:fs/promises'
import { DatelineError, ioError } from '../../core/errors'
import type { Command } from '../context'

export const batchCommand: Command = async ({ args, io, json, openIndexed }) => {
  const from = args.positionals[1]
  if (!from) throw new DatelineError('usage', 'batch: give a file with one name or phrase per line (or - for standard input), for example: dateline batch ./archive names.txt')
  let text: string
  try {
    text = from === '-' ? await readStdin() : await readFile(from, 'utf-8')
  } catch (e) {
    throw ioError(e, `read ${from}`)
  }
  const svc = await openIndexed()
  const rows = svc.batchSearch(text.split(/\r?\n/))
  if (json) io.out(rows.map((r) => JSON.stringify(r)).join('\n'))
  else {
    const width = Math.min(40, Math.max(4, ...rows.map((r) => r.line.length)))
    io.out([`${'name'.padEnd(width)}  articles  first       last`, ...rows.map((r) => `${r.line.slice(0, width).padEnd(width)}  ${String(r.count).padStart(8)}  ${(r.first ?? '-').padEnd(10)}  ${r.last ?? '-'}${r.error ? `  (${r.error})` : ''}`)].join('\n'))
  }
  return 0
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf-8')
}
