// A small static server for the app benchmark, on 127.0.0.1 only, on a free port.
//
//   /<vault>/atlas/...   that vault's compiled data (graph.json, notes/<id>.json)
//   /<vault>/naive.html  the straightforward page (bench/app/naive.html)
//   /<vault>/...         the one app build (index.html, assets/)
//   /vendor/cytoscape.esm.min.mjs   Cytoscape's own ES module build, for the naive page
//
// Files go out as they are, uncompressed (the benchmark reports the gzip size beside the raw size), and
// uncached. It stops when asked, or by itself after `maxLifetimeMs`, so a crashed benchmark leaves nothing
// listening.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface ServerOptions {
  appDir: string;
  naivePage: string;
  cytoscapeModule: string;
  /** Vault name (the first path segment) -> folder of compiled data. */
  vaults: Record<string, string>;
  maxLifetimeMs: number;
}

export interface RunningServer {
  origin: string;
  /** Bytes of response bodies sent, by URL path. */
  sent: Map<string, number>;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Resolve `base/relative`, refusing anything that escapes `base`. */
function inside(base: string, relative: string): string | undefined {
  const file = path.resolve(base, relative);
  return file === base || file.startsWith(base + path.sep) ? file : undefined;
}

function resolveFile(options: ServerOptions, urlPath: string): string | undefined {
  if (urlPath === '/vendor/cytoscape.esm.min.mjs') return options.cytoscapeModule;
  const [, vault = '', ...rest] = urlPath.split('/');
  const data = options.vaults[vault];
  if (!data) return undefined;
  const inner = rest.join('/');
  if (inner === 'naive.html') return options.naivePage;
  if (inner.startsWith('atlas/')) return inside(data, inner.slice('atlas/'.length));
  return inside(options.appDir, inner || 'index.html');
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const sent = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = resolveFile(options, urlPath);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const size = statSync(file).size;
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    sent.set(urlPath, (sent.get(urlPath) ?? 0) + size);
    createReadStream(file).pipe(res);
  });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return stopping;
  };
  const lifetime = setTimeout(() => {
    process.stderr.write(`bench server: stopping after ${Math.round(options.maxLifetimeMs / 60_000)} min (its maximum lifetime)\n`);
    void stop();
  }, options.maxLifetimeMs);
  lifetime.unref();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, sent, stop });
    });
  });
}
