import type { Configuration } from 'electron-builder';

/** electron-builder configuration: `npm run dist` (electron-builder --config electron.config.ts). */
const config: Configuration = {
  appId: 'dev.apidoctor.app',
  productName: 'API Doctor',
  copyright: 'Copyright © API Doctor contributors',
  directories: { buildResources: 'build', output: 'release' },
  // The app ships what it runs: dist/ (main, preload and renderer; esbuild bundles undici, zod and
  // fflate into main, so their node_modules stay out) and keytar, the one native module, without its
  // install-time helpers. The CLI has its own bundle and is not part of the desktop app.
  files: [
    'dist/**/*',
    '!dist/**/*.map',
    '!dist/cli/**',
    'package.json',
    '!node_modules/**/*',
    'node_modules/keytar/package.json',
    'node_modules/keytar/lib/**',
    'node_modules/keytar/build/Release/keytar.node',
  ],
  // keytar is a native module: it cannot be loaded from inside the asar archive.
  asarUnpack: ['**/node_modules/keytar/**'],
  extraMetadata: { main: 'dist/main/index.cjs' },
  // Electron fuses, flipped in the packaged binary: it cannot be turned into a generic Node
  // runtime (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect) nor made to load code from outside
  // the signed app.asar. File-protocol privileges stay: the renderer is loaded with loadFile.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Development', maintainer: 'API Doctor team' },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools', hardenedRuntime: true },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
};

export default config;
