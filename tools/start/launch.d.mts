// Types of launch.mjs for the tests (the script itself runs as plain Node, before any build).
export declare const MIN_NODE: [number, number]
export declare function nodeIsSupported(version: string): boolean
export declare function electronBinary(
  electronDir: string,
  fsx: { readFileSync(p: string, enc: 'utf-8'): string; existsSync(p: string): boolean },
  env?: Record<string, string | undefined>
): string | null
export declare function downloadReason(stderr: string): string
export interface StartDeps {
  nodeVersion: string
  electronDir: string
  fs: { readFileSync(p: string, enc: 'utf-8'): string; existsSync(p: string): boolean }
  env: Record<string, string | undefined>
  log(line: string): void
  error(line: string): void
  install(): Promise<{ status: number; stderr: string }>
  launch(binary: string): Promise<number>
}
export declare function start(deps: StartDeps): Promise<number>
