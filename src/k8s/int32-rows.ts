/**
 * Rows of 32-bit numbers, in chunks of 1,024 rows: chunks are never copied as the rows grow, nor left half empty
 * by doubling. What a large run keeps per record or per watch as numbers (locations, places, slots) lives here
 * rather than in arrays of 8-byte slots.
 */
const CHUNK_BITS = 10;
const CHUNK_ROWS = 1 << CHUNK_BITS;

export class Int32Rows {
  readonly #chunks: Int32Array[] = [];
  #length = 0;

  constructor(readonly width = 1) {}

  get length(): number {
    return this.#length;
  }

  /** A new row, its first number `first` and the rest 0; returns its number. No list per row: rows are added by the million. */
  add(first = 0): number {
    if ((this.#length & (CHUNK_ROWS - 1)) === 0) this.#chunks.push(new Int32Array(CHUNK_ROWS * this.width));
    const row = this.#length++;
    this.chunk(row)[this.offset(row)] = first;
    return row;
  }

  get(row: number, column = 0): number {
    return this.chunk(row)[this.offset(row) + column]!;
  }

  /** The chunk that holds `row`, for reading or writing several of its numbers at `offset(row)`. */
  chunk(row: number): Int32Array {
    return this.#chunks[row >> CHUNK_BITS]!;
  }

  offset(row: number): number {
    return (row & (CHUNK_ROWS - 1)) * this.width;
  }
}
