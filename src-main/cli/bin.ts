/** Process entry for the dateline command. */
import { runCli } from './main'

// First Ctrl+C (or SIGTERM) stops cleanly: an import finishes the file in hand, a watch ends.
const stop = new AbortController()
const onSignal = () => {
  if (stop.signal.aborted) process.exit(130)
  stop.abort()
}
process.on('SIGINT', onSignal)
process.on('SIGTERM', onSignal)

// Control characters in article titles or paths (ANSI/OSC escape sequences) are shown, never obeyed
// by the terminal (#25 item 12); JSON output escapes them itself
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g
const visible = (t: string) => t.replace(CONTROL_RE, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)

const code = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(visible(t) + '\n'),
  write: (t) => new Promise<void>((resolve, reject) => process.stdout.write(t, (e) => (e ? reject(e) : resolve()))),
  err: (t) => process.stderr.write(visible(t) + '\n'),
  env: process.env,
  signal: stop.signal
})
process.exitCode = code
// nothing may keep the process alive once the command has answered (a closed watcher's timers)
process.off('SIGINT', onSignal)
process.off('SIGTERM', onSignal)
