/**
 * A file of the run's own in a fresh temporary folder, for its descriptor only. Where the system allows it
 * (not Windows) the folder is removed as soon as the file is open: the data lives until the descriptor is
 * closed, and nothing is left behind whatever ends the process, V8's fatal out-of-memory error included,
 * which runs no exit handler. On Windows the folder goes when the file is closed or the process exits.
 */
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { textOf } from './read-lines.js';

/** Whether an open file may lose its name: Windows refuses to remove an open file's folder. */
const REMOVED_WHILE_OPEN = process.platform !== 'win32';

export class TempFile {
  /** Every thread of the process reads and writes the file through it. */
  readonly fd: number;
  private readonly dir: string;
  // Windows only: the descriptor must be closed before the folder can go.
  private readonly cleanUp = (): void => this.close();
  private closed = false;

  constructor(name: string) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'kmlint-'));
    this.fd = openSync(path.join(this.dir, name), 'w+');
    if (REMOVED_WHILE_OPEN) this.remove();
    else process.on('exit', this.cleanUp);
  }

  /** The file's text from its start, a piece at a time. */
  text(): Generator<string> {
    return textOf(this.fd);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    this.remove();
    process.off('exit', this.cleanUp);
  }

  private remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
