// `npm run release:snapshot`: records the spec of the version being released as
// openapi/released/<package.json version>.json, the baseline `npm run check:breaking` compares
// later changes with. `npm version` runs it (the "version" script) and commits the file with the
// version; a released spec never changes, so a different file already there is an error.
// The logic is recordRelease() in scripts/breaking/released.ts.
//
// usage: tsx scripts/release-snapshot.ts [--check] [--spec BUNDLED.json] [--root DIR]
//   --check  write nothing; fail unless the snapshot exists and is the spec (the release workflow
//            runs this on the tag, so a release always has its recorded spec)
//   --spec   the spec already bundled (the release workflow passes build/openapi.json)
//   --root   the repository (package.json, openapi/); this one by default
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { recordRelease } from "./breaking/released.js";

const { values } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    spec: { type: "string" },
    root: { type: "string" },
  },
});
const root = resolve(values.root ?? fileURLToPath(new URL("..", import.meta.url)));
const { ok, lines } = await recordRelease(root, { specFile: values.spec, check: values.check });
for (const line of lines) (ok ? console.log : console.error)(line);
process.exitCode = ok ? 0 : 1;
