import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stage } from './stage';


function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The newest mail the server wrote for `to` (its .eml fallback), waiting for the outbox. */
export async function waitForMail(to: string, timeoutMs = 20_000): Promise<string> {
  const dir = stage().mailDir;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().reverse();
    for (const f of files) {
      const mail = readFileSync(join(dir, f), 'utf8');
      const header = mail.split(/\r?\n\r?\n/, 1)[0];
      if (new RegExp(`^To:.*${to.replace(/[.+]/g, '\\$&')}`, 'mi').test(header)) return decodeQuotedPrintable(mail);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}

/** The first link to `path` in a mail, as a path the browser context can open. */
export function linkIn(mail: string, path: string): string {
  const match = mail.match(new RegExp(`https?://[^\\s"<>]+${path}\\?[^\\s"<>]+`));
  if (!match) throw new Error(`no ${path} link in mail:\n${mail.slice(0, 2000)}`);
  const url = new URL(match[0].replace(/&amp;/g, '&'));
  return url.pathname + url.search;
}
