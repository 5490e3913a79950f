import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);
import {
  FORMATS,
  exitCode,
  lint,
  lintText,
  loadFormatter
} from "./chunks/chunk-62HYNTWM.js";
import {
  defineRule,
  rules
} from "./chunks/chunk-SPV3MROF.js";
import "./chunks/chunk-OVLE3O2D.js";
import {
  VERSION
} from "./chunks/chunk-6PETK7WF.js";
import "./chunks/chunk-4CL4L7ZL.js";
import "./chunks/chunk-YSCEJWNO.js";
import "./chunks/chunk-Q6VXGUCG.js";
import "./chunks/chunk-D3YWBXWW.js";
export {
  FORMATS,
  VERSION,
  defineRule,
  exitCode,
  lint,
  lintText,
  loadFormatter,
  rules
};
