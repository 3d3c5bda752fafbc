// Example image "web": an HTTP server that names its version and pod, ready on /healthz.
const http = require('http');

const version = process.env.WEB_VERSION || 'dev';
const host = process.env.POD_IP || '127.0.0.1';
const port = Number(process.env.PORT || 8080);
const pod = process.env.POD_NAME || 'unknown';

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok\n');
  res.end(`web ${version} from ${pod}\n`);
});
server.listen(port, host, () => console.log(`web ${version} listening on ${host}:${port}`));
process.on('SIGTERM', () => {
  console.log('SIGTERM: closing');
  server.close(() => process.exit(0));
});
