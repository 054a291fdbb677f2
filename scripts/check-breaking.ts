// `npm run check:breaking`: compares the spec with the last released one (openapi/released/) and
// fails on a change that breaks its users (a removed operation, status or response field, a new
// required parameter or request field, a narrowed or changed type, a removed enum value), unless
// package.json's version is a major step from that release. Additive changes pass.
// The logic is checkBreaking() in scripts/breaking/released.ts.
//
// usage: tsx scripts/check-breaking.ts [--spec BUNDLED.json] [--root DIR]
//   --spec  the spec already bundled; without it openapi/ is bundled here
//   --root  the repository (package.json, openapi/); this one by default
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkBreaking } from "./breaking/released.js";

const { values } = parseArgs({ options: { spec: { type: "string" }, root: { type: "string" } } });
const root = resolve(values.root ?? fileURLToPath(new URL("..", import.meta.url)));
const { ok, lines } = await checkBreaking(root, values.spec);
for (const line of lines) (ok ? console.log : console.error)(line);
process.exitCode = ok ? 0 : 1;
