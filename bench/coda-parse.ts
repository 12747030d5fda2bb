/**
 * CODA parser benchmark: builds a ~28 MB CODA file with 100,000 movements in memory (Latin-1 bytes,
 * CRLF, as banks send them) and prints throughput and memory. Run: node --import tsx bench/coda-parse.ts
 * Optional argument: number of movements (default 100000).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { makeOgm } from '../src/core/ogm.ts';
import { parseCoda } from '../src/formats/coda/parse.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const EOL = '\r\n';
const LINE = 128 + EOL.length;

const pad = (n: number | bigint, width: number) => String(n).padStart(width, '0');
const NAMES = ['Brasserie Ément', 'Bakkerij Peeters', 'Société Générale', 'Café Brûlé', 'Jansens & Zonen', 'Garage Lemaître'];

/** Writes the file straight into one Buffer, so building it costs little more than the file itself. */
export function buildCoda(movements: number): Buffer {
  const per22 = 6; // every 6th movement has a record 22
  const lines = 5 + movements * 2 + Math.ceil(movements / per22);
  const buf = Buffer.alloc(lines * LINE, 0x20); // blanks
  let at = 0;
  // One record: texts at 1-based positions, written in place (no per-line strings to collect)
  const put = (parts: Array<[number, string]>) => {
    for (const [pos, text] of parts) buf.write(text, at + pos - 1, 'latin1');
    buf.write(EOL, at + 128, 'latin1');
    at += LINE;
  };
  put([[1, '00000'], [6, '150124'], [12, '725'], [15, '05'], [35, 'ARGONAUT BENCH'], [61, 'KREDBEBB'], [128, '2']]);
  const old = 1_000_000_000n;
  put([[1, '12'], [3, '001'], [6, 'BE68539007547034'], [40, 'EUR'], [43, '0'], [44, pad(old, 15)], [59, '140124'], [65, 'ARGONAUT BV'], [91, 'Zichtrekening'], [126, '001']]);
  let sum = 0n;
  let debit = 0n;
  let credit = 0n;
  let counted = 2; // records 1 and 8
  for (let i = 0; i < movements; i++) {
    const seq = pad((i + 1) % 10000, 4);
    const amount = BigInt(1000 + ((i * 7919) % 5_000_000));
    const isDebit = i % 3 === 0;
    const structured = i % 2 === 0;
    const comm = structured ? `101${makeOgm(pad(100000 + i, 10))}` : `FACTUUR ${i} REF ${pad(i * 13, 8)}`;
    const has22 = i % per22 === 0;
    put([[1, '21'], [3, seq], [7, '0000'], [11, `REF${pad(i, 10)} ABCDEFG`], [32, isDebit ? '1' : '0'], [33, pad(amount, 15)], [48, '150124'], [54, '00150000'], [62, structured ? '1' : '0'], [63, comm], [116, '150124'], [122, '001'], [125, '0'], [126, '1'], [128, '0']]);
    if (has22) put([[1, '22'], [3, seq], [7, '0000'], [11, 'VERVOLG MEDEDELING'], [64, `E2E-${i}`], [99, 'GKCCBEBB'], [126, '1'], [128, '0']]);
    put([[1, '23'], [3, seq], [7, '0000'], [11, 'BE71096123456769'], [45, 'EUR'], [48, NAMES[i % NAMES.length]], [126, '0'], [128, '0']]);
    counted += has22 ? 3 : 2;
    if (isDebit) {
      sum -= amount;
      debit += amount;
    } else {
      sum += amount;
      credit += amount;
    }
  }
  const balance = old + sum;
  put([[1, '8'], [2, '001'], [5, 'BE68539007547034'], [39, 'EUR'], [42, balance < 0n ? '1' : '0'], [43, pad(balance < 0n ? -balance : balance, 15)], [58, '150124'], [128, '0']]);
  put([[1, '9'], [17, pad(counted, 6)], [23, pad(debit, 15)], [38, pad(credit, 15)], [128, '2']]);
  return buf.subarray(0, at);
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const fmt = (n: number, d = 1) => n.toFixed(d);

function time(buf: Buffer, runs: number): { ms: number; movements: number } {
  let best = Infinity;
  let movements = 0;
  for (let r = 0; r < runs; r++) {
    gc();
    const t0 = process.hrtime.bigint();
    const statements = parseCoda(buf);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    movements = statements[0].movements.length;
    if (statements[0].warnings.length) throw new Error(`unexpected warnings: ${statements[0].warnings.join('; ')}`);
    best = Math.min(best, ms);
  }
  return { ms: best, movements };
}

/** Memory of one parse in a fresh process: the file and the result alive, nothing else. */
function measureMemory(total: number): void {
  gc();
  const start = process.memoryUsage().rss;
  const buf = buildCoda(total);
  gc();
  const before = process.memoryUsage();
  const t0 = process.hrtime.bigint();
  const statements = parseCoda(buf);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const after = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const retained = process.memoryUsage();
  const size = buf.length;
  const x = (bytes: number) => `${fmt(mb(bytes))} MB (${fmt(bytes / size, 2)}× the file)`;
  console.log(`file: ${fmt(mb(size))} MiB = ${fmt(size / 1e6)} MB, ${statements[0].movements.length} movements, cold parse ${fmt(ms)} ms (${fmt(mb(size) / (ms / 1000))} MiB/s)`);
  console.log(`rss at start (node + tsx + parser code):             ${x(start)}`);
  console.log(`rss before the parse (+ the file buffer):             ${x(before.rss)}`);
  console.log(`peak rss of the process:                              ${x(peakRss)}`);
  console.log(`peak rss − rss before (what the parse added at most): ${x(peakRss - before.rss)}`);
  console.log(`heapUsed: ${fmt(mb(before.heapUsed))} MB before → ${fmt(mb(after.heapUsed))} MB right after → ${fmt(mb(retained.heapUsed))} MB retained with the result (${fmt((retained.heapUsed - before.heapUsed) / size, 2)}× the file, incl. the decoded text)`);
}

const args = process.argv.slice(2);
if (args[0] === '--memory') {
  measureMemory(Number(args[1]));
} else {
  const total = Number(args[0] ?? 100_000);

  // Warm the JIT on a small file first
  parseCoda(buildCoda(2000));

  // Linearity: the same throughput at a quarter, a half and the full size
  console.log('throughput (best of 3 runs, warm)');
  console.log('movements   size (MiB)   time (ms)   MiB/s');
  for (const n of [total / 4, total / 2, total].map(Math.round)) {
    const buf = buildCoda(n);
    const { ms, movements } = time(buf, 3);
    if (movements !== n) throw new Error(`expected ${n} movements, got ${movements}`);
    console.log(`${String(n).padStart(9)}   ${fmt(mb(buf.length)).padStart(10)}   ${fmt(ms).padStart(9)}   ${fmt(mb(buf.length) / (ms / 1000)).padStart(5)}`);
  }

  console.log('\nmemory (fresh process)');
  const self = fileURLToPath(import.meta.url);
  process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', self, '--memory', String(total)], { encoding: 'utf8' }));
}
