// `dateline entity history` and `entity undo`, and a merge of an entity with itself refused (#22 item 5, #25 item 3).
import { beforeAll, describe, expect, it } from 'vitest'
import { runDateline } from './run-dateline'
import { writeGoldArchive } from '../fixtures/entities-gold'

let root: string
let dataDir: string
const dateline = (...args: string[]) => runDateline([...args, '--data', dataDir])

beforeAll(() => {
  ;({ root, dataDir } = writeGoldArchive())
})

describe('dateline entity history / undo', () => {
  it('lists corrections in words and takes one back; merging an entity with itself exits 2 and changes nothing', async () => {
    expect((await dateline('entity', 'hide', root, 'place:brovary')).code).toBe(0)
    const self = await dateline('entity', 'merge', root, 'person:daniel-kiprono', 'person:daniel-kiprono')
    expect(self.code).toBe(2)
    expect(self.stderr).toMatch(/one entity already/)
    const history = JSON.parse((await dateline('entity', 'history', root, '--json')).stdout)
    expect(history.corrections).toEqual([expect.objectContaining({ index: 0, op: 'hide', text: expect.stringMatching(/^Hid /) })])
    const undone = await dateline('entity', 'undo', root, '0')
    expect(undone.code, undone.stderr).toBe(0)
    expect(undone.stdout).toMatch(/undone; 0 corrections left/)
    const places = JSON.parse((await dateline('entities', root, '--type', 'place', '--json', '--limit', '1000')).stdout)
    expect(places.entities.map((e: { id: string }) => e.id)).toContain('place:brovary')
    expect((await dateline('entity', 'undo', root, 'x')).code).toBe(2)
  }, 60_000)
})
