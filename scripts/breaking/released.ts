// The released specs: openapi/released/<version>.json, the bundled spec of each published version,
// written by `npm run release:snapshot` and never changed afterwards; and the two checks over them,
// as functions (the CLIs in scripts/ print what they return, the tests call them directly).
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { isDeepStrictEqual, promisify } from "node:util";
import { breakingChanges, compareVersions, isMajorStep } from "./changes.js";

const run = promisify(execFile);

export const releasedDir = (root: string) => join(root, "openapi/released");

/** The released versions, oldest first. */
export async function releasedVersions(root: string): Promise<string[]> {
  const files = await readdir(releasedDir(root)).catch(() => []);
  return files
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort(compareVersions);
}

export async function packageVersion(root: string): Promise<string> {
  const { version } = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
  if (typeof version !== "string") throw new Error(`${root}/package.json has no version`);
  return version;
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8"));
}

/** openapi/ bundled into one document by Redocly CLI, as scripts/bundle-spec.sh does. */
export async function bundleSpec(root: string): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), "hsrcpay-bundle-"));
  try {
    const out = join(dir, "openapi.json");
    const cli = join(root, "node_modules/@redocly/cli/bin/cli.js");
    await run(
      process.execPath,
      [cli, "bundle", "openapi/openapi.yaml", "--ext", "json", "-o", out],
      {
        cwd: root,
        env: { ...process.env, REDOCLY_TELEMETRY: "off" },
      },
    );
    return await readJson(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface Outcome {
  ok: boolean;
  /** What to print, in order. */
  lines: string[];
}

/**
 * The spec (the bundled `specFile`, else openapi/ bundled here) against the last release at or below
 * package.json's version: breaking changes fail unless that version is a major step from it.
 */
export async function checkBreaking(root: string, specFile?: string): Promise<Outcome> {
  const version = await packageVersion(root);
  const baseline = (await releasedVersions(root))
    .filter((released) => compareVersions(released, version) <= 0)
    .pop();
  if (!baseline) {
    return {
      ok: false,
      lines: [`no released spec at or below ${version} in ${releasedDir(root)}`],
    };
  }
  const lines = [
    `comparing ${specFile ?? "openapi/ (bundled)"} with the spec released as ${baseline} (package.json: ${version})`,
  ];
  const before = await readJson(join(releasedDir(root), `${baseline}.json`));
  const after = specFile ? await readJson(resolve(specFile)) : await bundleSpec(root);
  const changes = breakingChanges(before, after);
  if (changes.length === 0)
    return { ok: true, lines: [...lines, `no breaking change since ${baseline}`] };

  lines.push(`${changes.length} change(s) break users of ${baseline}:`);
  for (const change of changes) lines.push(`  ${change.pointer}`, `    ${change.description}`);
  if (isMajorStep(baseline, version)) {
    return { ok: true, lines: [...lines, `allowed: ${version} is a major step from ${baseline}`] };
  }
  lines.push(
    `${version} is not a major step from ${baseline}: undo these changes, or make the next release ` +
      "a major version (package.json's version; below 1.0.0, the minor: 0.1.x to 0.2.0)",
  );
  return { ok: false, lines };
}

/**
 * Records the spec as openapi/released/<package.json version>.json, or with `check` verifies that it
 * is recorded. A released spec never changes: another spec already recorded there is an error.
 */
export async function recordRelease(
  root: string,
  { specFile, check = false }: { specFile?: string | undefined; check?: boolean },
): Promise<Outcome> {
  const version = await packageVersion(root);
  const file = join(releasedDir(root), `${version}.json`);
  const spec = specFile ? await readJson(resolve(specFile)) : await bundleSpec(root);
  const recorded = await readJson(file).catch(() => undefined);
  if (check) {
    if (recorded === undefined) {
      return {
        ok: false,
        lines: [
          `${file} is missing: run \`npm run release:snapshot\` and commit it before tagging`,
        ],
      };
    }
    if (!isDeepStrictEqual(recorded, spec)) {
      return {
        ok: false,
        lines: [`${file} is not the spec being released: openapi/ changed after it was recorded`],
      };
    }
    return { ok: true, lines: [`${file} is the spec of ${version}`] };
  }
  if (recorded !== undefined) {
    if (isDeepStrictEqual(recorded, spec))
      return { ok: true, lines: [`${file} already records this spec`] };
    return {
      ok: false,
      lines: [`${file} records another spec: ${version} was released; bump the version first`],
    };
  }
  await mkdir(releasedDir(root), { recursive: true });
  await writeFile(file, `${JSON.stringify(spec, null, 2)}\n`);
  return { ok: true, lines: [`recorded the spec of ${version} in ${file}`] };
}
