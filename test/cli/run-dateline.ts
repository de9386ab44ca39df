// Runs the real `dateline` command (bin/dateline.js) as users and scripts do, capturing its output.
import { execFile, spawn } from 'node:child_process'
import { statSync } from 'node:fs'
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

/** The command with `input` on its standard input (dateline batch <archive> -). */
export function runDatelineWithInput(args: string[], input: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATELINE_DATA: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }))
    child.stdin.end(input)
  })
}

/** The command run as another user (tests that need permissions root would ignore). */
export function runDatelineAs(args: string[], ids: { uid?: number; gid?: number }): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { ...ids, env: { ...process.env, DATELINE_DATA: '', HOME: '/tmp' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

/** Whether another user can reach and read this file (the checkout, the node binary). */
export function readableByOthers(file: string): boolean {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) if (!(statSync(dir).mode & 0o001)) return false
  return (statSync(file).mode & 0o004) !== 0
}

/** Run as `nobody` when this is root (root reads everything), as this user otherwise. */
export const AS_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
export const CAN_RUN_AS_USER = process.getuid?.() !== 0 || (readableByOthers(BIN) && readableByOthers(process.execPath))
