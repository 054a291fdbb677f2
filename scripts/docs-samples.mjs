// The API reference's input: the bundled spec with each request body's `oneOf` forms ordered so
// that the form its first example uses comes first. Redoc 3 opens the first form of a `oneOf` and
// hides the others behind a switch, while its right panel shows the first example: confirm's card
// sample beside a schema showing only the saved-method form. The order of a `oneOf`'s forms means
// nothing (exactly one must match), so the reference shows the form the sample uses, the card's
// fields without a click. The published bundle (build/openapi.*) is left as it is.
//
// usage: node scripts/docs-samples.mjs BUNDLED.json OUT.json
import { readFileSync, writeFileSync } from "node:fs";

const [input, output] = process.argv.slice(2);
if (!input || !output)
  throw new Error("usage: node scripts/docs-samples.mjs BUNDLED.json OUT.json");

const spec = JSON.parse(readFileSync(input, "utf8"));
const deref = (node) =>
  node?.$ref?.startsWith("#/")
    ? node.$ref
        .slice(2)
        .split("/")
        .reduce((at, key) => at?.[key], spec)
    : node;
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

let moved = 0;
/** Puts first, in each `oneOf` under `schema`, the form whose required fields `value` has. */
function order(schema, value, seen = new Set()) {
  const node = deref(schema);
  if (!isObject(node) || !isObject(value) || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node.oneOf)) {
    const fits = (form) => (deref(form)?.required ?? []).every((key) => Object.hasOwn(value, key));
    const used = node.oneOf.findIndex(fits);
    if (used > 0) {
      node.oneOf.unshift(...node.oneOf.splice(used, 1));
      moved++;
    }
    if (used >= 0) order(node.oneOf[0], value, seen);
  }
  for (const [name, property] of Object.entries(node.properties ?? {})) {
    order(property, value[name], seen);
  }
}

for (const item of Object.values(spec.paths)) {
  for (const operation of Object.values(item)) {
    const media = deref(operation?.requestBody)?.content?.["application/json"];
    const [first] = Object.values(media?.examples ?? {});
    if (media && first) order(media.schema, deref(first).value);
  }
}
writeFileSync(output, JSON.stringify(spec));
console.log(
  `wrote ${output}: ${moved} oneOf form(s) put first, as the operation's first example uses`,
);
