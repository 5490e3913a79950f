/**
 * The run driver, above every stage: discover → read → parse → normalise → index → rules → suppress.
 * Files are linted one after the other and dropped, except those with cross-object checks waiting for
 * the complete index (they keep their parse until the checks have run and their suppressions are known).
 */
import { statSync } from 'node:fs';
import { cacheKey, contentHash, inputsDigest, LintCache, replayable, textToken, tokenOf, type InputToken, type Replay } from '../cache/run-cache.js';
import type { CacheOptions } from '../cache/options.js';
import { indexCachedContext, type IndexText } from '../cache/context.js';
import path from 'node:path';
import type { Preset, Rule, RunSettings } from '../engine/define-rule.js';
import { lintText, type EnabledRule, type PendingCheck } from '../engine/lint-file.js';
import { WatchTable } from '../engine/watch.js';
import { runIndexChecks } from '../engine/index-checks.js';
import { interpolate } from '../findings/build.js';
import { layeredOptions, validateRuleOptions, type OptionLayer } from '../engine/rule-options.js';
import { resolveRuleSettings, type RuleOverride, type RuleSetting } from '../engine/rule-settings.js';
import { DEFAULT_RUN_SETTINGS } from '../engine/run-settings.js';
import { UsageError } from '../errors.js';
import { discover, ignoreChecker, type Discovery } from '../input/discover.js';
import { displayPath } from '../input/display-path.js';
import { trackedManifests } from '../input/git-context.js';
import { decideFile, decisionSummary, invalidTextFinding } from '../input/decision.js';
import { decode, readInputSync, DEFAULT_MAX_FILE_BYTES } from '../input/read.js';
import { readInOrder, readSource } from '../input/read-in-order.js';
import type { StringTable } from '../k8s/detach.js';
import { ObjectIndex } from '../k8s/object-index.js';
import type { WorkloadKind } from '../k8s/workloads.js';
import { credentialSpans, maskSpans, redactFileSpans, redactFindings, type Span } from '../redact/index.js';
import { rules as allRules } from '../rules/index.js';
import type { SuppressOptions } from '../suppress/options.js';
import { createSuppressor } from '../suppress/suppressor.js';
import type { FileDecision, FileReport, Finding, InvalidText, LintResult, Tallies } from '../types.js';
import type { SavedRun } from '../cache/store.js';
import { shardOf, type Shard } from '../shard/assign.js';
import type { ShardInfo } from '../shard/report.js';
import type { IndexPeers, ThreadOptions, ThreadPlan } from './parallel-options.js';
import { compareFindings, type FindingSpool } from './spool.js';
import { NO_SPANS, OpenFiles, type OpenFile } from './open-files.js';
import { SourceTexts } from './spool-sources.js';
import { finishSpool, withoutBaseline } from './finish-spool.js';
import { type SpillFigures, ValueSpill } from './value-spill.js';
import { WatchSpill } from './watch-spill.js';
import { FileOnDisk, type DiskReading } from './file-on-disk.js';
import { LateArrivals } from './late-arrivals.js';

export { UsageError };

export interface LintOptions extends ThreadOptions {
  /** Files, directories, globs; `-` reads standard input. */
  paths: readonly string[];
  cwd: string;
  /** Name shown for standard input. */
  stdinFilename?: string;
  /** Standard input's content, when the caller already has it (tests, the Action). */
  stdinText?: string;
  presets?: readonly Preset[];
  ruleOverrides?: ReadonlyMap<string, RuleOverride>;
  extraWorkloads?: readonly WorkloadKind[];
  ignore?: readonly string[];
  maxFileBytes?: number;
  rules?: readonly Rule[];
  /**
   * Manifests indexed for cross-object rules but never reported on. Undefined: when every input is a file
   * inside a git repository, the repository's tracked manifests. An empty list: no context.
   */
  context?: readonly string[];
  /** Target Kubernetes version (`major.minor`). */
  kubeVersion?: string;
  /** Namespace of objects that name none. */
  namespace?: string;
  /** The input holds every object of the cluster: references to objects it lacks are dangling. */
  complete?: boolean;
  /** Called after each file, for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called now and then in the stage after the files (the checks across files), with where the run is: work
   * there grows memory too, and the CLI looks at its heap between files and at these points. `coming`, once
   * before the stage: about how many bytes the stage may add to the process.
   */
  onCheckpoint?: (where: string, coming?: number) => void;
  /** Keep the text of files with findings (the text format prints their lines). */
  keepSources?: boolean;
  /**
   * With `keepSources`, files on disk are read again for their code frames when the report is written
   * (`sourceTexts`) instead of being held in `sources`. Spooled runs always do; this asks it of worker threads.
   */
  framesFromDisk?: boolean;
  /** Rule options for one file by rule id (configuration overrides), merged in order over the run's; some only for some objects. */
  ruleOptionsForFile?: (file: string) => ReadonlyMap<string, readonly OptionLayer[]>;
  /** Applied to the findings of each file before suppressions (configuration overrides by file, kind, namespace). */
  findingStage?: (findings: readonly Finding[], defaultNamespace: string) => Finding[];
  /** Config exemptions, strict list, baseline…; comment and annotation suppressions apply without it. */
  suppress?: SuppressOptions;
  /** Collect time per rule and per stage (`--stats`). */
  stats?: boolean;
  /** Freeze the views handed to rules, so a rule that mutates them throws (the rule tester sets it). */
  freeze?: boolean;
  /** `--cache`: skip files whose text, configuration and kmlint are unchanged since the last run. */
  cache?: CacheOptions;
  /** `--shard i/n`: report only this shard's files (every file is still indexed) and leave the run-wide stage to the merge. */
  shard?: Shard;
  /**
   * The CLI's runs: each file's findings go to the spool as soon as they are final instead of staying in
   * `findings` (which then holds none); the reports read them back from it. A worker thread's spool sends
   * them to the main thread instead (`run/worker.ts`).
   */
  spool?: FindingSpool;
  /**
   * With a spool: how many index records keep their values in memory; past them, values wait in a temporary
   * file until the checks across files read them. Default `INDEX_IN_MEMORY`; tests lower it.
   */
  indexInMemory?: number;
  /** With a spool: how many watches keep their data in memory; past them, data wait in a temporary file. */
  watchesInMemory?: number;
  /** With a spool: how many findings of the checks across files wait in memory for their file to close; past them, on disk. */
  lateInMemory?: number;
  /** With a spool: from how many input files no value or watch's data stays in memory. Default `LARGE_RUN_FILES`; tests lower it. */
  largeRunFiles?: number;
}

