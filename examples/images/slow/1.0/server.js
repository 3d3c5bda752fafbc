// Example image "slow": an HTTP server that takes its time to become ready. /healthz
// answers 503 until READY_AFTER_MS have passed since start, then 200 — for readiness
// probes, minReadySeconds and rollouts that must wait.
const http = require('http');

const readyAfter = Number(process.env.READY_AFTER_MS || 10000);
const host = process.env.POD_IP || '127.0.0.1';
const port = Number(process.env.PORT || 8080);
const pod = process.env.POD_NAME || 'unknown';
const started = Date.now();

const server = http.createServer((req, res) => {
  const ready = Date.now() - started >= readyAfter;
  if (req.url === '/healthz') {
    res.statusCode = ready ? 200 : 503;
    return res.end(ready ? 'ok\n' : 'warming up\n');
  }
  res.end(`slow 1.0 from ${pod}, ${ready ? 'ready' : 'not ready yet'}\n`);
});
server.listen(port, host, () => console.log(`slow listening on ${host}:${port}, ready in ${readyAfter} ms`));
setTimeout(() => console.log('slow: ready'), readyAfter);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
