import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);
import {
  HOMEPAGE,
  VERSION
} from "./chunk-6PETK7WF.js";

// src/engine/help-uri.ts
function helpUri(ruleId) {
  return `${HOMEPAGE}/blob/v${VERSION}/docs/rules/${ruleId}.md`;
}

export {
  helpUri
};
