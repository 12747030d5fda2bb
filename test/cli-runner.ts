/**
 * The `argonaut` command run as a user runs it, for CLI tests: child processes `node bin/argonaut.js …
 * --data DIR` on a temporary data folder (PGlite), or on a fresh PostgreSQL database made from the test
 * template when the engine is postgres (DATABASE_URL in the child's environment).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { scratchPostgresDatabase, type Engine } from './helpers.ts';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliSandbox {
  /** the temporary folder (the data folder is its `data` subfolder) */
  dir: string;
  /** the children's environment (DATABASE_URL set on postgres); tests may change it, e.g. ARGONAUT_LANG */
  env: NodeJS.ProcessEnv;
  /** runs `argonaut ARGS --data DIR/data`; never throws for a non-zero exit */
  argonaut(...args: string[]): Promise<CliResult>;
  close(): Promise<void>;
}

export async function cliSandbox(engine: Engine, prefix: string): Promise<CliSandbox> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const env: NodeJS.ProcessEnv = { ...process.env, ARGONAUT_LANG: undefined, DATABASE_URL: undefined };
  let drop: (() => Promise<void>) | undefined;
  if (engine === 'postgres') {
    const scratch = await scratchPostgresDatabase();
    env.DATABASE_URL = scratch.url;
    drop = scratch.drop;
  }
  return {
    dir,
    env,
    async argonaut(...args: string[]): Promise<CliResult> {
      try {
        const { stdout, stderr } = await run('node', ['bin/argonaut.js', ...args, '--data', path.join(dir, 'data')], { cwd: repoRoot, env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
        return { code: 0, stdout, stderr };
      } catch (err) {
        const e = err as { code: number; stdout: string; stderr: string };
        return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(err) };
      }
    },
    async close() {
      await drop?.();
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
