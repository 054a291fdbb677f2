// The loopback section (1) in a child process, for another Node line than the one running
// `npm run bench`: prints `{ version, rows, rowsInProcess }` as JSON on its last line.
import { loopback } from "./loopback.js";

const calls = Number(process.argv[2] ?? 3_000);
const rows = await loopback(calls);
const rowsInProcess = await loopback(calls, true);
console.log(JSON.stringify({ version: process.version, rows, rowsInProcess }));
