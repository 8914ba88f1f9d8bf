import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startDynamoLocal } from '../../../src/local/dynamo-local.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startDynamoLocal', () => {
  it('starts an answering DynamoDB Local and stops its java process', async () => {
    const ddb = await startDynamoLocal();
    const pid = ddb.process.pid!;
    expect(ddb.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(isAlive(pid)).toBe(true);

    await ddb.stop();

    expect(isAlive(pid)).toBe(false);
    const port = new URL(ddb.endpoint).port;
    // pgrep exits with 1 when no process matches: no java is left serving that port.
    expect(spawnSync('pgrep', ['-f', `DynamoDBLocal.jar.*-port ${port}`]).status).toBe(1);
  });

  it('explains in Chinese and English how to install Java when java is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startDynamoLocal()).rejects.toThrow(/Java 17.*openjdk-17-jre-headless.*Java 17\+/s);
    } finally {
      process.env.PATH = path;
    }
  });
});
