/** A place in an input file, resolved while its parse is at hand, so it can be reported later. */
import type { ObjectRef, Path, Region } from '../types.js';

export interface Location {
  /** Display path of the file. */
  readonly file: string;
  readonly region: Region;
  /** Path from the document root to the node. */
  readonly path: Path;
  /** The node was not found exactly: the region is an ancestor's, or where an alias is written. */
  readonly approximate?: boolean;
  /** The rule said the field is missing (so an ancestor's region is expected, not a mistake). */
  readonly missing?: boolean;
  /** The path did not resolve and the rule did not say it was missing: the rule tester fails on this. */
  readonly unresolved?: boolean;
  readonly documentIndex?: number;
  readonly object?: ObjectRef;
  readonly helmTemplate?: string;
}

export function isLocation(value: unknown): value is Location {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'region' in value && 'file' in value;
}
