// Reads HSRCPAY's documentation page for Create API key (kept beside the repository in
// ../shared/seed/) and the copies of its example bodies committed under test/fixtures/seed/.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./repo-root.js";

export const seedPagePath = join(repoRoot, "../shared/seed/create-api-key.txt");
export const seedPageAvailable = existsSync(seedPagePath);

export interface SeedBodies {
  request: unknown;
  success: unknown;
  error: unknown;
}

/** The curl sample's `-d` body, then the ten response bodies the page shows, in page order. */
export function parseSeedPage(text: string): { request: unknown; responses: unknown[] } {
  const curlBody = /-d '(\{[\s\S]*?\})'/.exec(text);
  if (!curlBody?.[1]) throw new Error("the seed page has no curl -d body");
  const responses: unknown[] = [];
  const rest = text.slice(curlBody.index + curlBody[0].length);
  // The bodies are pretty-printed JSON objects, each starting with "{" on a line of its own.
  for (const chunk of rest.split(/\n(?=\{)/)) {
    const trimmed = chunk.trim();
    if (trimmed.startsWith("{")) responses.push(JSON.parse(trimmed));
  }
  return { request: JSON.parse(curlBody[1]), responses };
}

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(repoRoot, "test/fixtures/seed", `${name}.json`), "utf8"));
}

export function seedFixtures(): SeedBodies {
  return { request: fixture("request"), success: fixture("success"), error: fixture("error") };
}
