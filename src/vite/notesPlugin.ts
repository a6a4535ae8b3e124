// Vite plugin: compiles the notes folder for `vite` (served from memory, rebuilt on edits, pushed over HMR)
// and for `vite build` (written next to index.html as atlas/graph.json and atlas/notes/<id>.txt).
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { DATA_DIR } from '../shared/schema.ts';
import { PAGE_FILE_EXTENSION, pageFileText } from '../shared/graphFormat.ts';
import { compileVault, type CompiledVault } from '../compiler/index.ts';
import type { ParseCache } from '../compiler/parallel.ts';
import { serializeGraph, writeOutput } from '../compiler/emit.ts';
import { formatSummary } from '../compiler/report.ts';

export interface NotesPluginOptions {
  /** The vault to compile; relative to the project root. */
  notesDir: string;
}

/** Served and built with the app: a strict policy, so even a sanitizer bug could not run inline script. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

export function notesPlugin({ notesDir }: NotesPluginOptions): Plugin {
  let vaultDir = '';
  let compiled: CompiledVault | undefined;
  let pagesById = new Map<string, CompiledVault['pages'][number]>();
  let building: Promise<CompiledVault> | undefined;
  let log: (message: string) => void = console.log;
  // A save re-parses only the notes that changed.
  const parseCache: ParseCache = new Map();

  const compile = async (): Promise<CompiledVault> => {
    const started = performance.now();
    const previousPositions = compiled ? new Map(compiled.graph.nodes.map((n) => [n.id as string, { x: n.x, y: n.y }])) : undefined;
    const result = await compileVault(vaultDir, { previousPositions, parseCache });
    log(`[topic-atlas] ${formatSummary(result.graph, (performance.now() - started) / 1000)} (${vaultDir})`);
    for (const d of result.graph.diagnostics.slice(0, 20)) log(`  ${d.file}${d.line ? `:${d.line}` : ''}  ${d.message}`);
    compiled = result;
    pagesById = new Map(result.pages.map((page) => [page.id as string, page]));
    return result;
  };

  return {
    name: 'topic-atlas-notes',
    configResolved(config) {
      vaultDir = path.resolve(config.root, notesDir);
      log = (message) => config.logger.info(message);
    },
    transformIndexHtml: {
      order: 'pre',
      handler(_html, context) {
        if (context.server) return []; // the dev server's HMR client needs inline script
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }];
      },
    },
    configureServer(server: ViteDevServer) {
      building = compile();
      server.watcher.add(vaultDir);
      let timer: NodeJS.Timeout | undefined;
      const onChange = (file: string) => {
        if (!file.startsWith(vaultDir + path.sep) || !/\.md$/i.test(file)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          building = compile();
          building.then(
            () => server.ws.send({ type: 'custom', event: 'atlas:update' }),
            (error: Error) => server.config.logger.error(`[topic-atlas] ${error.message}`),
          );
        }, 80);
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);

      server.middlewares.use(async (req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const prefix = `${server.config.base.replace(/\/$/, '')}/${DATA_DIR}/`;
        if (!url.pathname.startsWith(prefix)) return next();
        const rest = decodeURIComponent(url.pathname.slice(prefix.length));
        let vault: CompiledVault;
        try {
          vault = await (building ?? compile());
        } catch (error) {
          res.statusCode = 500;
          res.end(`Could not compile ${vaultDir}: ${(error as Error).message}`);
          return;
        }
        let body: string | undefined;
        let type = 'application/json; charset=utf-8';
        if (rest === 'graph.json') body = serializeGraph(vault.graph);
        else {
          const id = rest.startsWith('notes/') && rest.endsWith(PAGE_FILE_EXTENSION) ? rest.slice('notes/'.length, -PAGE_FILE_EXTENSION.length) : undefined;
          const page = id === undefined ? undefined : pagesById.get(id);
          if (page) body = pageFileText(page);
          type = 'text/plain; charset=utf-8';
        }
        if (body === undefined) {
          res.statusCode = 404;
          res.end('Not found');
          return;
        }
        res.setHeader('Content-Type', type);
        res.setHeader('Cache-Control', 'no-store');
        res.end(body);
      });
    },
    async writeBundle(outputOptions) {
      const outDir = outputOptions.dir ?? 'dist';
      const vault = await compile();
      await writeOutput(path.join(outDir, DATA_DIR), vault);
    },
  };
}
