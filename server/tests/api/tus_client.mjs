// An external tus client (the web app's own, tus-js-client, in Node) uploading a file to the
// real server: in small chunks, stopped after the first one and started again, as a closed
// laptop would. Prints {fileId, chunks} as JSON.
//   node tus_client.mjs <server url> <access token> <gallery id> <file>
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '../../../web/package.json'));
const { Upload } = require('tus-js-client');

const [url, token, galleryId, path] = process.argv.slice(2);
const bytes = readFileSync(path);
let fileId = null;
let chunks = 0;

function upload(resolve, reject) {
  const tus = new Upload(bytes, {
    endpoint: `${url}/api/uploads`,
    chunkSize: Math.ceil(bytes.length / 4),
    headers: { Authorization: `Bearer ${token}` },
    metadata: { galleryId, filename: basename(path), filetype: 'image/png' },
    retryDelays: [],
    onChunkComplete() {
      chunks += 1;
      if (chunks === 1) {
        // Cut after the first chunk; the same upload resumes from where the server stands.
        tus.abort().then(() => setTimeout(() => tus.start(), 50));
      }
    },
    onAfterResponse(_req, res) {
      fileId = res.getHeader('Declic-File-Id') || fileId;
    },
    onSuccess: () => resolve(),
    onError: reject,
  });
  tus.start();
}

await new Promise(upload);
console.log(JSON.stringify({ fileId, chunks }));
