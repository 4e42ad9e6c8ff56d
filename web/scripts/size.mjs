// Prints the gzip size of the JavaScript the directory page loads (the
// entry and its static imports, not the lazy chunks) and fails above the
// budget of 300 KB (DESIGN.md §6, issue 13).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const initialBytes = initial.reduce((s, f) => s + gz(f), 0);
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const kb = (b) => (b / 1024).toFixed(1) + ' KB';
console.log(`directory page JavaScript (gzip): ${kb(initialBytes)} in ${initial.length} files; all chunks: ${kb(all.reduce((s, f) => s + gz('assets/' + f), 0))} in ${all.length}`);
if (initialBytes > 300 * 1024) {
  console.error('the directory page loads more than 300 KB of compressed JavaScript');
  process.exit(1);
}
