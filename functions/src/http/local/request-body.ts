/** Reading a request's body in the local server, with the size limit API Gateway enforces in AWS. */
import type { IncomingMessage } from 'node:http';

/**
 * The client went away before its request was read (it aborted the upload, closed the tab, lost
 * its network): nothing is wrong on our side, and there is nobody left to answer.
 */
export class ClientClosedError extends Error {
  constructor(readonly reason: string) {
    super(`the client closed the connection (${reason})`);
    this.name = 'ClientClosedError';
  }
}

/** Reads the body up to `max` bytes; resolves `undefined` (and stops reading) beyond that. */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        req.pause();
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    // The request stream fails only when the client hangs up mid-body ('aborted', ECONNRESET).
    const onError = (error: Error & { code?: string }) => {
      cleanup();
      reject(new ClientClosedError(error.code ?? error.message));
    };
    const onClose = () => {
      cleanup();
      reject(new ClientClosedError('closed'));
    };
    if (req.destroyed && !req.complete) {
      reject(new ClientClosedError('closed'));
      return;
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
