// `npm version` (the "version" script): writes package.json's new version into src/version.ts, which
// the User-Agent reads, so the two cannot drift; git adds it with the version commit.
import { readFileSync, writeFileSync } from "node:fs";

const root = new URL("..", import.meta.url);
const { version } = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const file = new URL("src/version.ts", root);
const text = readFileSync(file, "utf8").replace(/version = "[^"]*"/, `version = "${version}"`);
writeFileSync(file, text);
console.log(`src/version.ts: ${version}`);
