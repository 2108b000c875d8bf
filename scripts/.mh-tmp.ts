import { readFileSync } from 'node:fs';
import { minhash } from '../src/dedup/minhash.js';
import { contentHash } from '../src/graph/to-graph.js';
const unit = readFileSync('/tmp/huge/a1000000.txt', 'utf8');
let text = ''; while (text.length < 10e6) text += unit;
let t = Date.now(); minhash(text); console.log('minhash 10M', Date.now() - t);
t = Date.now(); contentHash({ text, date: 'x' }, 'v'); console.log('hash 10M', Date.now() - t);
