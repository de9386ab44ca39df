import { describe, expect, it } from 'vitest'
import { extractTitle } from '../../../../src-main/core/text/title'

describe('titles', () => {
  it('skip captions, credits, reading times, bylines and bare dates', () => {
    const text = ['Rescuers search rubble. Photo: Ana Costa/AFP', '6 min read', 'By Ana Costa', '3 March 2015', 'Ferry services resume in Valmora Bay', 'Body text.'].join('\n')
    expect(extractTitle(text, 'file')).toBe('Ferry services resume in Valmora Bay')
  })

  it('take a Markdown heading without its marks, and fall back to the file name', () => {
    expect(extractTitle('# Talks resume\n\ntext', 'x')).toBe('Talks resume')
    expect(extractTitle('\n\n  \n', 'report-7')).toBe('report-7')
  })

  it('cut a file with no headline at its first sentence', () => {
    const para = `Officials in the port city of Valmora said on Monday that the ferries would run again. ${'More words follow here. '.repeat(10)}`
    expect(extractTitle(para, 'x')).toBe('Officials in the port city of Valmora said on Monday that the ferries would run again.')
  })
})
