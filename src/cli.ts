#!/usr/bin/env node
/** The `kmlint` command: a thin layer over the engine. Heavy modules load only when a run needs them. */
import { existsSync } from 'node:fs';
import module from 'node:module';
import { parseCommandLine, UsageError } from './cli/args.js';
import { VERSION } from './version.js';
import { visible, visibleLine } from './redact/visible.js';

// `kmlint . | head`: a reader that went away is not an error; end quietly, no stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

// Node 22.1+ caches compiled code between runs (a pre-commit hook runs often); older Node has no such call.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/** `kmlint rules` is a command, unless a file or folder of that name is what the user means to lint. */
function isCommand(positionals: readonly string[], name: string): boolean {
  return positionals[0] === name && !existsSync(name);
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCommandLine(argv);
  if (args.values.help) {
    process.stdout.write((await import('./cli/help.js')).HELP);
    return 0;
  }
  if (args.values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (isCommand(args.positionals, 'init') && args.positionals.length === 1) {
    const file = await (await import('./config/init.js')).writeStarterConfig(process.cwd());
    process.stderr.write(`kmlint: wrote ${file}\n`);
    return 0;
  }
  if (isCommand(args.positionals, 'merge')) {
    return (await import('./cli/merge.js')).merge(args);
  }
  if (isCommand(args.positionals, 'rules')) {
    return (await import('./cli/rules-command.js')).listRules(args);
  }
  return (await import('./cli/run.js')).run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof Error && error.name === 'ConfigError') {
      // Already `file:line:col: message`, one line per problem.
      process.stderr.write(`${error.message.split('\n').map(visibleLine).join('\n')}\n`);
    } else if (error instanceof Error && error.name === 'ResourceError') {
      process.stderr.write(`kmlint: ${visible(error.message)}\n`);
    } else if (error instanceof UsageError || (error instanceof Error && error.name === 'UsageError')) {
      process.stderr.write(`kmlint: ${visible(error.message)}\nRun "kmlint --help" for usage.\n`);
    } else {
      // Never a bare stack trace: one line, and exit 2.
      process.stderr.write(`kmlint: internal error: ${visible(error instanceof Error ? error.message : String(error))}\n`);
    }
    process.exitCode = 2;
  },
);