/**
 * About what the checks across files add to the process per indexed object: its tables, the values read back,
 * the findings and their garbage. At 100,000 documents with names of their own (not copies that share them),
 * the process grew from about 270 to 395 MB in the stage: 1.2 KB an object.
 */
export const CROSS_OBJECT_BYTES_PER_OBJECT = 1280;
/** Records whose values stay in memory in a CLI run: about 13 to 19 MB, more than most repositories hold. */
export const INDEX_IN_MEMORY = 10_000;
/** Watches whose data stay in memory in a CLI run: about 7 to 9 MB, rules watch about three times a document. */
export const WATCHES_IN_MEMORY = 30_000;
/**
 * From this many input files (about 50,000 documents in a typical repository) a CLI run keeps no record's value
 * and no watch's data in memory, from its first file: the allowances above are about a fifth of what such a
 * run holds when its walk ends (at 13,000 documents with distinct names: 50 MB live with them, 25 MB without),
 * and the checks across files carry it to the run's peak. Smaller runs keep them, and touch the disk later or never.
 */
export const LARGE_RUN_FILES = 20_000;
/**
 * Findings of the checks across files held in memory until their file closes in a CLI run: about 2 MB. Each is
 * written once and read once, as JSON: cheap enough that only a small run need not touch the disk, and 10,000
 * held (about 11 MB) were a tenth of what the checks across files added to the heap at 100,000 documents.
 */
export const LATE_IN_MEMORY = 2_000;

export interface RunStats {
  /** Index records whose values waited on disk, their bytes, and how many times a check read one back. */
  indexOnDisk?: SpillFigures;
  /** Watches whose data waited on disk, their bytes, and how many batches of them the checks read back. */
  watchesOnDisk?: SpillFigures;
  /** Findings of the checks across files that waited on disk for their file to close, their bytes, and reads. */
  lateOnDisk?: SpillFigures;
  /** Milliseconds per stage. */
  stages: Record<string, number>;
  /** Milliseconds per rule, visitors and cross-object checks together. */
  rules: Record<string, number>;
  /** Worker threads the files ran in (`--concurrency`). */
  threads?: ThreadPlan;
}

export interface LintRun extends LintResult {
  /** One-line notes for stderr: skipped files and documents, left-out chart templates. */
  notes: string[];
  /** Text of the files with findings, when asked for. */
  sources: Map<string, string>;
  /** Objects indexed from context files (not reported on). */
  contextObjects: number;
  stats?: RunStats;
  /** With a cache: files served from it, and whether the whole run was replayed. */
  cache?: { hits: number; replayed: boolean; context?: { hits: number; files: number } };
  /** A shard's part, for `kmlint merge`. */
  shard?: ShardInfo;
  /** Every finding of the run, when it was spooled (`findings` is then empty). */
  spool?: FindingSpool;
  /** With a spool: the texts for code frames, files on disk read again when asked for (`sources` holds the others). */
  sourceTexts?: SourceTexts;
}

/** One input of a run: its display name and how to read it. */
export interface Source {
  display: string;
  /** Absolute path, for files on disk. */
  absolute?: string;
  /** The text, why the input was not read (one line for the user), or where its bytes stop being text. */
  read: () => Promise<{ text: string } | { skipped: string } | { invalid: InvalidText }>;
  /** Named by the user (a file argument, standard input): its syntax errors are reported whatever it holds. */
  explicit?: boolean;
  /** Known not to be linted as objects (a kustomize patch, a test assertion). */
  partial?: FileDecision;
}

