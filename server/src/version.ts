/**
 * vita's version: package.json's `version`, put in by esbuild's `define` at build time (esbuild.mjs), the ONE source
 * for `vita --version`, the server's `serverInfo` and SARIF's `tool.driver.version`.
 */
declare const VITA_VERSION: string | undefined;

export const VERSION: string = typeof VITA_VERSION === 'string' ? VITA_VERSION : '0.0.0-dev';
