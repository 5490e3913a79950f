import path from 'node:path';

/** Forward slashes, relative to the working directory: what SARIF, annotations and messages want. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative === '' ? path.basename(file) : relative).split(path.sep).join('/');
}
