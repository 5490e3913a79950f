import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);

// src/version.ts
var VERSION = true ? "0.1.0" : createRequire(import.meta.url)("../package.json").version;
var HOMEPAGE = "https://github.com/kmlint/kmlint";

export {
  VERSION,
  HOMEPAGE
};
