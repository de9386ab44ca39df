// Types for bundled.mjs (plain JavaScript: check.mjs runs under node without a TypeScript loader).
export declare const BUNDLED_DEPS: string[]
