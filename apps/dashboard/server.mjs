// Placeholder until the dashboard issue: a page that says where the API is.
import http from 'node:http';

const port = Number(process.env.DASHBOARD_PORT || 3000);
http
  .createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Skiff</title><h1>Skiff</h1><p>The dashboard arrives with its issue. Use kubectl with .skiff/kubeconfig.</p>');
  })
  .listen(port, '127.0.0.1');
