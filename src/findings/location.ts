/** Locations: places in input files resolved while their parse is at hand, reported later. */
import type { Location } from '../types.js';

export type { Location };

export function isLocation(value: unknown): value is Location {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'region' in value && 'file' in value;
}