export async function lint(options: LintOptions): Promise<LintRun> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd);
  const { sources, notes } = await discoverSources(cwd, options);
  // Worker threads only when asked for: a one-thread run does not load their code.
  const run = options.concurrency !== undefined && options.concurrency !== 1
    ? await (await import('./parallel.js')).lintInThreads(sources, options, notes)
    : await lintSources(sources, options, notes);
  if (run.stats) run.stats.stages = { discover: round(performance.now() - started - sumOf(run.stats.stages)), ...run.stats.stages };
  return run;
}

/** The run's sources, and what discovery noted: the discovery itself (every path twice over) is not kept. */
async function discoverSources(cwd: string, options: LintOptions): Promise<{ sources: Source[]; notes: readonly string[] }> {
  const discovery = await discover(options.paths, { cwd, ignore: options.ignore });
  if (discovery.missing.length > 0) {
    throw new UsageError(`nothing to lint for ${discovery.missing.join('; ')}`);
  }
  return { sources: sourcesOf(discovery, cwd, options), notes: discovery.notes };
}

/** The discovered inputs as sources of a run (files on disk, then standard input). */
export function sourcesOf(discovery: Discovery, cwd: string, options: Pick<LintOptions, 'maxFileBytes' | 'stdinFilename' | 'stdinText'>): Source[] {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const reading: DiskReading = { cwd, maxBytes };
  const sources: Source[] = discovery.files.map((file) => {
    const source = new FileOnDisk(file, reading, discovery.explicit.has(file));
    const partial = discovery.partial.get(file);
    if (partial) source.partial = partial;
    return source;
  });
  if (discovery.stdin) {
    sources.push({
      display: options.stdinFilename ?? '<stdin>',
      read: async () => decode(options.stdinText !== undefined ? Buffer.from(options.stdinText) : await readStdin(), maxBytes),
      explicit: true,
    });
  }
  return sources;
}

function sumOf(stages: Record<string, number>): number {
  return Object.values(stages).reduce((sum, ms) => sum + ms, 0);
}

/**
 * Lints the given inputs as one run (one index, one suppression stage): the CLI's files, or a test's texts.
 * `peers`: in a worker thread, the main thread completes the index with the other threads' objects.
 */
