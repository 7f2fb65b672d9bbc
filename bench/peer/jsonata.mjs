// The npm package jsonata (the reference implementation) on the same expressions and inputs as
// `StatesLanguage.Benchmarks --jsonata`: the cases of the JSONata suite's heavier groups, read at run time from the
// suite folder (nothing of it is copied here). Each expression is compiled once, then evaluated in a loop for a fixed
// time; expressions evaluated per second per case, per group and overall.
//   node jsonata.mjs [--suite DIR] [--groups g1,g2|all] [--runs 3] [--case-seconds 0.2] [--results FILE]
// A case is measured when it is in a chosen group, has no timelimit/depth, expects a result (not an error), and its
// first evaluation gives that result; the C# harness applies the same rule, and bench/jsonata-vs-npm.sh compares
// the cases both measured. Keep the selection rule and the default groups in step with JsonataCases.cs.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import jsonata from 'jsonata';

// The heavier groups, chosen by measuring every group on both implementations (--groups all): those where the npm
// package evaluates fewer than ~45,000 expressions/s, or has cases under ~10,000/s. Keep in step with JsonataCase.cs.
const DEFAULT_GROUPS = [
  'performance',
  'tail-recursion',
  'higher-order-functions',
  'lambdas',
  'matchers',
  'joins',
  'object-constructor',
  'function-applications',
  'transforms',
  'multiple-array-selectors',
  'function-sort',
  'closures',
  'parent-operator',
  'function-sift',
  'hof-filter',
  'hof-map',
  'hof-reduce',
  'hof-single',
  'hof-zip-map',
  'partial-application',
  'sorting',
  'regex',
  'descendent-operator',
];

const argument = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const suite = argument('--suite', join(repositoryRoot, '..', 'shared', 'conformance', 'jsonata-suite'));
const groupsArgument = argument('--groups', DEFAULT_GROUPS.join(','));
const runs = Number(argument('--runs', '3'));
const caseSeconds = Number(argument('--case-seconds', '0.2'));
const resultsFile = argument('--results', null);

if (!existsSync(join(suite, 'groups'))) {
  console.error(`The JSONata suite is not at ${suite} (give --suite DIR).`);
  process.exit(2);
}
const groups =
  groupsArgument === 'all'
    ? readdirSync(join(suite, 'groups')).sort(ordinal)
    : groupsArgument.split(',').filter((g) => g.length > 0);

function ordinal(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The cases of one group, named group/file#index, in the C# harness's order. */
function loadGroup(group) {
  const folder = join(suite, 'groups', group);
  const cases = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort(ordinal)) {
    const json = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    const items = Array.isArray(json) ? json : [json];
    items.forEach((definition, index) => {
      const expression = definition.expr ?? readFileSync(join(folder, definition['expr-file']), 'utf8');
      let input;
      if ('data' in definition) input = definition.data;
      else if (definition.dataset != null)
        input = JSON.parse(readFileSync(join(suite, 'datasets', `${definition.dataset}.json`), 'utf8'));
      cases.push({ name: `${group}/${basename(file, '.json')}#${index}`, group, expression, input, definition });
    });
  }
  return cases;
}

/** JSON equality: key order ignored, array order kept, numbers by value. */
function jsonEqual(a, b) {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && jsonEqual(a[key], b[key]));
}

/** Why a case is left out, or null when it is measured (after one checked evaluation). */
async function exclusion(c) {
  const d = c.definition;
  if ('timelimit' in d || 'depth' in d) return 'timelimit/depth';
  if ('code' in d) return 'expects an error';
  try {
    c.compiled = jsonata(c.expression);
    c.bindings = d.bindings ?? {};
    const result = await c.compiled.evaluate(c.input, c.bindings);
    if (d.undefinedResult === true) return result === undefined ? null : 'wrong result';
    if (result === undefined) return 'wrong result';
    return jsonEqual(JSON.parse(JSON.stringify(result)), d.result) ? null : 'wrong result';
  } catch (error) {
    return `error ${error.code ?? error.message}`;
  }
}

/** Evaluations for at least caseSeconds, the clock read between batches that double up to ~1 ms. */
async function measure(c) {
  const minimum = BigInt(Math.round(caseSeconds * 1e9));
  const start = process.hrtime.bigint();
  let evaluations = 0;
  let batch = 1;
  let elapsed = 0n;
  while (elapsed < minimum) {
    const before = elapsed;
    for (let i = 0; i < batch; i++) await c.compiled.evaluate(c.input, c.bindings);
    evaluations += batch;
    elapsed = process.hrtime.bigint() - start;
    if (elapsed - before < 1_000_000n) batch *= 2;
  }
  return evaluations / (Number(elapsed) / 1e9);
}

const format = (value, digits) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

console.log(`npm jsonata ${JSON.parse(readFileSync(new URL('./node_modules/jsonata/package.json', import.meta.url), 'utf8')).version} on ${cpus().length} cores, Node ${process.version}`);
console.log(`Each case: one warm-up pass, then best of ${runs} passes of at least ${caseSeconds} s; cases one after another.`);

const measured = [];
const excluded = new Map();
for (const group of groups) {
  for (const c of loadGroup(group)) {
    const reason = await exclusion(c);
    if (reason === null) measured.push(c);
    else excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
  }
}
for (const c of measured) await measure(c);
for (let run = 0; run < runs; run++) {
  for (const c of measured) {
    const rate = await measure(c);
    if (c.best === undefined || rate > c.best) c.best = rate;
  }
}

console.log(`${'group'.padEnd(26)} ${'cases'.padStart(6)} ${'evaluations/s'.padStart(14)} ${'slowest case/s'.padStart(15)}`);
const byGroup = new Map();
for (const c of measured) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
for (const [group, cases] of byGroup) {
  // The group's rate: its cases evaluated one after another, once each, as often as possible.
  const rate = cases.length / cases.reduce((sum, c) => sum + 1 / c.best, 0);
  const slowest = Math.min(...cases.map((c) => c.best));
  console.log(`${group.padEnd(26)} ${String(cases.length).padStart(6)} ${format(rate, 0).padStart(14)} ${format(slowest, 0).padStart(15)}`);
}
const overall = measured.length / measured.reduce((sum, c) => sum + 1 / c.best, 0);
console.log(`${'all'.padEnd(26)} ${String(measured.length).padStart(6)} ${format(overall, 0).padStart(14)}`);
console.log(`Left out: ${[...excluded].map(([reason, count]) => `${count} (${reason})`).join(', ') || 'none'}`);
if (resultsFile) writeFileSync(resultsFile, measured.map((c) => `${c.group}\t${c.name}\t${c.best.toFixed(2)}`).join('\n') + '\n');
