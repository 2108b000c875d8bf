// Worker thread body: receives articles, returns their extraction record and graph rows (the model loads once per worker).
import { parentPort } from 'node:worker_threads';
import { EXTRACTOR_VERSION, extract } from '../extract.js';
import { toGraph } from '../graph/to-graph.js';
import type { WorkerRequest, WorkerResponse } from './messages.js';

if (!parentPort) throw new Error('extract-worker must run in a worker thread');
const port = parentPort;
port.on('message', (req: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    const record = extract(req.article);
    res = { seq: req.seq, record, rows: req.withRows ? toGraph(req.article, record, EXTRACTOR_VERSION) : undefined };
  } catch (err) {
    res = { seq: req.seq, error: (err as Error).message };
  }
  port.postMessage(res);
});
