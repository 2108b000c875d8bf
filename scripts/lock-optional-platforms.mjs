// npm leaves optional platform packages that the registry here does not serve (other OSes' LadybugDB binaries) out
// of package-lock.json, and then `npm ci` refuses the lockfile. This adds the missing entries (version, os, cpu,
// optional), exactly as npm writes them when it can see them. Run after `npm install <pkg>`: node scripts/lock-optional-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue;
    const m = /-(darwin|linux|win32|freebsd)-(x64|arm64|ia32|arm)$/u.exec(name);
    if (!m) continue;
    lock.packages[key] = { version, cpu: [m[2]], optional: true, os: [m[1]] };
    added += 1;
  }
}
const sorted = {};
for (const k of Object.keys(lock.packages).sort((a, b) => a.localeCompare(b, 'en'))) sorted[k] = lock.packages[k];
lock.packages = sorted;
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} optional platform entries`);
