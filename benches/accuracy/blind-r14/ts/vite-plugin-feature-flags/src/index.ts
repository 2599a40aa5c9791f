import pg from 'pg';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { loadFlags, queryFlags, type FlagMap } from './loadFlags.js';

export interface FeatureFlagsOptions {
  connectionString?: string;
  environment?: string;
  /** Listen for `flags_changed` notifications during `vite dev` and reload the page. */
  live?: boolean;
}

const VIRTUAL_ID = 'virtual:feature-flags';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

export default function featureFlags(options: FeatureFlagsOptions = {}): Plugin {
  const connectionString = options.connectionString ?? process.env.FLAGS_DATABASE_URL ?? '';
  let environment = options.environment ?? 'development';
  let flags: FlagMap | undefined;
  let config: ResolvedConfig;

  return {
    name: 'acme:feature-flags',

    configResolved(resolved) {
      config = resolved;
      environment = options.environment ?? resolved.mode;
    },

    async buildStart() {
      // In watch mode buildStart runs again on every rebuild; the flags are
      // only read the first time.
      if (!flags) {
        flags = await loadFlags(connectionString, environment);
        config.logger.info(`[feature-flags] ${Object.keys(flags).length} flags for ${environment}`);
      }
    },

    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },

    load(id) {
      if (id === RESOLVED_ID) {
        return `export default ${JSON.stringify(flags ?? {})};`;
      }
      return undefined;
    },

    // Runs for every module Vite processes.
    transform(code, id) {
      if (!flags || id.includes('node_modules') || !code.includes('__FLAG__(')) {
        return undefined;
      }
      const out = code.replace(/__FLAG__\(\s*['"]([\w.-]+)['"]\s*\)/g, (_m, key: string) =>
        JSON.stringify(flags![key] ?? false),
      );
      return { code: out, map: null };
    },

    configureServer(server: ViteDevServer) {
      if (!options.live || !connectionString) {
        return;
      }
      // One LISTEN connection for the lifetime of the dev server.
      const listener = new pg.Client({ connectionString });
      listener.on('notification', async () => {
        flags = await queryFlags(listener, environment);
        const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      });
      listener
        .connect()
        .then(() => listener.query('LISTEN flags_changed'))
        .catch((err: Error) => config.logger.warn(`[feature-flags] live reload disabled: ${err.message}`));
      server.httpServer?.once('close', () => {
        void listener.end();
      });
    },
  };
}