export async function lintSources(
  sources: readonly Source[],
  options: Omit<LintOptions, 'paths'> & { paths?: readonly string[] },
  notes: readonly string[] = [],
  peers?: IndexPeers,
): Promise<LintRun> {
  const clock = stageClock(options.stats ?? false);
  const cwd = path.resolve(options.cwd);
  const rules = options.rules ?? allRules;
  const presets = options.presets ?? ['recommended'];
  const settings = resolveRuleSettings(rules, presets, options.ruleOverrides);
  const withOptions = [...(options.ruleOverrides ?? [])].filter(([, override]) => override.options !== undefined);
  if (withOptions.length > 0) {
    await validateRuleOptions(withOptions.flatMap(([id]) => rules.filter((rule) => rule.meta.id === id).map((rule) => ({ rule, options: settings.get(id)?.options }))));
  }
  const enabled: EnabledRule[] = rules.filter((rule) => settings.has(rule.meta.id)).map((rule) => ({ rule, setting: settings.get(rule.meta.id)! }));
  const runSettings = runSettingsOf(options);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const spool = options.spool;
  // A CLI run (spooled) on one thread keeps index values past the first records on disk; a worker thread's
  // index goes to the main thread whole, and a library call keeps everything in memory.
  const large = sources.length >= (options.largeRunFiles ?? LARGE_RUN_FILES);
  const values = spool && !peers ? new ValueSpill(options.indexInMemory ?? (large ? 0 : INDEX_IN_MEMORY)) : undefined;
  const watchData = spool && !peers ? new WatchSpill(options.watchesInMemory ?? (large ? 0 : WATCHES_IN_MEMORY)) : undefined;
  const arrivals = new LateArrivals(spool && !peers ? (options.lateInMemory ?? LATE_IN_MEMORY) : Infinity);
  const index = new ObjectIndex(runSettings.complete, values, large);
  const ruleTimes = options.stats ? new Map<string, number>() : undefined;
  const tallies: Tallies = new Map();

  const run: LintRun = { findings: [], files: [], objects: 0, internalErrors: 0, notes: [...notes], sources: new Map(), contextObjects: 0 };
  // Listed once: the cache's replay check and the context's index both need the list.
  let contextList: ReturnType<typeof contextFiles> | undefined;
  const listContext = () => (contextList ??= contextFiles(options, cwd, sources));
  const cache = options.cache
    ? LintCache.open(options.cache.file, options.cache.display, cacheKey({
      ruleIds: rules.map((rule) => rule.meta.id), settings, runSettings, suppress: options.suppress, extraWorkloads: options.extraWorkloads,
      ignore: options.ignore, context: options.context, maxBytes, cwd, configKey: options.cache.configKey,
    }))
    : undefined;
  if (cache) {
    const replay = await replayable(cache, sources, listContext, maxBytes, options.keepSources ?? false, spool);
    if (replay) {
      // A spooled replay applies the baseline as a view over the spool, as a spooled run does.
      const suppressor = createSuppressor(replay.spool ? withoutBaseline(options.suppress) : options.suppress, { rules, settings, cwd });
      const replayed = replayRun(run, replay, { files: sources.length, suppressor, suppress: options.suppress, maxBytes });
      clock.lap('cache replay');
      if (options.stats) replayed.stats = { stages: clock.stages, rules: {} };
      return replayed;
    }
  }
  // A spooled run applies the baseline itself, as a view over the spool.
  const suppressor = createSuppressor(spool ? withoutBaseline(options.suppress) : options.suppress, { rules, settings, cwd });
  const tokens: InputToken[] = [];
  const crossObjectRules = enabled.some(({ rule }) => rule.meta.crossObject);
  // With a spool, each file's findings leave memory when final: what stays here is what arrived later for a
  // file the spool holds (an entry only once something does, which few ever get: the spool knows its files).
  const perFile = new Map<string, Finding[]>();
  if (spool) run.sourceTexts = new SourceTexts(run.sources, maxBytes);
  // A spooled run reads files on disk again for code frames rather than hold their texts.
  // `text` as read, with the credential spans redaction found in it, if it looked; the cache keeps the spans.
  const keepSource = (source: Pick<Source, 'display' | 'absolute'>, text: string, spans?: readonly Span[], hash?: string): void => {
    if (run.sourceTexts && source.absolute !== undefined) {
      const known = spans ? { hash: hash ?? contentHash(text), spans } : undefined;
      run.sourceTexts.onDisk(source.display, source, known);
      // The cache keeps where its credentials are all the same: a replay masks the texts it frames from them.
      cache?.keepSpans(text, known?.hash ?? hash ?? contentHash(text), spans);
    } else run.sources.set(source.display, cache ? cache.masked(text, hash ?? contentHash(text), spans) : maskSpans(text, spans ?? credentialSpans(text)));
  };
  // `waiting`: the file's cross-object checks are still to run, and what they find is gathered in the array returned.
  const settle = (file: string, findings: Finding[], waiting = false): Finding[] => {
    if (!spool) {
      perFile.set(file, findings);
      return findings;
    }
    spool.add(file, sortFindings(findings));
    return [];
  };
  const open = new OpenFiles(sources, spool !== undefined);
  const pending: PendingCheck[] = [];
  // A rule keeps the places of the records it watched, as long as they are in the store (every one in a large run).
  const watched = new WatchTable(watchData, watchData && index);
  const unreached = new Set<string>();
  let done = 0;
  const shard = options.shard ? { positions: [] as number[], fileNotes: [] as string[][], ...options.shard } : undefined;
  const reads = readAhead(sources);
  for (const [position, source] of sources.entries()) {
    // Records of the file name it by this string, not a copy of it.
    if (crossObjectRules) index.strings.adopt(source.display);
    if (shard && shardOf(source.display, shard.count) !== shard.index) {
      // Another shard reports this file; its objects still enter the index, in the order of the run.
      const outcome = await reads.next();
      if (crossObjectRules && outcome && 'text' in outcome) indexAgain(source.display, outcome.text, index, { rules: enabled, extraWorkloads: options.extraWorkloads, settings: runSettings });
      options.onProgress?.(++done, sources.length);
      continue;
    }
    const notesBefore = run.notes.length;
    const reading = performance.now();
    const outcome = await reads.next();
    clock.add('read', performance.now() - reading);
    const hash = cache && source.absolute !== undefined && outcome && 'text' in outcome ? contentHash(outcome.text) : undefined;
    // What the cache's replay compares: only a run with a cache hashes every file.
    if (cache) tokens.push(hash !== undefined ? textToken(source.display, hash) : tokenOf(source.display, outcome, source.partial));
    const hit = hash !== undefined ? cache!.lookup(source.display, hash) : undefined;
    if (hit && outcome && 'text' in outcome) {
      run.files.push(hit.report);
      settle(source.display, hit.findings);
      run.objects += hit.objects;
      run.internalErrors += hit.internalErrors;
      run.notes.push(...hit.notes);
      for (const kind of hit.unreached) unreached.add(kind);
      suppressor.replayExemptions(hit.exemptions);
      // Other files' cross-object checks need this file's objects, in the order of the run.
      if (crossObjectRules) indexAgain(source.display, outcome.text, index, { rules: enabled, extraWorkloads: options.extraWorkloads, settings: runSettings });
      if (options.keepSources && hit.findings.length > 0) keepSource(source, outcome.text, undefined, hash);
      run.cache = { hits: (run.cache?.hits ?? 0) + 1, replayed: false };
    } else if (!outcome) {
      run.files.push({ file: source.display, objects: 0, documents: 0, decision: source.partial });
    } else if ('skipped' in outcome) {
      run.files.push({ file: source.display, objects: 0, documents: 0, skipped: outcome.skipped, decision: 'skipped' });
      run.notes.push(`${source.display}: skipped, ${outcome.skipped}`);
    } else if ('invalid' in outcome) {
      run.files.push({ file: source.display, objects: 0, documents: 0, decision: 'manifest', reason: 'not UTF-8' });
      const findings = applyEngineRuleSettings([invalidTextFinding(source.display, outcome.invalid)], settings);
      settle(source.display, findings);
    } else {
      const linted = lintText(source.display, outcome.text, { rules: rulesForFile(enabled, options.ruleOptionsForFile?.(source.display), runSettings.namespace), extraWorkloads: options.extraWorkloads, settings: runSettings, index, ruleTimes, tallies, freeze: options.freeze });
      // Files that hold no object and do not mean to be manifests are skipped quietly, findings and all.
      const { decision, reason, objects } = decideFile(linted, source.explicit === true);
      linted.objectCount = objects;
      // Levels from configuration apply before suppression, so suppressed findings carry their real level.
      linted.findings = applyEngineRuleSettings(linted.findings, settings);
      if (options.findingStage) linted.findings = options.findingStage(linted.findings, runSettings.namespace);
      const suppression = suppressor.file(linted);
      run.files.push({ file: source.display, objects: linted.objectCount, documents: linted.documentCount, decision, reason } satisfies FileReport);
      if (linted.pending.length > 0 || (linted.watched?.length ?? 0) > 0) {
        pending.push(...linted.pending);
        for (const watch of linted.watched ?? []) watched.add(watch);
        // Redacted now for what is known; the findings still to come are redacted when the file closes.
        const { spans } = redactFileSpans(linted, outcome.text);
        if (!spool) detach(linted.findings, index.strings);
        // Every property made here, none added later: each would cost a waiting file an array of its own.
        const onDisk = source.absolute !== undefined;
        const state: OpenFile = {
          findings: settle(source.display, linted.findings, true), walked: spool !== undefined && linted.findings.length > 0, suppression, later: undefined, arrived: undefined,
          again: onDisk ? source : undefined,
          hash: onDisk ? (hash ?? contentHash(outcome.text)) : undefined,
          spans: onDisk ? (spans?.length === 0 ? NO_SPANS : spans) : undefined,
          text: onDisk ? undefined : outcome.text,
        };
        open.add(source.display, position, state);
      } else {
        linted.findings.push(...suppression.close());
        const { spans } = redactFileSpans(linted, outcome.text);
        if (!spool) detach(linted.findings, index.strings);
        settle(source.display, linted.findings);
        if (options.keepSources && linted.findings.length > 0) keepSource(source, outcome.text, spans, hash);
        if (hash !== undefined) {
          cache!.record(source.display, {
            hash, report: run.files.at(-1)!, findings: linted.findings, notes: linted.notes, objects: linted.objectCount,
            internalErrors: linted.internalErrors, unreached: [...linted.unreachedKinds], exemptions: suppression.exemptionUsage(),
          });
        }
      }
      run.objects += linted.objectCount;
      run.internalErrors += linted.internalErrors;
      run.notes.push(...linted.notes);
      for (const kind of linted.unreachedKinds) unreached.add(kind);
    }
    shard?.positions.push(position);
    shard?.fileNotes.push(run.notes.slice(notesBefore));
    options.onProgress?.(++done, sources.length);
  }
  clock.lap('parse and rules');

  let context: InputToken[] | undefined;
  // A worker thread (run/parallel.ts): the main thread sends every thread's objects and the context's instead.
  const waiting = pending.length > 0 || watched.size > 0;
  const joined = peers ? await peers.join(index, waiting) : undefined;
  if (waiting) {
    const checked = joined ?? index;
    if (!joined) {
      const files = await listContext();
      const indexText = contextIndexer(enabled, runSettings, options.extraWorkloads);
      if (cache) {
        const served = await indexCachedContext(files, index, cache, maxBytes, indexText);
        ({ objects: run.contextObjects, tokens: context } = served);
        run.cache = { hits: run.cache?.hits ?? 0, replayed: false, context: { hits: served.hits, files: files.length } };
      } else {
        run.contextObjects = await indexContext(files, index, maxBytes, indexText);
      }
    }
    clock.lap('context');
    checked.seal();
    // Late findings go through the stages a walk's went through, then to their file while it is open.
    const deliver = (ruleId: string, found: Finding[], ms: number): void => {
      if (ruleTimes) ruleTimes.set(ruleId, (ruleTimes.get(ruleId) ?? 0) + ms);
      const staged = applyEngineRuleSettings(found, settings);
      // An open file's share of the check's findings is marked, then kept (or written out) together.
      const shares = new Map<OpenFile, Finding[]>();
      for (const finding of options.findingStage ? options.findingStage(staged, runSettings.namespace) : staged) {
        const target = open.get(finding.file);
        if (!target) {
          const late = perFile.get(finding.file);
          if (late === undefined && spool?.has(finding.file)) perFile.set(finding.file, [finding]);
          else (late ?? run.findings).push(finding);
        }
        else if (!shares.has(target)) shares.set(target, [finding]);
        else shares.get(target)!.push(finding);
      }
      for (const [target, share] of shares) {
        target.suppression.mark(share);
        arrivals.add(target, share);
      }
    };
    const checkpoint = (where = (): string => 'in the checks across files'): void => options.onCheckpoint?.(where());
    // Announced with what the stage is about to add, so that a large run holds growth back before it starts.
    options.onCheckpoint?.('before the checks across files', checked.all.length * CROSS_OBJECT_BYTES_PER_OBJECT);
    for (const [done, check] of pending.entries()) {
      if (done % CHECKPOINT_EVERY === 0) checkpoint();
      const found: Finding[] = [];
      const started = ruleTimes ? performance.now() : 0;
      run.internalErrors += check.run(checked, found);
      deliver(check.ruleId, found, ruleTimes ? performance.now() - started : 0);
    }
    // Watched objects are those of this run's (shard's, thread's) own files, so findings land in open files only.
    // A hook's findings go on in batches as it reports them, to their files' late findings (on disk in a large run).
    const early = (ruleId: string, found: Finding[]): void => deliver(ruleId, found, 0);
    for (const outcome of runIndexChecks(checked, joined ? watched.on(joined) : watched, runSettings, tallies, checkpoint, early)) {
      checkpoint();
      if (outcome.failure !== undefined) {
        run.internalErrors++;
        run.notes.push(outcome.failure);
      }
      deliver(outcome.ruleId, outcome.findings, outcome.ms);
    }
    for (const [file, state] of open.entries()) {
      checkpoint();
      arrivals.takeBack(state);
      const notes = state.suppression.close();
      state.findings.push(...notes);
      const later = [...(state.later ?? []), ...notes];
      const withFindings = state.walked || state.findings.length > 0;
      // A spooled run reads a file on disk again for its code frames only when the report is written.
      const framesLater = run.sourceTexts !== undefined && state.again !== undefined;
      // With a cache, a text framed later is still read now, once, for where its credentials are.
      const read = later.length > 0 || (options.keepSources && withFindings && (!framesLater || cache)) ? await textAgain(state, run.notes) : undefined;
      const text = read?.text;
      // Where the walk found credentials holds for the text it linted, not for one that changed since.
      const known = read === undefined || read.unchanged ? state : undefined;
      if (text === undefined && state.again) withhold(later);
      if (text !== undefined) redactFindings({ findings: later, notes: [] }, text, known?.spans);
      if (options.keepSources && withFindings && (framesLater || text !== undefined)) keepSource(state.again ?? { display: file }, text ?? '', known?.spans, known?.hash);
      if (spool) {
        // Final now: to the spool at once (its file, in a large run), rather than every file's together at the end.
        spool.addLate(file, sortFindings(state.findings));
      } else {
        detach(state.findings, index.strings);
      }
      open.delete(file);
    }
    clock.lap('cross-object');
  }
  values?.close();
  watchData?.close();
  arrivals.close();
  if (spool) {
    // What arrived for no linted file comes first, as below; each file's late findings join its line on reading.
    spool.head.push(...run.findings);
    run.findings = [];
    for (const [file, late] of perFile) spool.addLate(file, sortFindings(late));
    run.spool = spool;
  } else {
    for (const findings of perFile.values()) run.findings.push(...sortFindings(findings));
  }
  run.notes.push(...decisionSummary(run.files), ...tallyNotes(tallies, rules));
  run.notes.push(...unreachedNote(unreached));
  if (cache) {
    run.cache ??= { hits: 0, replayed: false };
    const canReplay = sources.every((source) => source.absolute !== undefined || source.partial);
    const failed = await cache.save(snapshot(run, notes.length, canReplay ? inputsDigest(tokens, context) : '', context !== undefined, suppressor.exemptionUsage()));
    if (failed) run.notes.push(failed);
  }
  if (shard) {
    run.shard = {
      ...shard,
      inputs: sources.length,
      discoveryNotes: [...notes],
      unreached: [...unreached].sort(),
      tallies: [...tallies].map(([key, { count, items }]) => ({ key, count, items: [...items].sort() })),
      exemptions: suppressor.exemptionUsage(),
    };
  } else if (spool) {
    finishSpool(run, spool, suppressor, options.suppress);
  } else {
    suppressor.finish(run);
  }
  clock.lap('suppress');
  if (options.stats) run.stats = { stages: clock.stages, rules: Object.fromEntries([...(ruleTimes ?? [])].map(([id, ms]) => [id, round(ms)])) };
  if (run.stats && values && values.figures.records > 0) run.stats.indexOnDisk = values.figures;
  if (run.stats && watchData && watchData.figures.records > 0) run.stats.watchesOnDisk = watchData.figures;
  if (run.stats && arrivals.figures.records > 0) run.stats.lateOnDisk = arrivals.figures;
  return run;
}

