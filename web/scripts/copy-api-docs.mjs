// Copies the API documentation page and the Swagger UI assets it needs into dist/api-docs,
// so /api/docs works offline from the server's own files (no CDN).
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist', 'api-docs');
const swagger = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

mkdirSync(out, { recursive: true });
for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
  copyFileSync(join(swagger, file), join(out, file));
}
for (const file of ['index.html', 'init.js']) {
  copyFileSync(join(here, '..', 'api-docs', file), join(out, file));
}
