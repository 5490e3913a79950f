/**
 * A buffer reused for reads whose bytes are turned into strings or values before the next read. Each read
 * with a buffer of its own is memory from the C heap, which V8 frees only when it collects the buffer, and
 * which the C heap then keeps: reading files and temporary files that way grew it by tens of MB in large runs.
 */

/** Kept between reads up to this size; a larger one is let go after its read. */
const KEPT_BYTES = 1 << 20;

export class ScratchBuffer {
  private buffer = Buffer.allocUnsafe(0);

  /** A buffer of at least `size` bytes (its start may hold the last read's bytes). */
  of(size: number): Buffer {
    if (this.buffer.length >= size) return this.buffer;
    const buffer = Buffer.allocUnsafe(Math.max(size, 64 << 10));
    if (size <= KEPT_BYTES) this.buffer = buffer;
    return buffer;
  }

  /** A larger buffer holding the first `kept` bytes of `buffer`. */
  grown(buffer: Buffer, size: number, kept: number): Buffer {
    const larger = this.of(size);
    buffer.copy(larger, 0, 0, kept);
    return larger;
  }
}
