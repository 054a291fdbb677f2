// The API reference's input: the bundled spec with each operation's code samples (x-codeSamples,
// from examples/reference/) also written into its description. Redoc 3 shows x-codeSamples in a
// drop-down of the right panel, one language at a time; in the description the TypeScript and the
// curl sample are both on the page without a click. The published bundle (build/openapi.*) is left
// as it is.
//
// usage: node scripts/docs-samples.mjs BUNDLED.json OUT.json
import { readFileSync, writeFileSync } from "node:fs";

const [input, output] = process.argv.slice(2);
if (!input || !output)
  throw new Error("usage: node scripts/docs-samples.mjs BUNDLED.json OUT.json");

const fences = { TypeScript: "ts", Shell: "sh" };
const spec = JSON.parse(readFileSync(input, "utf8"));
let count = 0;
for (const item of Object.values(spec.paths)) {
  for (const operation of Object.values(item)) {
    const samples = operation?.["x-codeSamples"];
    if (!Array.isArray(samples)) continue;
    const blocks = samples.map(({ lang, label, source }) => {
      const fence = fences[lang];
      if (!fence) throw new Error(`${operation.operationId}: no code fence for ${lang} samples`);
      return `**${lang}** (${label})\n\n\`\`\`${fence}\n${source.trimEnd()}\n\`\`\``;
    });
    operation.description = `${operation.description.trimEnd()}\n\n${blocks.join("\n\n")}\n`;
    count += samples.length;
  }
}
if (count === 0) throw new Error(`${input} has no x-codeSamples`);
writeFileSync(output, JSON.stringify(spec));
console.log(`wrote ${output}: ${count} code samples shown in the operations' descriptions`);
