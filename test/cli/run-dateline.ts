// Runs the real `dateline` command (bin/dateline.js) as users and scripts do, capturing its output.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const BIN = path.resolve('bin/dateline.js')

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function runDateline(args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, DATELINE_DATA: '' } })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as CliRun
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
