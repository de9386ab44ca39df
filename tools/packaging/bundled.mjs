// Dependencies bundled into the main process build instead of loaded from node_modules at run
// time (electron.vite.config.ts). electron-builder's module collector leaves out some of their
// nested dependencies (mammoth's xmlbuilder, htmlparser2's domelementtype): shipped as files they
// would crash the packaged app on the first Word file or web page. check.mjs knows them too, so it
// does not ask the package for files the bundle already holds.
export const BUNDLED_DEPS = ['mammoth', 'linkedom', '@mozilla/readability', 'postal-mime', 'fflate']
