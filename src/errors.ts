/** A problem with how kmlint was called or configured: reported in one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
