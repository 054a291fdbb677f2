// openapi-typescript through its Node API, so that one transform can run: open enums keep their
// known values. The spec writes `type` and `status` as `anyOf: [{ enum: [SECRET] }, { type: string }]`
// (a newer server may send a value HSRCPAY does not list yet); openapi-typescript prints that as
// `"SECRET" | string`, which TypeScript collapses to `string`: no completion, nothing to read.
//
// `"SECRET" | (string & {})` accepts the same strings and keeps the literal visible.
//
// One cost, upstream: openapi-fetch 0.17 passes `hsrcpay.raw`'s data through `Readable<T>`, which
// maps `string & {}` into an object of string methods (openapi-ts/openapi-typescript#2765, fix in
// #2766), so `raw`'s `data.data.type` would no longer be a string: `raw` is typed by `RawPaths`
// (src/typed-api.ts), these paths with open enums as plain `string`. No other shape keeps the
// literals: `string` and template types absorb them. test/types/known-values.test-d.ts pins both.
//
// usage: tsx scripts/generate-types.ts SPEC OUT [--check]
// With --check nothing is written: it exits 1 when OUT is not what SPEC generates.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPITSOptions } from "openapi-typescript";
import ts from "typescript";

const { factory, SyntaxKind } = ts;

/** `string & {}`: any string, yet not the supertype TypeScript merges the union's literals into. */
const openString = (): ts.TypeNode =>
  factory.createParenthesizedType(
    factory.createIntersectionTypeNode([
      factory.createKeywordTypeNode(SyntaxKind.StringKeyword),
      factory.createTypeLiteralNode([]),
    ]),
  );

const isStringLiteral = (node: ts.Node): boolean =>
  (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) ||
  (ts.isIdentifier(node) && node.text.startsWith('"'));

/**
 * A union of string literals and `string` (what an open enum generates, wherever it sits) gets
 * `string & {}` in place of `string`. Any other type is left as openapi-typescript made it.
 */
const keepKnownValues: NonNullable<OpenAPITSOptions["postTransform"]> = (type) => {
  if (!ts.isUnionTypeNode(type) || !type.types.some(isStringLiteral)) return undefined;
  if (!type.types.some((member) => member.kind === SyntaxKind.StringKeyword)) return undefined;
  return factory.createUnionTypeNode(
    type.types.map((member) => (member.kind === SyntaxKind.StringKeyword ? openString() : member)),
  );
};

async function generateTypes(spec: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(spec), {
    postTransform: keepKnownValues,
    silent: true,
  });
  return `${COMMENT_HEADER}${astToString(ast)}`;
}

const [spec, out, flag] = process.argv.slice(2);
if (!spec || !out) throw new Error("usage: tsx scripts/generate-types.ts SPEC OUT [--check]");
const generated = await generateTypes(spec);
if (flag === "--check") {
  if (readFileSync(out, "utf8") !== generated) {
    console.error(
      `Generated types are not up-to-date! Run \`npm run generate\` to rewrite ${out}.`,
    );
    process.exit(1);
  }
  console.log(`${out} is what ${spec} generates`);
} else {
  writeFileSync(out, generated);
  console.log(`wrote ${out}`);
}
