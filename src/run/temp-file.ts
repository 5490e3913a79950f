/**
 * A file of the run's own in a fresh temporary folder, removed when it is closed or, whatever ends the
 * run (an error, a signal the CLI turns into an exit), when the process exits.
 */
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { textOf } from './read-lines.js';

export class TempFile {
  readonly file: string;
  readonly fd: number;
  private readonly dir: string;
  private readonly cleanUp = (): void => this.close();
  private closed = false;

  constructor(name: string) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'kmlint-'));
    this.file = path.join(this.dir, name);
    this.fd = openSync(this.file, 'w+');
    process.on('exit', this.cleanUp);
  }

  /** The file's text from its start, a piece at a time. */
  text(): Generator<string> {
    return textOf(this.fd);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
    process.off('exit', this.cleanUp);
  }
}
