// Runs the edge bundle in edge-runtime (Vercel's Edge Runtime emulation, as `next dev` and
// `vercel dev` use it) and prints the probe's report: `node edge-host.mjs TOOLCHAIN BUNDLE MOCK_URL`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [toolchain, bundle, mockUrl] = process.argv.slice(2);
const { EdgeRuntime } = createRequire(join(toolchain, "package.json"))("edge-runtime");
const runtime = new EdgeRuntime({ initialCode: readFileSync(bundle, "utf8") });
const response = await runtime.dispatchFetch(
  `http://edge.local/?mock=${encodeURIComponent(mockUrl)}`,
);
console.log(await response.text());
