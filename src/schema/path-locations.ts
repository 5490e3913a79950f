/**
 * Where every written path of one object is, kept small until a check after the walk needs it. A custom
 * resource waits for its CRD, which may come later in the run, so its paths are located while the file is
 * at hand; a Location per path (with its path, region and key) cost about 100 times the bytes of the
 * numbers that differ between them. What the paths share (file, document, object, Helm template) is kept
 * once; each path keeps its region and two flags, packed, in the order of a walk of the value. What is
 * kept is plain data (a large run moves it to disk) and holds no value: the check hands the value back
 * (its index record's), and the table from path to place is built from it only when a problem needs one.
 */
import type { Location } from '../findings/location.js';
import type { JsonValue } from '../k8s/model.js';
import type { Path, Region } from '../types.js';

const FIELDS = 5;
const APPROXIMATE = 1;
const UNRESOLVED = 2;

/** Every path of the value, parents before children, in a fixed order (the order of the packed regions). */
function eachPath(value: JsonValue, path: Path, visit: (path: Path) => void): void {
  visit(path);
  if (Array.isArray(value)) value.forEach((item, index) => eachPath(item, [...path, index], visit));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) eachPath(item, [...path, key], visit);
}

/** An object's paths as the walk located them. */
export interface PackedPaths {
  /** Each path's region and flags, in the order of `eachPath`. */
  readonly packed: Int32Array;
  /**
   * The first path's location, for what all share (file, document, object, Helm template); kept whole, not
   * copied, since the engine detaches the strings of the locations a check holds in place after the walk.
   */
  readonly base: Location;
  /** Where the value is written in its document (`items/n` in a List). */
  readonly root: Path;
}

/** Locates every path of `value` (written at `root`) now. */
export function packPaths(value: JsonValue, root: Path, locate: (path: Path) => Location): PackedPaths {
  const numbers: number[] = [];
  let first: Location | undefined;
  eachPath(value, root, (path) => {
    const location = locate(path);
    first ??= location;
    const { region } = location;
    numbers.push(region.startLine, region.startColumn, region.endLine, region.endColumn, (location.approximate ? APPROXIMATE : 0) | (location.unresolved ? UNRESOLVED : 0));
  });
  return { packed: Int32Array.from(numbers), base: first!, root };
}

/** The locations of packed paths, found again through the value they were taken from (or one equal to it). */
export class PathLocations {
  private table: Map<string, number> | undefined;

  constructor(
    private readonly paths: PackedPaths,
    private readonly value: JsonValue,
  ) {}

  /**
   * The location of the nearest written ancestor of `path` (a missing field points at the mapping that lacks
   * it). With `missing`, as `context.locate(path, { missing: true })` gives it: the field's own path, marked
   * missing.
   */
  nearest(path: Path, options?: { missing?: boolean }): Location | undefined {
    this.table ??= this.buildTable();
    for (let length = path.length; length >= 0; length--) {
      const prefix = path.slice(0, length);
      const place = this.table.get(JSON.stringify(prefix));
      if (place === undefined) continue;
      const location = this.locationAt(place, prefix);
      if (!options?.missing) return location;
      const { unresolved: _unresolved, ...written } = location;
      return { ...written, path: [...path], missing: true };
    }
    return undefined;
  }

  private buildTable(): Map<string, number> {
    const table = new Map<string, number>();
    eachPath(this.value, this.paths.root, (path) => table.set(JSON.stringify(path), table.size));
    if (table.size * FIELDS !== this.paths.packed.length) throw new Error('the value is not the shape of the one located');
    return table;
  }

  private locationAt(place: number, path: Path): Location {
    const at = place * FIELDS;
    const numbers = this.paths.packed;
    const region: Region = { startLine: numbers[at]!, startColumn: numbers[at + 1]!, endLine: numbers[at + 2]!, endColumn: numbers[at + 3]! };
    const flags = numbers[at + 4]!;
    const { region: _region, path: _path, approximate: _approximate, missing: _missing, unresolved: _unresolved, ...shared } = this.paths.base;
    const location: { -readonly [K in keyof Location]: Location[K] } = { ...shared, region, path };
    if (flags & APPROXIMATE) location.approximate = true;
    if (flags & UNRESOLVED) location.unresolved = true;
    return location;
  }
}
