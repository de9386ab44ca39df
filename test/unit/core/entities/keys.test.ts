import { describe, expect, it } from 'vitest'
import { entityKey, placeSkeleton, plainKey, slug } from '../../../../src-main/core/entities/keys'

describe('merge keys', () => {
  it('give the spellings of one place one skeleton', () => {
    expect(placeSkeleton('Deir ez-Zor')).toBe(placeSkeleton('Deir al-Zour'))
    expect(placeSkeleton('Raqqah')).toBe(placeSkeleton('Raqqa'))
    expect(placeSkeleton('al-Myadin')).toBe(placeSkeleton('Al Mayadin'))
    expect(placeSkeleton('Mosul')).not.toBe(placeSkeleton('Aleppo'))
  })

  it('compare people and organisations by their folded words, without "the" or a possessive', () => {
    expect(plainKey('The Syrian Observatory')).toBe('syrian observatory')
    expect(entityKey('person', 'Lina Khatib’s')).toBe(entityKey('person', 'LINA KHATIB'))
    expect(entityKey('organization', 'Erdoğan Group')).toBe('organization:erdogan group')
    expect(slug('Deir ez-Zor')).toBe('deir-ez-zor')
    expect(slug('—')).toBe('unnamed')
  })
})
