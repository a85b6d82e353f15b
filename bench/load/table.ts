// The table `npm run bench:load` prints: each figure beside the target, in Markdown so the
// README can show the latest run as it is.
export interface Row {
  figure: string;
  value: string;
  target: string;
  ok: boolean;
}

export function printTable(rows: Row[], about: { date: string; machine: string; setup: string }): void {
  const lines = [
    `Run ${about.date} UTC on ${about.machine}; ${about.setup}`,
    '',
    '| Figure | Measured | Target | |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.target} | ${r.ok ? 'met' : '**missed**'} |`),
  ];
  console.log(lines.join('\n'));
}