/** The note about kinds whose containers no pod view reached (none when there are none). */
export function unreachedNote(kinds: Iterable<string>): string[] {
  const sorted = [...kinds].sort();
  if (sorted.length === 0) return [];
  return [`objects of ${sorted.join(', ')} hold containers that no pod spec view reaches; map them with "workloads" in the configuration to lint them`];
}

/**
 * The text of a file that waited for cross-object checks, for redacting the findings they gave it: kept, or
 * read again. A file changed meanwhile is redacted against what it holds now, with a note.
 */
async function textAgain(state: OpenFile, notes: string[]): Promise<{ text: string | undefined; unchanged: boolean }> {
  const { again: source, hash } = state;
  if (state.text !== undefined || !source) return { text: state.text, unchanged: true };
  const outcome = await source.read().catch(() => undefined);
  const text = outcome && 'text' in outcome ? outcome.text : undefined;
  const unchanged = text !== undefined && contentHash(text) === hash;
  if (!unchanged) notes.push(`${source.display}: changed while kmlint ran; its report may not match it, lint it again`);
  return { text, unchanged };
}

/** Findings of a file that could not be read again: nothing they say is checked for credentials, so they say nothing. */
function withhold(findings: Finding[]): void {
  for (const finding of findings) {
    finding.message = 'Not shown: the file could not be read again to mask credentials.';
    finding.path = finding.path.map(() => '*');
    delete finding.container;
  }
}

