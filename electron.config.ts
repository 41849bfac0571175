import type { Configuration } from 'electron-builder';

/** electron-builder configuration: `npm run dist` (electron-builder --config electron.config.ts). */
const config: Configuration = {
  appId: 'dev.apidoctor.app',
  productName: 'API Doctor',
  copyright: 'Copyright © API Doctor contributors',
  directories: { buildResources: 'build', output: 'release' },
  files: ['dist/**/*', '!dist/**/*.map', 'package.json'],
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
