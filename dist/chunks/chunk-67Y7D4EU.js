import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);

// src/types.ts
var LEVELS = ["error", "warning", "note"];

export {
  LEVELS
};