/** How many cross-object checks run between two checkpoints: each is small, and there may be 100,000. */
const CHECKPOINT_EVERY = 64;

/**
 * Reads started ahead of the one being linted. They overlap parsing only for sources whose `read()` truly
 * waits (texts a library caller hands in): files on disk are read synchronously (`readInputSync`), as queued
 * asynchronous reads barely advanced while the main thread parsed. The queue stays this short either way.
 */
const READ_AHEAD = 4;

/** The sources' read outcomes in their order (undefined for partial files), each read started ahead of need. */
function readAhead(sources: readonly Source[]): { next(): Promise<Awaited<ReturnType<Source['read']>> | undefined> } {
  const reads = readInOrder(sources, readSource, READ_AHEAD);
  return { next: async () => (await reads.next()).value?.[1] };
}

/**
 * Findings held in memory outlive their file: their strings (object names, containers, paths, templates) are
 * copied so that no slice of the file's text keeps the whole text alive. The finding objects themselves stay.
 * A spooled run writes a file's findings out as text at once: it copies none, as the run's table would keep
 * every message and fingerprint to the end (most of the table at 50,000 findings).
 */
function detach(findings: Finding[], strings: StringTable): void {
  for (const finding of findings) Object.assign(finding, strings.copy(finding));
}

/** What every rule of the run sees of its options: the target version, the default namespace, presets, completeness. */
function runSettingsOf(options: Pick<LintOptions, 'kubeVersion' | 'namespace' | 'presets' | 'complete'>): RunSettings {
  return {
    kubeVersion: options.kubeVersion ?? DEFAULT_RUN_SETTINGS.kubeVersion,
    namespace: options.namespace ?? DEFAULT_RUN_SETTINGS.namespace,
    presets: options.presets ?? ['recommended'],
    complete: options.complete ?? false,
  };
}

