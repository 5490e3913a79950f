/**
 * Where every written path of one object is, kept small until a check after the walk needs it. A custom
 * resource waits for its CRD, which may come later in the run, so its paths are located while the file is
 * at hand; a Location per path (with its path, region and key) cost about 100 times the bytes of the
 * numbers that differ between them. What the paths share (file, document, object, Helm template) is kept
 * once; each path keeps its region and two flags, packed, in the order of a walk of the value, and the
 * table from path to place is built again from the value only when a problem needs a location. The value is
 * not kept: the check hands it back (the index record's, which may wait on disk meanwhile).
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

export class PathLocations {
  private readonly packed: Int32Array;
  /**
   * The first path's location, for what all share (file, document, object, Helm template); kept whole, not
   * copied, since the engine detaches the strings of the locations a check holds in place after the walk.
   */
  private readonly base: Location;
  private table: Map<string, number> | undefined;

  /** Locates every path of `value` (written at `root`) now. */
  constructor(
    value: JsonValue,
    private readonly root: Path,
    locate: (path: Path) => Location,
  ) {
    const numbers: number[] = [];
    let first: Location | undefined;
    eachPath(value, root, (path) => {
      const location = locate(path);
      first ??= location;
      const { region } = location;
      numbers.push(region.startLine, region.startColumn, region.endLine, region.endColumn, (location.approximate ? APPROXIMATE : 0) | (location.unresolved ? UNRESOLVED : 0));
    });
    this.packed = Int32Array.from(numbers);
    this.base = first!;
  }

  /**
   * The location of the nearest written ancestor of `path` (a missing field points at the mapping that lacks
   * it). With `missing`, as `context.locate(path, { missing: true })` gives it: the field's own path, marked
   * missing. `value` is the value located, or one equal to it.
   */
  nearest(path: Path, value: JsonValue, options?: { missing?: boolean }): Location | undefined {
    this.table ??= this.buildTable(value);
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

  private buildTable(value: JsonValue): Map<string, number> {
    const table = new Map<string, number>();
    eachPath(value, this.root, (path) => table.set(JSON.stringify(path), table.size));
    if (table.size * FIELDS !== this.packed.length) throw new Error('the value is not the shape of the one located');
    return table;
  }

  private locationAt(place: number, path: Path): Location {
    const at = place * FIELDS;
    const numbers = this.packed;
    const region: Region = { startLine: numbers[at]!, startColumn: numbers[at + 1]!, endLine: numbers[at + 2]!, endColumn: numbers[at + 3]! };
    const flags = numbers[at + 4]!;
    const { region: _region, path: _path, approximate: _approximate, missing: _missing, unresolved: _unresolved, ...shared } = this.base;
    const location: { -readonly [K in keyof Location]: Location[K] } = { ...shared, region, path };
    if (flags & APPROXIMATE) location.approximate = true;
    if (flags & UNRESOLVED) location.unresolved = true;
    return location;
  }
}
