// Node 18 (Debian 12's) has Web Crypto only as node:crypto's `webcrypto`, not as the
// global `crypto` browsers and newer Node give the app's code.
import { webcrypto } from 'node:crypto';

if (!globalThis.crypto) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });
