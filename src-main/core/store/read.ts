/** Reading a file that may not exist yet (first run): absent is a normal answer, other failures are errors users can read. */
import { readFile } from 'node:fs/promises'
import { ioError } from '../errors'

export async function readTextIfExists(file: string, what: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw ioError(err, what)
  }
}
