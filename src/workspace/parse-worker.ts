// Worker thread body for pool.ts: parses each batch it is sent, in order.
import { parentPort } from 'node:worker_threads';
import { parseMarkdown } from '../parse/index.js';
import type { DocFile } from '../parse/types.js';
import { warmUpParser } from '../parse/warm-up.js';
import { docIsJsonExact } from './json-exact.js';
import type { ParseReply, ParseRequest } from './pool-protocol.js';

const port = parentPort;
// Loaded any other way (a test runner scanning dist/), there is nothing to do.
if (port) {
  port.on('message', (request: ParseRequest) => {
    warmUpParser(); // a worker is only started for a long parse
    const docs: DocFile[] = [];
    for (let index = 0; index < request.texts.length; index++) {
      try {
        docs.push(parseMarkdown(request.texts[index] as string));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        port.postMessage({ ok: false, index, message } satisfies ParseReply);
        return;
      }
    }
    const exact: [number, DocFile][] = [];
    const plain = docs.map((doc, i) => {
      if (docIsJsonExact(doc)) return doc;
      exact.push([i, doc]);
      return null;
    });
    port.postMessage({ ok: true, json: JSON.stringify(plain), exact } satisfies ParseReply);
  });
}