/** The context's objects alone, for a run whose inputs worker threads lint (run/parallel.ts). */
export async function contextIndex(options: Omit<LintOptions, 'paths'> & { paths?: readonly string[] }, sources: readonly Source[]): Promise<ObjectIndex> {
  const settings = runSettingsOf(options);
  const index = new ObjectIndex(settings.complete);
  const files = await contextFiles(options, path.resolve(options.cwd), sources);
  await indexContext(files, index, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, contextIndexer([], settings, options.extraWorkloads));
  return index;
}

/** Context files: indexed for cross-object rules, never reported on. Returns the number of objects indexed. */
async function indexContext(files: readonly { file: string; display: string }[], index: ObjectIndex, maxBytes: number, indexText: IndexText): Promise<number> {
  let objects = 0;
  for (const { file, display } of files) {
    const outcome = readInputSync(file, maxBytes);
    if ('text' in outcome) objects += indexText(display, outcome.text, index);
  }
  return objects;
}

/** How a context file's objects enter an index (the cache serves unchanged files without it). */
function contextIndexer(enabled: readonly EnabledRule[], settings: RunSettings, extraWorkloads: readonly WorkloadKind[] | undefined): IndexText {
  return (display, text, index) =>
    // A file without both words holds no Kubernetes object: not worth a parse (lock files, editor settings).
    !MIGHT_HOLD_OBJECTS.test(text) || !text.includes('kind') ? 0 : lintText(display, text, { rules: enabled, extraWorkloads, settings, index, contextOnly: true }).objectCount;
}

/** A file served from the cache: its objects enter the index as a linted file's do, without rules. */
function indexAgain(display: string, text: string, index: ObjectIndex, options: { rules: readonly EnabledRule[]; extraWorkloads?: readonly WorkloadKind[]; settings: RunSettings }): void {
  const own = new ObjectIndex(index.complete);
  lintText(display, text, { ...options, index: own, contextOnly: true });
  for (const record of own.all) index.add({ ...record, fromContext: false });
}

const MIGHT_HOLD_OBJECTS = /apiVersion/;

