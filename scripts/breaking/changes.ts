// What breaks the users of a released spec, by api-smart-diff over two bundled specs (its $refs
// resolved), plus one rule of this project. Pure functions: scripts/check-breaking.ts is the CLI,
// test/spec/check-breaking.test.ts the mutation tests.
import { apiDiff, type Diff } from "api-smart-diff";

export interface BreakingChange {
  /** JSON pointer into the newer spec (or the older one, for a removal). */
  pointer: string;
  /** What changed, in api-smart-diff's words where it has some. */
  description: string;
}

const pointerOf = (path: readonly (string | number)[]) =>
  `/${path.map((key) => String(key).replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;

/**
 * api-smart-diff reads a response schema as JSON Schema: dropping a property or a `required` entry
 * accepts more documents, so it calls that non-breaking. For a client it is a field it read that is
 * gone, or no longer promised: breaking.
 */
function dropsResponseField({ action, path }: Diff): boolean {
  if (action !== "remove" || path[0] !== "paths") return false;
  const at = path.indexOf("responses");
  if (at === -1 || path.includes("examples") || path.includes("example")) return false;
  const parent = path[path.length - 2];
  return parent === "properties" || parent === "required";
}

/** The changes from `before` to `after` that can break a client of `before`. */
export function breakingChanges(before: unknown, after: unknown): BreakingChange[] {
  // apiDiff rewrites its inputs while it resolves $refs: give it copies.
  const diffs = apiDiff(structuredClone(before), structuredClone(after));
  return (
    diffs
      // components/ are compared where the operations use them; on their own, api-smart-diff calls
      // a changed description of a shared response breaking.
      .filter((diff) => diff.path[0] !== "components")
      .filter((diff) => diff.type === "breaking" || dropsResponseField(diff))
      .map((diff) => ({
        pointer: pointerOf(diff.path),
        description: diff.description || `${diff.action} ${pointerOf(diff.path)}`,
      }))
  );
}

type Version = [major: number, minor: number, patch: number];

export function parseVersion(version: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!match) throw new Error(`not a semver version: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Negative, zero or positive as `a` is older than, the same as, or newer than `b`. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/**
 * Whether `to` is a release that `^from` does not install: the step that may break. That is the
 * major version, and below 1.0.0 the minor one (0.1.x to 0.2.0), below 0.1.0 the patch.
 */
export function isMajorStep(from: string, to: string): boolean {
  const [a, b] = [parseVersion(from), parseVersion(to)];
  if (b[0] !== a[0]) return b[0] > a[0];
  if (a[0] > 0) return false;
  if (b[1] !== a[1]) return b[1] > a[1];
  return a[1] === 0 && b[2] > a[2];
}
