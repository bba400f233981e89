/**
 * A game server as its own process (`node --import tsx src/server/main.ts`), for the
 * tests that kill it or run several, and for bench:abuse, which watches its memory and
 * whether it dies: what `npm start` runs, minus the client build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** What it printed (stdout and stderr); once it listens, only the last OUTPUT_KEPT characters. */
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** A server under attack may log for a long time: its output is kept bounded. */
const OUTPUT_KEPT = 64 * 1024;
const MAIN = fileURLToPath(new URL('../server/main.ts', import.meta.url));

export function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', CLIENT_DIR: 'none', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let started = false;
  const add = (chunk: Buffer) => {
    output += chunk.toString();
    if (started && output.length > OUTPUT_KEPT) output = output.slice(-OUTPUT_KEPT);
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      add(chunk);
      const found = started ? null : /Triangles server on (http:\/\/[\d.]+:(\d+))/.exec(output);
      if (!found) return;
      started = true;
      clearTimeout(timer);
      resolve({
        url: found[1]!,
        port: Number(found[2]),
        child,
        output: () => output,
        exited,
        stop: async (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', add);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it started:\n${output}`));
    });
  });
}
