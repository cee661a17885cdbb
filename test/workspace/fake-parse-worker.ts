// A parse worker that misbehaves on request, to prove the pool reports failures instead of hanging.
import { parentPort } from 'node:worker_threads';
import { parseMarkdown } from '../../src/parse/index.js';
import type { ParseRequest } from '../../src/workspace/pool-protocol.js';

const port = parentPort;
if (port) {
  port.on('message', ({ texts }: ParseRequest) => {
    const failing = texts.findIndex((t) => t.startsWith('FAIL'));
    if (failing !== -1) {
      port.postMessage({ ok: false, index: failing, message: 'told to fail' });
      return;
    }
    if (texts.some((t) => t.startsWith('THROW'))) throw new Error('told to throw');
    if (texts.some((t) => t.startsWith('EXIT0'))) process.exit(0); // quits without answering
    if (texts.some((t) => t.startsWith('EXIT'))) process.exit(3);
    port.postMessage({ ok: true, docs: texts.map((t) => parseMarkdown(t)) });
  });
}
