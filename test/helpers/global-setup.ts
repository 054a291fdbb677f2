import type { TestProject } from "vitest/node";
import { bundleDereferencedSpec } from "./bundle-spec.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the spec bundled into one dereferenced JSON file, made once per run. */
    dereferencedSpecPath: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide("dereferencedSpecPath", await bundleDereferencedSpec());
}
