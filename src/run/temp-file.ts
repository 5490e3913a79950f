/**
 * A file of the run's own in a fresh temporary folder, removed when it is closed or, whatever ends the
 * run (an error, a signal the CLI turns into an exit), when the process exits.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

const READ_CHUNK = 1 << 20;

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

  /** The file's text from its start, a piece at a time (pieces end anywhere, never inside a character). */
  *text(): Generator<string> {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(READ_CHUNK);
    for (let position = 0; ; ) {
      const read = readSync(this.fd, buffer, 0, READ_CHUNK, position);
      if (read === 0) break;
      position += read;
      const piece = decoder.write(buffer.subarray(0, read));
      if (piece !== '') yield piece;
    }
    const rest = decoder.end();
    if (rest !== '') yield rest;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
    process.off('exit', this.cleanUp);
  }
}
