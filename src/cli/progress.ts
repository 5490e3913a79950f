/** "files done of total" on a terminal's stderr; nothing at all when stderr is piped. */
export function progressReporter(stream: NodeJS.WriteStream) {
  const enabled = stream.isTTY === true;
  let shown = false;
  return {
    update(done: number, total: number): void {
      if (!enabled || total < 2) return;
      stream.write(`\rkmlint: ${done}/${total} files`);
      shown = true;
    },
    done(): void {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
