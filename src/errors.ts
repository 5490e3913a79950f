/** A problem with how kmlint was called or configured: reported in one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The run cannot finish within what Node allows it (its heap): reported in one line with what to do, exit 2. */
export class ResourceError extends Error {
  override name = 'ResourceError';
}
