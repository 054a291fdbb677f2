import type { TestProject } from "vitest/node";
import { type PrismMock, startPrism } from "../../scripts/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock of openapi/ that the contract suite runs against. */
    prismBaseUrl: string;
  }
}

let mock: PrismMock | undefined;

export async function setup(project: TestProject): Promise<void> {
  mock = await startPrism();
  project.provide("prismBaseUrl", mock.baseUrl);
}

export async function teardown(): Promise<void> {
  await mock?.stop();
}
