// Example image "counter": keeps a counter in a file of a mounted volume (DATA_DIR,
// default /data). Each start and each request adds one and says the new value, so a
// volume that outlives its pod shows it: the count goes on where it was.
const fs = require('fs');
const http = require('http');
const path = require('path');

const file = path.join(process.env.DATA_DIR || '/data', 'count');
const host = process.env.POD_IP || '127.0.0.1';
const port = Number(process.env.PORT || 8080);
const pod = process.env.POD_NAME || 'unknown';

function next() {
  let n = 0;
  try {
    n = Number(fs.readFileSync(file, 'utf8')) || 0;
  } catch {
    /* first run on this volume */
  }
  fs.writeFileSync(file, String(n + 1));
  return n + 1;
}

console.log(`counter: start ${next()} on ${pod}, keeping ${file}`);
const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok\n');
  res.end(`count ${next()} from ${pod}\n`);
});
server.listen(port, host, () => console.log(`counter listening on ${host}:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
