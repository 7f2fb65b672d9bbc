// The npm package aws-local-stepfunctions on the same two machines as bench/StatesLanguage.Benchmarks
// (bench/machines/*.asl.json), with the same trivial task result, zero waits and executions one after another.
//   node run.mjs [--runs 3] [--seconds 3] [--shape all|daily|map] [--results FILE]
// Transitions per execution are the StateEntered events of a first, checked execution.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

// aws-local-stepfunctions 3 needs Node 22 for Promise.withResolvers; this stand-in lets it run on Node 20.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const { StateMachine } = await import('aws-local-stepfunctions');

const argument = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const runs = Number(argument('--runs', '3'));
const seconds = Number(argument('--seconds', '3'));
const shapeFilter = argument('--shape', 'all');
const resultsFile = argument('--results', null);
const machinesFolder = new URL('../machines/', import.meta.url);

const MAP_ITEMS = 10_000;

/** The same fresh small object as TrivialTaskInvoker in the C# harness. */
const trivialResult = async () => ({
  storeCount: 3,
  date: '2025-01-15',
  hasErrors: false,
  subject: 'Daily report',
  body: 'ok',
  MessageId: 'm-1',
});

function load(file) {
  return JSON.parse(readFileSync(new URL(file, machinesFolder), 'utf8'));
}

/** Every Task state (at any depth) answered locally, and every state's retry pause overridden to 0 ms. */
function overridesFor(definition) {
  const taskResourceLocalHandlers = {};
  const retryIntervalOverrides = {};
  const visit = (states) => {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Task') taskResourceLocalHandlers[name] = trivialResult;
      if (state.Retry) retryIntervalOverrides[name] = 0;
      for (const branch of state.Branches ?? []) visit(branch.States);
      const processor = state.ItemProcessor ?? state.Iterator;
      if (processor) visit(processor.States);
    }
  };
  visit(definition.States);
  return { taskResourceLocalHandlers, retryIntervalOverrides };
}

function shape(name, file, input, warmUpExecutions) {
  const definition = load(file);
  return {
    name,
    machine: new StateMachine(definition),
    input,
    warmUpExecutions,
    options: {
      overrides: overridesFor(definition),
      context: { Execution: { Name: 'benchmark-execution' } },
    },
  };
}

const shapes = [];
if (shapeFilter === 'all' || shapeFilter === 'daily') {
  shapes.push(shape('daily-analysis shape', 'daily-analysis-shape.asl.json', { date: '2025-01-15' }, 2_000));
}
if (shapeFilter === 'all' || shapeFilter === 'map') {
  const items = Array.from({ length: MAP_ITEMS }, (_, i) => ({ id: i, qty: (i % 7) + 1 }));
  shapes.push(shape(`Map over ${MAP_ITEMS.toLocaleString('en-US')} items`, 'map-10000.asl.json', { items }, 3));
}

/** One execution with its event log read: checks it succeeded and counts the states entered. */
async function countTransitions(s) {
  const execution = s.machine.run(s.input, s.options);
  let entered = 0;
  let succeeded = false;
  for await (const event of execution.eventLogs) {
    if (event.type === 'StateEntered') entered++;
    if (event.type === 'ExecutionSucceeded') succeeded = true;
  }
  await execution.result;
  if (!succeeded) throw new Error(`${s.name}: the execution did not succeed`);
  return entered;
}

async function measure(s, transitionsPerExecution) {
  let executions = 0;
  const start = process.hrtime.bigint();
  const minimum = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < minimum) {
    await s.machine.run(s.input, s.options).result;
    executions++;
    elapsed = process.hrtime.bigint() - start;
  }
  const elapsedSeconds = Number(elapsed) / 1e9;
  return {
    executions,
    executionsPerSecond: executions / elapsedSeconds,
    transitionsPerSecond: (executions * transitionsPerExecution) / elapsedSeconds,
  };
}

const format = (value, digits) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

console.log(`aws-local-stepfunctions on ${cpus().length} cores, Node ${process.version}`);
console.log(`Best of ${runs} runs of at least ${seconds} s each, after warm-up; executions one after another.`);
console.log(
  `${'shape'.padEnd(26)} ${'executions/s'.padStart(14)} ${'transitions/s'.padStart(14)} ${'transitions/exec'.padStart(17)} ${'executions'.padStart(11)}`,
);
const results = [];
for (const s of shapes) {
  const transitionsPerExecution = await countTransitions(s);
  for (let i = 0; i < s.warmUpExecutions; i++) await s.machine.run(s.input, s.options).result;
  let best = null;
  for (let run = 0; run < runs; run++) {
    const measured = await measure(s, transitionsPerExecution);
    if (best === null || measured.transitionsPerSecond > best.transitionsPerSecond) best = measured;
  }
  console.log(
    `${s.name.padEnd(26)} ${format(best.executionsPerSecond, 1).padStart(14)} ${format(best.transitionsPerSecond, 0).padStart(14)} ${format(transitionsPerExecution, 0).padStart(17)} ${format(best.executions, 0).padStart(11)}`,
  );
  results.push(`${s.name}\t${best.executionsPerSecond.toFixed(2)}\t${best.transitionsPerSecond.toFixed(0)}`);
}
if (resultsFile) writeFileSync(resultsFile, results.join('\n') + '\n');
