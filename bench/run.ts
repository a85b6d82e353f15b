// Runs every dist/bench/*.bench.js (or those whose name contains an argv filter, e.g.
// `node dist/bench/run.js money`), prints each figure as one JSON line and writes them all to
// bench/results/latest.json under the current directory (the repo root when run by `npm run bench`).
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, Figure } from './figure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const benchName = (file: string) => file.slice(0, -'.bench.js'.length);

const all = (await readdir(here)).filter((f) => f.endsWith('.bench.js')).sort();
const selected = filters.length === 0 ? all : all.filter((f) => filters.some((x) => benchName(f).includes(x)));
if (selected.length === 0) {
  console.error(
    `no benchmark matches ${filters.length ? filters.map((f) => JSON.stringify(f)).join(', ') : '*.bench.js'} in ${here}` +
      ` (found: ${all.map(benchName).join(', ') || 'none'})`,
  );
  process.exit(1);
}

const figures: Figure[] = [];
for (const file of selected) {
  try {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { default?: unknown };
    if (typeof mod.default !== 'function') throw new Error('does not default-export a function');
    const result = await (mod.default as Bench)();
    for (const f of result) {
      // A NaN or a missing unit would make a silently useless results file.
      if (typeof f.name !== 'string' || typeof f.unit !== 'string' || !Number.isFinite(f.value)) {
        throw new Error(`returned a malformed figure: ${JSON.stringify(f)}`);
      }
      console.log(JSON.stringify(f));
      figures.push(f);
    }
  } catch (e) {
    console.error(`bench ${benchName(file)} failed:`, e);
    process.exitCode = 1;
  }
}

const outDir = path.resolve(process.cwd(), 'bench', 'results');
await mkdir(outDir, { recursive: true });
const out = path.join(outDir, 'latest.json');
await writeFile(out, `${JSON.stringify({ runAt: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`);
console.error(`wrote ${figures.length} figure(s) to ${path.relative(process.cwd(), out)}`);
