// The npm package jsonata (the reference implementation, a dependency of aws-local-stepfunctions) on
// bench/jsonata/workload.json: microseconds per evaluation of each compiled expression, after warm-up.
//   node jsonata.mjs [--seconds 1]
import { readFileSync } from 'node:fs';
import jsonata from 'jsonata';

const i = process.argv.indexOf('--seconds');
const seconds = i >= 0 ? Number(process.argv[i + 1]) : 1;
const workload = JSON.parse(readFileSync(new URL('../jsonata/workload.json', import.meta.url)));

console.log(`npm jsonata on Node ${process.version}: µs per evaluation (at least ${seconds} s each, after warm-up)`);
for (const text of workload.expressions) {
  const expression = jsonata(text);
  const deadline = (s) => performance.now() + s * 1000;
  for (const end = deadline(seconds / 4); performance.now() < end;) await expression.evaluate(workload.input);
  let count = 0;
  const start = performance.now();
  for (const end = deadline(seconds); performance.now() < end; count++) await expression.evaluate(workload.input);
  const micros = ((performance.now() - start) * 1000) / count;
  console.log(`${micros.toFixed(2).padStart(10)}  ${text}`);
}
