/**
 * A STAND-IN for `helm template`, used by the tests because helm cannot be installed on the development
 * machines. It is not helm: it knows the few template forms the fixture charts use, and behaves like
 * `helm template [NAME] CHART` where kmlint depends on it:
 * - values: the chart's values.yaml, then each --values/-f file, then --set key.path=value (later wins, maps merge);
 * - output: each template under `---` and `# Source: <chart name>/templates/<file>`, templates rendering to
 *   nothing left out, files starting with `_` skipped;
 * - failures: `Error: …` on stderr and exit 1 for a missing or broken Chart.yaml, a missing values file, and an
 *   unknown template function (`parse error at (<chart>/templates/<file>:<line>): function "x" not defined`).
 * Template forms: {{ .Values.a.b }}, {{ .Release.Name }}, {{ .Release.Namespace }}, {{ .Chart.Name }},
 * {{ quote .Values.x }}, {{- toYaml .Values.x | nindent N }}, {{ fail .Values.x }} (helm's `execution error at
 * (<chart>/templates/<file>:<line>): <message>`); `{{-` trims the whitespace before it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

function fail(message) {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
if (args[0] !== 'template') fail(`unknown command "${args[0]}" for "helm" (this stand-in knows only "template")`);
const positionals = [];
const valueFiles = [];
const sets = [];
let namespace = 'default';
for (let index = 1; index < args.length; index++) {
  const arg = args[index];
  if (arg === '--values' || arg === '-f') valueFiles.push(args[++index]);
  else if (arg === '--set') sets.push(args[++index]);
  else if (arg === '--namespace' || arg === '-n') namespace = args[++index];
  else if (arg === '--kube-version') index++;
  else if (arg.startsWith('-')) fail(`unknown flag: ${arg}`);
  else positionals.push(arg);
}
const [release, chartDir] = positionals.length === 1 ? ['release-name', positionals[0]] : positionals;
if (!existsSync(path.join(chartDir, 'Chart.yaml'))) fail(`Chart.yaml file is missing`);
let chart;
try {
  chart = parse(readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8'));
} catch (error) {
  fail(`cannot load Chart.yaml: error converting YAML to JSON: ${error.message.split('\n')[0]}`);
}
if (!chart || typeof chart.name !== 'string') fail('validation: chart.metadata.name is required');

const isMap = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
function merge(into, from) {
  for (const [key, value] of Object.entries(from ?? {})) into[key] = isMap(value) && isMap(into[key]) ? merge({ ...into[key] }, value) : value;
  return into;
}
function readValues(file) {
  if (!existsSync(file)) fail(`open ${file}: no such file or directory`);
  return parse(readFileSync(file, 'utf8')) ?? {};
}
const defaults = path.join(chartDir, 'values.yaml');
let values = existsSync(defaults) ? readValues(defaults) : {};
for (const file of valueFiles) values = merge(values, readValues(file));
for (const entry of sets) {
  for (const pair of entry.split(',')) {
    const equals = pair.indexOf('=');
    const keys = pair.slice(0, equals).split('.');
    const text = pair.slice(equals + 1);
    const value = text === 'true' ? true : text === 'false' ? false : /^-?\d+$/.test(text) ? Number(text) : text;
    const patch = keys.reduceRight((inner, key) => ({ [key]: inner }), value);
    values = merge(values, patch);
  }
}
const scope = { Values: values, Release: { Name: release, Namespace: namespace }, Chart: { Name: chart.name } };

function lookup(reference) {
  return reference.slice(1).split('.').reduce((node, key) => (node === undefined || node === null ? undefined : node[key]), scope);
}

function evaluate(expression, where) {
  const [first, ...pipes] = expression.split('|').map((part) => part.trim());
  const words = first.split(/\s+/);
  let value;
  if (words.length === 1 && words[0].startsWith('.')) value = lookup(words[0]);
  else if (words[0] === 'quote' && words[1]?.startsWith('.')) value = JSON.stringify(String(lookup(words[1]) ?? ''));
  else if (words[0] === 'toYaml' && words[1]?.startsWith('.')) value = stringify(lookup(words[1]) ?? {}).trimEnd();
  // helm's `fail` stops the render with the chart's own message, which may quote a value.
  else if (words[0] === 'fail' && words[1]?.startsWith('.')) fail(`execution error at (${where}): ${String(lookup(words[1]) ?? '')}`);
  else fail(`parse error at (${where}): function "${words[0]}" not defined`);
  for (const pipe of pipes) {
    const [name, count] = pipe.split(/\s+/);
    if (name !== 'nindent') fail(`parse error at (${where}): function "${name}" not defined`);
    const pad = ' '.repeat(Number(count));
    value = `\n${String(value).split('\n').map((line) => pad + line).join('\n')}`;
  }
  return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const templatesDir = path.join(chartDir, 'templates');
const names = existsSync(templatesDir) ? readdirSync(templatesDir).filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('_')).sort() : [];
let output = '';
for (const name of names) {
  const source = readFileSync(path.join(templatesDir, name), 'utf8');
  const rendered = source.replace(/([ \t]*\n?[ \t]*)\{\{(-?)\s*(.*?)\s*-?\}\}/g, (whole, before, trim, expression, offset) => {
    const line = source.slice(0, offset + before.length).split('\n').length;
    const value = evaluate(expression, `${chart.name}/templates/${name}:${line}`);
    return (trim ? '' : before) + value;
  });
  if (rendered.trim() === '') continue;
  output += `---\n# Source: ${chart.name}/templates/${name}\n${rendered.replace(/\n*$/, '\n')}`;
}
process.stdout.write(output);
