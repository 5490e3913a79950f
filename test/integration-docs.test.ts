/**
 * The integration guide's snippets work as written: every kmlint command line parses with the real
 * argument parser and its formats exist, every flag in an editor config is a kmlint option, the JSON
 * and YAML blocks parse, and its Kubernetes manifests pass kmlint themselves.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { OPTIONS, parseCommandLine } from '../src/cli/args.js';
import { outputTargets } from '../src/cli/outputs.js';
import { runCli } from './support/cli.js';
import { REPO_ROOT } from './support/shared.js';

const DOC = readFileSync(path.join(REPO_ROOT, 'docs', 'integrations.md'), 'utf8');
const BLOCKS = [...DOC.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1]!, body: match[2]! }));

/** Splits a command line the way a shell does for the cases the docs use: quotes, and nothing after a pipe, redirect or `||`. */
function kmlintArgs(line: string): string[] | undefined {
  const at = line.search(/\bkmlint(\s|$)/);
  if (at === -1) return undefined;
  const tokens: string[] = [];
  for (const match of line.slice(at).matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const token = match[1] ?? match[2] ?? match[3]!;
    if (match[3] !== undefined && /^(\||\|\||&&|;|<|>|2>)$/.test(token)) break;
    tokens.push(token);
  }
  return tokens.slice(1).map((token) => token.replace(/\\$/, ''));
}

function commandLines(): { line: string; args: string[] }[] {
  const lines = [
    ...BLOCKS.filter((block) => block.lang !== 'lua').flatMap((block) => block.body.split('\n')),
    // One-line examples in the prose, written as `code`.
    ...[...DOC.matchAll(/`([^`\n]*\bkmlint [^`\n]*)`/g)].map((match) => match[1]!),
  ];
  return lines.flatMap((line) => {
    const args = kmlintArgs(line);
    return args && args.some((arg) => arg.startsWith('-')) ? [{ line, args }] : [];
  });
}

describe('docs/integrations.md', () => {
  test('covers GitLab CI, Jenkins, Azure DevOps, reviewdog, pre-commit, editors, Argo CD and Flux', () => {
    for (const heading of ['GitLab CI', 'Jenkins', 'Azure DevOps', 'reviewdog', 'pre-commit', 'Editors', 'VS Code', 'Neovim (nvim-lint)', 'JetBrains IDEs', 'Argo CD', 'Flux']) {
      assert.match(DOC, new RegExp(`^#{2,3} ${heading.replace(/[()]/g, '\\$&')}$`, 'm'), heading);
    }
  });

  test('every kmlint command line parses, with formats that exist', () => {
    const commands = commandLines();
    assert.ok(commands.length >= 10, `only ${commands.length} command lines found`);
    for (const { line, args } of commands) {
      const parsed = (() => {
        try {
          return parseCommandLine(args);
        } catch (error) {
          assert.fail(`${line}\n  → ${(error as Error).message}`);
        }
      })();
      assert.doesNotThrow(() => outputTargets(parsed.values.format, parsed.values.output), line);
    }
  });

  test('the parser the check relies on does reject a flag kmlint lacks', () => {
    assert.throws(() => parseCommandLine(['--format', 'text', '--warnings-only', '.']), /Unknown option '--warnings-only'/);
    assert.throws(() => outputTargets(['junit=a.xml', 'codeclimate'], undefined), /--format must be one of/);
  });

  test('flags in the editor configurations are kmlint options', () => {
    const known = new Set(Object.keys(OPTIONS).map((name) => `--${name}`));
    const editorBlocks = BLOCKS.filter((block) => block.lang === 'lua');
    assert.ok(editorBlocks.length > 0);
    for (const block of editorBlocks) {
      for (const [, flag] of block.body.matchAll(/['"](--[a-z][a-z-]*)['"]/g)) assert.ok(known.has(flag!), `${flag} is not a kmlint option`);
    }
  });

  test('the JSON and YAML blocks parse; the VS Code matcher is the repository\'s problem-matcher.json', () => {
    const matcher = JSON.parse(readFileSync(path.join(REPO_ROOT, 'problem-matcher.json'), 'utf8')).problemMatcher[0];
    for (const block of BLOCKS.filter((each) => each.lang === 'json')) {
      const task = JSON.parse(block.body).tasks[0];
      assert.deepEqual(
        task.problemMatcher.pattern.map((pattern: Record<string, unknown>) => pattern.regexp),
        matcher.pattern.map((pattern: Record<string, unknown>) => pattern.regexp),
      );
    }
    for (const block of BLOCKS.filter((each) => each.lang === 'yaml')) {
      for (const doc of parseAllDocuments(block.body)) assert.deepEqual(doc.errors, [], block.body);
    }
  });

  test('its Kubernetes manifests pass kmlint without an error', () => {
    const manifests = BLOCKS.filter((block) => block.lang === 'yaml' && /^apiVersion:/m.test(block.body));
    assert.ok(manifests.length > 0);
    for (const block of manifests) {
      const run = runCli(['--stdin-filename', 'snippet.yaml', '-'], { input: block.body });
      assert.equal(run.status, 0, run.stdout);
    }
  });
});
