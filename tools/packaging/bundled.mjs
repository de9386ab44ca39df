// Dependencies bundled into the main process build instead of loaded from node_modules at run
// time (electron.vite.config.ts). electron-builder's module collector leaves out some of their
// nested dependencies (htmlparser2's domelementtype under linkedom): shipped as files they
// would crash the packaged app on the first web page or feed. check.mjs knows them too, so it
// does not ask the package for files the bundle already holds.
export const BUNDLED_DEPS = ['linkedom', '@mozilla/readability', 'postal-mime', 'fflate']
