// The entry of each worker thread: reads and checks the batches of files the pool sends.
import { parentPort } from 'node:worker_threads';
import { readFilePart } from '../core/analyze-parts.js';
import type { BatchReply, BatchRequest } from './worker-pool.js';

const port = parentPort;
if (!port) throw new Error('analyze-worker runs as a worker thread');

port.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    reply = {
      id: request.id,
      parts: request.files.map((file) => readFilePart(file, request.options)),
    };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    reply = { id: request.id, error: message };
  }
  port.postMessage(reply);
});
