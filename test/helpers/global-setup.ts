import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { TestProject } from "vitest/node";
import { bundleDereferencedSpec } from "./bundle-spec.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the spec bundled into one dereferenced JSON file, made once per run. */
    dereferencedSpecPath: string;
  }
}

// The bundle's temporary folder, removed when the run ends (a run used to leave one in /tmp).
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const path = await bundleDereferencedSpec();
  project.provide("dereferencedSpecPath", path);
  return () => rm(dirname(path), { recursive: true, force: true });
}
