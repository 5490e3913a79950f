/**
 * The findings that the checks across files give a file still open (waiting for them), until it closes and
 * they are redacted against its text. A large run writes them to a temporary file as they arrive, past the
 * first ones, a file's share of one check at a time: held in memory they grew through the checks across
 * files, where such a run peaks (about 50,000 findings, 55 MB, at 100,000 documents).
 */
import type { Finding } from '../types.js';
import { Spill, type SpillFigures } from './value-spill.js';

/** Where a file's late findings gather: its lists, and the slots of those on disk. */
export interface ArrivalTarget {
  /** Its findings (with a spool, only those that arrived after the walk). */
  findings: Finding[];
  /** Those still to redact (none arrived yet: no array). */
  later: Finding[] | undefined;
  /**
   * The slot of the findings that went to disk last; each slot holds the one before it. A number, not a list
   * of slots: a large run has hundreds of thousands of files waiting, and a list each cost them 30 MB in all.
   */
  arrived: number | undefined;
}

export class LateArrivals {
  // Each slot is read once, as its file closes: nothing to keep. A slot holds its target's slot before it (-1: none).
  private readonly spill = new Spill<[previous: number, findings: Finding[]]>('late-findings.jsonl', 0, 'json');
  private held = 0;
  private stored = 0;

  constructor(
    /** Findings kept in memory before they go to the file (Infinity: all): a small run never touches the disk. */
    readonly after: number,
  ) {}

  /** Findings written out (not the writes), their bytes, and the reads. */
  get figures(): SpillFigures {
    return { ...this.spill.figures, records: this.stored };
  }

  /** One check's findings for `target`. Once findings go to disk, all do: a file's stay in their order. */
  add(target: ArrivalTarget, findings: Finding[]): void {
    if (this.held < this.after) {
      this.held += findings.length;
      target.findings.push(...findings);
      (target.later ??= []).push(...findings);
      return;
    }
    this.stored += findings.length;
    target.arrived = this.spill.store([target.arrived ?? -1, findings]);
  }

  /** Puts what went to disk for `target` back into its lists, after those held in memory. */
  takeBack(target: ArrivalTarget): void {
    const arrived: Finding[][] = [];
    for (let slot = target.arrived ?? -1; slot >= 0;) {
      const [previous, findings] = this.spill.read(slot);
      arrived.push(findings);
      slot = previous;
    }
    for (const findings of arrived.reverse()) {
      target.findings.push(...findings);
      (target.later ??= []).push(...findings);
    }
    target.arrived = undefined;
  }

  close(): void {
    this.spill.close();
  }
}
