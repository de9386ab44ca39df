export const USAGE = `Usage:
  dateline index <archive> [--text-only] [--data <dir>] [--json]
  dateline search <archive> <query> [--limit N] [--offset N] [--data <dir>] [--json]
  dateline status <archive> [--data <dir>] [--json]
  dateline search <archive> [<query>] --entity <id> [--entity <id>…] [--exclude-entity <id>] [--json]
  dateline entities <archive> [--type person|organization|place] [--query <text>] [--limit N] [--sort count|name] [--hidden] [--json]
  dateline doc <archive> <relative-path> [--json]
  dateline star <archive> <relative-path> [--off] [--json]
  dateline tag <archive> [<relative-path> <tag>… [--remove]] [--json]
  dateline note <archive> <relative-path> [<text> [--passage <start>:<end>] | --edit <id> <text> | --delete <id>] [--json]
  dateline saved <archive> [list | add <name> <query> [--entity <id>…] | run <name> | delete <name>] [--json]
  dateline history <archive> [--limit N] [--clear] [--json]
  dateline batch <archive> <file | -> [--json]
  dateline export <archive> --documents --json-lines [--out <file>]
  dateline export <archive> --results [<query>] [--entity <id>…] [--format csv|json] [--out <file>]
  dateline export <archive> --entities [--format csv|json] [--out <file>]
  dateline entity show <archive> <id> [--json]
  dateline entity merge <archive> <id> <id>… [--name <name>]
  dateline entity rename <archive> <id> <new name>
  dateline entity type <archive> <id> person|organization|place
  dateline entity hide|unhide <archive> <id>
  dateline entity history <archive> [--json]
  dateline entity undo <archive> <number>
  dateline entity export <archive> [--out <file>]
  dateline entity import <archive> <file> [--replace]
  dateline stories <archive> [--all] [--json]
  dateline reuse <archive> <path-a> <path-b> [--json]
  dateline date <archive> <relative-path> <YYYY-MM-DD|unknown> [--json]
  dateline date <archive> <relative-path> --clear [--json]
  dateline date <archive> --folder <relative-folder> <YYYY>|--clear [--json]
  dateline dates <archive> <relative-path> [--json]
  dateline import <archive> <file-or-folder>… [--into <folder>] [--max-size <MB>] [--progress] [--json]
  dateline watch <archive> [--poll] [--max-size <MB>] [--json]
  dateline timeline <archive> [--query Q] [--entity <id>…] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--undated]
                    [--json | --format json|timelinejs|csv|sources] [--out <file>]

Run dateline <command> --help for one command's usage.
Index data lives in --data, $DATELINE_DATA, or the platform's application-data folder.
Search syntax: words are ANDed; OR; -word or NOT word; "exact phrase"; title:word; prefix*; word~1.`

/** What a command's --help adds to its usage lines. */
const DETAILS: Record<string, string> = {
  index: `Indexing runs in two phases. Phase 1 reads the files and makes their text searchable; phase 2
finds each article's entities, dates, events and stories, a segment at a time. Both resume where
they stopped after a crash, a quit or Ctrl+C.
  --text-only   return after phase 1 (the analysis is done by the next dateline index, or the app)
  --data <dir>  where index data lives (default: $DATELINE_DATA or the platform's app-data folder)
  --json        the report as JSON`,
  status: `Documents searchable, how many are analysed (phase 2 of indexing), segments, and where the index lives. Never indexes.`
}

/** The usage of one command (its lines of USAGE, and what it says about itself), or undefined for an unknown one. */
export function commandUsage(command: string): string | undefined {
  const lines = USAGE.split('\n').filter((l) => l.startsWith(`  dateline ${command} `) || l.startsWith(`  dateline ${command}\n`))
  if (!lines.length) return undefined
  return ['Usage:', ...lines, ...(Object.hasOwn(DETAILS, command) ? ['', DETAILS[command]!] : [])].join('\n')
}
