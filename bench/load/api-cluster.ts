// The api as API_REPLICAS processes sharing one port through node:cluster (the primary accepts and
// hands connections round-robin). What the load benchmark runs for LOAD_API_REPLICAS > 1; in a
// deployment the replicas are containers behind a proxy instead (docker compose --profile scale).
import cluster from 'node:cluster';

const replicas = Number.parseInt(process.env.API_REPLICAS ?? '2', 10);

if (cluster.isPrimary) {
  for (let k = 0; k < replicas; k++) cluster.fork();
  cluster.on('exit', (w, code, signal) => {
    if (!stopping) console.error(`api replica ${w.process.pid} exited (${code ?? signal})`);
  });
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    }, 50);
    check.unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  await import('../../apps/api/src/main.js');
}
