/** Colour only on a terminal, unless forced; NO_COLOR and FORCE_COLOR are honoured. */
export function useColor(flags: { color?: boolean; 'no-color'?: boolean }, stream: { isTTY?: boolean }): boolean {
  if (flags['no-color']) return false;
  if (flags.color) return true;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
