/**
 * Light and dark screenshots of the window as it is now, for the README (`npm run screenshots`
 * points DATELINE_SCREENSHOTS at docs/screenshots; a test run writes to the ignored .screenshots/);
 * and in each theme, no serious or critical WCAG 2.1 AA violation (contrast differs per theme).
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { accessibilityViolations } from './harness'

const SHOTS = path.resolve(process.env['DATELINE_SCREENSHOTS'] || '.screenshots')

export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.waitForTimeout(50)
    await page.screenshot({ path: path.join(SHOTS, `${name}-${scheme}.png`) })
    expect.soft(await accessibilityViolations(page), `accessibility of "${name}" (${scheme})`).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}
