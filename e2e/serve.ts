// E2E server: builds the app once, compiles each fixture vault, and serves every vault under its own
// sub-folder (/demo/, /small/, /xss/ ...), which also proves the build works from any path.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'e2e', '.out');
const appDir = path.join(out, 'app');
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4310);

/** Vault name -> folder of notes. The demo's data comes from the app build itself. */
const VAULTS: Record<string, string> = {
  small: path.join(root, 'e2e', 'fixtures', 'small-vault'),
  xss: path.join(root, 'e2e', 'fixtures', 'xss-vault'),
};

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

async function prepare(): Promise<void> {
  await fs.rm(out, { recursive: true, force: true });
  run('npx', ['vite', 'build', '--logLevel', 'warn'], { ATLAS_OUT_DIR: appDir, NOTES_DIR: 'notes' });
  for (const [name, dir] of Object.entries(VAULTS)) {
    if (!existsSync(dir)) continue;
    run('npx', ['tsx', 'src/compiler/cli.ts', dir, '--out', path.join(out, 'data', name), '--quiet', '--no-cache']);
  }
  // A generated 10k-note wiki (seeded, so every run sees the same vault), unless one is given.
  let big = process.env.E2E_BIG_VAULT;
  if (!big) {
    big = path.join(out, 'vaults', 'wiki-10k');
    run('npx', ['tsx', 'bench/generate.ts', '--notes', '10000', '--seed', '1', '--shape', 'wiki', '--out', big]);
  }
  run('npx', ['tsx', 'src/compiler/cli.ts', big, '--out', path.join(out, 'data', 'big'), '--quiet', '--no-cache']);
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml' };

/** `/<vault>/atlas/...` comes from that vault's compiled data; everything else from the one app build. */
function resolveFile(urlPath: string): string | undefined {
  const [, vault = '', ...rest] = urlPath.split('/');
  const inner = rest.join('/');
  if (vault !== 'demo' && !(vault in VAULTS) && vault !== 'big') return undefined;
  const base = inner.startsWith('atlas/') && vault !== 'demo' ? path.join(out, 'data', vault) : appDir;
  const relative = inner.startsWith('atlas/') && vault !== 'demo' ? inner.slice('atlas/'.length) : inner || 'index.html';
  const file = path.resolve(base, relative);
  return file.startsWith(base + path.sep) ? file : undefined;
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) await prepare();
  http
    .createServer((req, res) => {
      let urlPath: string;
      try {
        urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const file = resolveFile(urlPath);
      if (!file || !existsSync(file)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    })
    .listen(E2E_PORT, '127.0.0.1', () => console.log(`e2e server on http://127.0.0.1:${E2E_PORT}/`));
}

void main();
