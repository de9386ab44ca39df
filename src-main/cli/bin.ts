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

const code = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  env: process.env,
  signal: stop.signal
})
process.exitCode = code
// nothing may keep the process alive once the command has answered (a closed watcher's timers)
process.off('SIGINT', onSignal)
process.off('SIGTERM', onSignal)
