import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { archiveDataDir, defaultDataDir } from '../../../../src-main/core/store/paths'

describe('data folder', () => {
  it('is the platform\'s application-data folder unless DATELINE_DATA says otherwise', () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Dateline')
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/Dateline')
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Dateline')
    expect(defaultDataDir({ DATELINE_DATA: '/data/x' }, 'win32', 'C:\\Users\\ana')).toBe(path.resolve('/data/x'))
  })

  it('gives each archive its own recognisable folder, different for two archives with the same name', () => {
    const a = archiveDataDir('/d', '/home/ana/News Archive')
    const b = archiveDataDir('/d', '/mnt/usb/News Archive')
    expect(path.basename(a)).toMatch(/^News-Archive-[0-9a-f]{10}$/)
    expect(a).not.toBe(b)
    expect(archiveDataDir('/d', '/home/ana/News Archive')).toBe(a)
  })
})
