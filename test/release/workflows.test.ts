// The GitHub workflows cannot run here: they are validated instead. action-validator checks each
// file against GitHub's workflow schema (scripts/lint-workflows.sh), and the properties that keep a
// release safe are asserted on the parsed files: actions pinned by commit SHA, no permission by
// default, each job only the permissions it uses, the publish step with provenance.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../helpers/repo-root.js";

const run = promisify(execFile);
const workflowsDir = join(repoRoot, ".github/workflows");

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  "timeout-minutes"?: number;
  needs?: string | string[];
  steps: Step[];
}
interface Workflow {
  on: { push?: { tags?: string[] } };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

async function lintWorkflows(dir?: string): Promise<{ ok: boolean; output: string }> {
  const args = [join(repoRoot, "scripts/lint-workflows.sh"), ...(dir ? [dir] : [])];
  try {
    const { stdout, stderr } = await run("bash", args);
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

let files: string[];
let release: Workflow;
beforeAll(async () => {
  files = (await readdir(workflowsDir)).filter((file) => /\.ya?ml$/.test(file));
  release = parse(await readFile(join(workflowsDir, "release.yml"), "utf8")) as Workflow;
});

describe("the workflow files", () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "hsrcpay-workflows-"));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it("all pass action-validator", async () => {
    const result = await lintWorkflows();
    expect(files.sort()).toEqual(["ci.yml", "release.yml"]);
    for (const file of files)
      expect(result.output).toContain(`validating .github/workflows/${file}`);
    expect(result.ok).toBe(true);
  });

  it("fail it with a misspelt key, so the validation can fail", async () => {
    const text = await readFile(join(workflowsDir, "release.yml"), "utf8");
    await writeFile(join(scratch, "release.yml"), text.replace("runs-on:", "runs_on:"));
    const result = await lintWorkflows(scratch);
    expect(result.output).toContain('"path": "/jobs/build"');
    expect(result.ok).toBe(false);
  });

  it("pin every action by full commit SHA, the version in a comment, one SHA per action", async () => {
    const pins = new Map<string, Set<string>>();
    for (const file of files) {
      const text = await readFile(join(workflowsDir, file), "utf8");
      const uses = [...text.matchAll(/^\s*(?:- )?uses:\s*(.*)$/gm)].map((match) => match[1] ?? "");
      expect(uses.length, file).toBeGreaterThan(0);
      for (const line of uses) {
        const pin = /^([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$/.exec(line);
        expect(pin, `${file}: uses: ${line}`).not.toBeNull();
        const [, action = "", sha = ""] = pin ?? [];
        pins.set(action, (pins.get(action) ?? new Set()).add(sha));
      }
    }
    for (const [action, shas] of pins) expect([...shas], action).toHaveLength(1);
  });
});

describe("the release workflow", () => {
  it("runs on version tags only", () => {
    expect(release.on).toEqual({ push: { tags: ["v[0-9]+.[0-9]+.[0-9]+*"] } });
  });

  it("grants nothing by default, and each job only what it uses", () => {
    expect(release.permissions).toEqual({});
    const permissions = Object.fromEntries(
      Object.entries(release.jobs).map(([name, job]) => [name, job.permissions]),
    );
    expect(permissions).toEqual({
      build: { contents: "read" },
      npm: { contents: "read", "id-token": "write" },
      "github-release": { contents: "write" },
      pages: { pages: "write", "id-token": "write" },
    });
  });

  it("bounds every job's time, and keeps the token out of checked-out repositories", () => {
    for (const [name, job] of Object.entries(release.jobs)) {
      expect(job["timeout-minutes"], name).toBeGreaterThan(0);
      for (const step of job.steps.filter((s) => s.uses?.startsWith("actions/checkout@"))) {
        expect(step.with?.["persist-credentials"], name).toBe(false);
      }
    }
  });

  it("tests the tag and refuses a release whose spec was not recorded for check:breaking", () => {
    const runs = release.jobs.build?.steps.map((step) => step.run) ?? [];
    expect(runs).toContain("npm test");
    expect(runs).toContain("npm run release:snapshot -- --check --spec build/openapi.json");
    expect(runs.indexOf("npm test")).toBeLessThan(runs.indexOf("npm run docs"));
  });

  it("publishes to npm with provenance, then releases the reference and the spec", () => {
    expect(release.jobs.npm?.steps.map((step) => step.run)).toContain("npm publish --provenance");
    expect(release.jobs["github-release"]?.needs).toEqual(["build", "npm"]);
    expect(release.jobs.pages?.needs).toEqual(["build", "npm"]);
    const upload = release.jobs.build?.steps.find((s) =>
      s.uses?.startsWith("actions/upload-artifact@"),
    );
    expect(String(upload?.with?.path).trim().split("\n")).toEqual([
      "build/docs/index.html",
      "build/openapi.json",
      "build/openapi.yaml",
    ]);
    const pages = release.jobs.build?.steps.find((s) => s.uses?.includes("upload-pages-artifact@"));
    expect(pages?.with?.path).toBe("build/docs");
  });
});
