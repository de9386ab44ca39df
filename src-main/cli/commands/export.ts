/**
 * dateline export <archive> --results [<query>] [--format csv|json] [--out <file>]: every result of a
 * search as a table (core/search/export.ts lists the columns).
 * dateline export <archive> --documents --json-lines [--out <file>]: one JSON line per article,
 * each what `dateline doc <archive> <path> --json` prints for it, in path order. Streams: lines
 * go out in blocks as they are made, so memory stays flat however large the archive. A file is
 * never written over; one left half-written by a failure is removed.
 */
import { open, rm } from 'node:fs/promises'
import { DatelineError, ioError } from '../../core/errors'
import type { Command } from '../context'
import { jsonDoc } from './doc'

const BLOCK = 256 * 1024

export const exportCommand: Command = async (ctx) => {
  const { args } = ctx
  if (args.flags.has('results')) return exportResults(ctx)
  if (args.flags.has('entities')) return exportEntities(ctx)
  return exportDocuments(ctx)
}

/** dateline export <archive> --entities [--format csv|json] [--out <file>]: the entity list (hidden ones left out). */
const exportEntities: Command = async ({ args, io, openIndexed }) => {
  const format = args.flags.get('format') ?? 'csv'
  if (format !== 'csv' && format !== 'json') throw new DatelineError('usage', 'export --entities: --format is csv (default) or json')
  const svc = await openIndexed()
  const { text, rows } = svc.exportEntities(format)
  await writeOut(args.flags.get('out'), text, io, `${rows} entities`)
  return 0
}

/** To --out (never over an existing file; a half-written one removed) or standard output. */
async function writeOut(out: string | true | undefined, text: string, io: Parameters<Command>[0]['io'], what: string): Promise<void> {
  if (out === true) throw new DatelineError('usage', 'export: --out needs a file name')
  if (typeof out !== 'string') return io.out(text.replace(/\r?\n$/, ''))
  const fh = await open(out, 'wx').catch((e: NodeJS.ErrnoException) => {
    throw new DatelineError('io', e.code === 'EEXIST' ? `export: ${out} exists; choose another file (an export never writes over one)` : `export: cannot create ${out}: ${e.message}`)
  })
  try {
    await fh.write(text)
    await fh.close()
  } catch (e) {
    await fh.close().catch(() => {})
    await rm(out, { force: true })
    throw ioError(e, `export to ${out} (the half-written file was removed)`)
  }
  io.err(`exported ${what} to ${out}`)
}

/** dateline export <archive> --results [<query>] [--entity <id>…] [--exclude-entity <id>…] [--format csv|json] [--out <file>] */
const exportResults: Command = async ({ args, io, openIndexed }) => {
  const format = args.flags.get('format') ?? 'csv'
  if (format !== 'csv' && format !== 'json') throw new DatelineError('usage', 'export --results: --format is csv (default) or json')
  const out = args.flags.get('out')
  if (out === true) throw new DatelineError('usage', 'export: --out needs a file name')
  const svc = await openIndexed()
  const { text, rows } = svc.exportResults(args.positionals[1] ?? '', format, { entities: args.all('entity'), excludeEntities: args.all('exclude-entity') })
  await writeOut(out, text, io, `${rows} result${rows === 1 ? '' : 's'}`)
  return 0
}

const exportDocuments: Command = async ({ args, io, openIndexed }) => {
  if (!args.flags.has('documents')) throw new DatelineError('usage', 'export: say what to export: dateline export <archive> --documents --json-lines [--out <file>], or --results [<query>] [--format csv|json] [--out <file>]')
  if (!args.flags.has('json-lines')) throw new DatelineError('usage', 'export: documents are exported as JSON lines; add --json-lines')
  const out = args.flags.get('out')
  if (out === true) throw new DatelineError('usage', 'export: --out needs a file name')
  const svc = await openIndexed()
  const paths = svc.documentPaths()
  let write: (text: string) => Promise<void>
  let done = async () => {}
  let failed = async () => {}
  if (typeof out === 'string') {
    const fh = await open(out, 'wx').catch((e: NodeJS.ErrnoException) => {
      throw new DatelineError('io', e.code === 'EEXIST' ? `export: ${out} exists; choose another file (an export never writes over one)` : `export: cannot create ${out}: ${e.message}`)
    })
    write = async (t) => void (await fh.write(t))
    done = () => fh.close()
    failed = async () => {
      await fh.close().catch(() => {})
      await rm(out, { force: true })
    }
  } else {
    write = io.write ?? (async (t) => io.out(t.replace(/\n$/, '')))
  }
  let block = ''
  try {
    for (const p of paths) {
      if (io.signal?.aborted) throw new DatelineError('cancelled', 'export: cancelled')
      block += JSON.stringify(jsonDoc(svc.document(p))) + '\n'
      if (block.length >= BLOCK) {
        await write(block)
        block = ''
      }
    }
    if (block) await write(block)
    await done()
  } catch (e) {
    await failed()
    throw ioError(e, typeof out === 'string' ? `export to ${out} (the half-written file was removed)` : 'export')
  }
  if (typeof out === 'string') io.err(`exported ${paths.length} documents to ${out}`)
  return 0
}
