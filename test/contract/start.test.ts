// `npm start`, the README's first command, as a newcomer runs it: against its own mock.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import type { components } from "../../src/index.js";
import { repoRoot } from "../helpers/repo-root.js";
import { firstExample } from "../helpers/spec.js";

const run = promisify(execFile);

describe("npm start", () => {
  it("creates a key on a mock it starts and stops itself, printing what a user needs, secret masked", async () => {
    const env = { ...process.env, HSRCPAY_BASE_URL: "", HSRCPAY_API_KEY: "" };
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: repoRoot,
      env,
      timeout: 60_000,
    });
    const example = firstExample<components["schemas"]["ApiKeyEnvelope"]>("createApiKey", "200");
    expect(stdout).toContain(`Created API key ${example.data.id} (SECRET, ACTIVE)`);
    expect(stdout).toContain("secret key, sandbox mode");
    expect(stdout).toContain("HTTP 200");
    expect(stdout).toContain(
      `secret: ${example.data.key.slice(0, 8)}…${example.data.key.slice(-4)}`,
    );
    expect(stdout).toContain("store it in a secret manager");
    expect(stdout).not.toContain(example.data.key);
    expect(stdout).toContain("Mock stopped.");
  });

  it("talks to HSRCPAY_BASE_URL with HSRCPAY_API_KEY instead, starting no mock", async () => {
    const baseUrl = inject("prismBaseUrl"); // stands in for a real server
    const env = {
      ...process.env,
      HSRCPAY_BASE_URL: baseUrl,
      HSRCPAY_API_KEY: "pk_live_publishable000000000000",
    };
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: repoRoot,
      env,
      timeout: 60_000,
    });
    expect(stdout).toContain(`Running examples/create-api-key.ts against ${baseUrl}`);
    expect(stdout).not.toContain("Starting the Prism mock");
    expect(stdout).toContain("credential used: publishable key, live mode");
  });
});
