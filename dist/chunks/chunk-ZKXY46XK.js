import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);

// src/config/find.ts
import { existsSync, statSync } from "node:fs";
import path from "node:path";
var CONFIG_FILE_NAMES = [".kmlint.yaml", ".kmlint.yml", "kmlint.config.json"];
function findConfigFile(cwd) {
  let directory = path.resolve(cwd);
  for (; ; ) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(directory, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = path.dirname(directory);
    if (parent === directory) return void 0;
    directory = parent;
  }
}

export {
  CONFIG_FILE_NAMES,
  findConfigFile
};