/** The context files of a run, with their display names. */
async function contextFiles(options: Omit<LintOptions, 'paths'> & { paths?: readonly string[] }, cwd: string, sources: readonly Source[]): Promise<{ file: string; display: string }[]> {
  const inputs = new Set(sources.flatMap((source) => (source.absolute ? [source.absolute] : [])));
  let files: string[];
  if (options.context !== undefined) {
    files = options.context.length === 0 ? [] : (await discover(options.context, { cwd, ignore: options.ignore })).files;
  } else {
    // A partial run (files named one by one, as pre-commit does): the repository's tracked manifests.
    const paths = options.paths ?? [];
    const namedFiles = paths.length > 0 && paths.every((input) => isFile(path.resolve(cwd, input)));
    // What .kmlintignore and the configuration leave out of walks stays out of the context too.
    files = namedFiles ? await trackedManifests(path.dirname([...inputs][0] ?? cwd), () => ignoreChecker(cwd, options.ignore ?? [])) : [];
  }
  return files.filter((file) => !inputs.has(file)).map((file) => ({ file, display: displayPath(cwd, file) }));
}

/** What the cache keeps of a run: everything before the baseline and unused-exemption stage. */
function snapshot(run: LintRun, initialNotes: number, inputs: string, usedContext: boolean, exemptions: number[]): SavedRun {
  return {
    inputs, usedContext, files: run.files, findings: run.spool ?? run.findings, notes: run.notes.slice(initialNotes), objects: run.objects,
    internalErrors: run.internalErrors, contextObjects: run.contextObjects, exemptions,
  };
}

/** A run whose inputs are all unchanged: the last run's result, then this run's baseline and exemption stage. */
function replayRun(
  run: LintRun,
  { last, spool, findings, sources, onDisk }: Replay,
  context: { files: number; suppressor: ReturnType<typeof createSuppressor>; suppress: SuppressOptions | undefined; maxBytes: number },
): LintRun {
  Object.assign(run, { files: last.files, findings, objects: last.objects, internalErrors: last.internalErrors, contextObjects: last.contextObjects, sources });
  run.notes.push(...last.notes);
  run.cache = { hits: context.files, replayed: true };
  // The cache file stays as it is: it already describes this run.
  context.suppressor.replayExemptions(last.exemptions);
  if (!spool) {
    context.suppressor.finish(run);
    return run;
  }
  run.spool = spool;
  run.sourceTexts = new SourceTexts(run.sources, context.maxBytes);
  for (const [file, absolute, known] of onDisk) run.sourceTexts.onDisk(file, absolute, known);
  finishSpool(run, spool, context.suppressor, context.suppress);
  return run;
}

/** The run's rules with a file's own options (from configuration overrides, per object where they select kinds or namespaces) merged over theirs. */
function rulesForFile(enabled: readonly EnabledRule[], fileOptions: ReadonlyMap<string, readonly OptionLayer[]> | undefined, namespace: string): readonly EnabledRule[] {
  if (!fileOptions || fileOptions.size === 0) return enabled;
  return enabled.map((entry) => {
    const layers = fileOptions.get(entry.rule.meta.id);
    if (!layers) return entry;
    const { options, forObject } = layeredOptions(entry.setting.options, layers, namespace);
    return { rule: entry.rule, setting: { ...entry.setting, options }, ...(forObject ? { forObject } : {}) };
  });
}

/** One line per rule and topic a rule counted, from the template in its metadata. */
export function tallyNotes(tallies: Tallies, rules: readonly Rule[]): string[] {
  return [...tallies].sort(([a], [b]) => a.localeCompare(b)).map(([key, { count, items }]) => {
    const [id, topic] = key.split('\u0000') as [string, string];
    const template = rules.find((rule) => rule.meta.id === id)?.meta.tallies?.[topic] ?? `${topic}: {{count}} ({{items}})`;
    return `${id}: ${interpolate(template, { count, items: [...items].sort().join(', ') })}`;
  });
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Findings the engine reports itself (syntax errors, duplicate keys) obey configuration like any rule's. */
function applyEngineRuleSettings(findings: Finding[], settings: ReadonlyMap<string, RuleSetting>): Finding[] {
  return findings.flatMap((finding) => {
    if (finding.ruleId === 'internal-error') return [finding];
    const setting = settings.get(finding.ruleId);
    if (!setting) return [];
    return setting.levelConfigured ? [{ ...finding, level: setting.level }] : [finding];
  });
}

/** File order, the same the spool merges late findings in. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

/** Time per stage: `lap` closes a stage at now; `add` books time spent inside the next lap to another stage. */
function stageClock(enabled: boolean): { lap(stage: string): void; add(stage: string, ms: number): void; stages: Record<string, number> } {
  const stages: Record<string, number> = {};
  let last = performance.now();
  let booked = 0;
  return {
    stages,
    add(stage, ms) {
      if (!enabled) return;
      stages[stage] = round((stages[stage] ?? 0) + ms);
      booked += ms;
    },
    lap(stage) {
      if (!enabled) return;
      const now = performance.now();
      stages[stage] = round((stages[stage] ?? 0) + now - last - booked);
      last = now;
      booked = 0;
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
