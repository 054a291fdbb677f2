// openapi-typescript through its Node API, for three transforms that make the types as exact as the
// spec, where openapi-typescript prints them looser than TypeScript allows:
//
// - Enums are closed. The spec writes `status` as `anyOf: [{ enum: [...] }, { type: string }]`, so
//   that a value HSRCPAY adds later still passes the client's answer check; openapi-typescript prints
//   `"CREATED" | … | string`, which TypeScript collapses to `string`: `status === "SUCEEDED"`
//   compiles and an editor offers nothing. The types carry the documented values only (as
//   stripe-node and openai-node type theirs); at run time a value outside them still passes through,
//   and the client says so once through its logger (src/internal/operation.ts).
// - Objects are closed. `additionalProperties: true` (further fields may arrive) prints as
//   `[key: string]: unknown`, so that `payment.stauts` compiles. An object with declared properties
//   loses the index signature; a free-form map (`metadata`, no properties) keeps it.
// - `oneOf` is exclusive. openapi-typescript prints a union, which an object literal holding both
//   forms satisfies (`payment_method: { id, data }`), and a `oneOf` of required sets as
//   `{ … } & (unknown | unknown)`. Each form gets the other forms' fields as `?: never`.
//
// usage: tsx scripts/generate-types.ts SPEC OUT [--check]
// With --check nothing is written: it exits 1 when OUT is not what SPEC generates.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPITSOptions } from "openapi-typescript";
import ts from "typescript";

const { factory, SyntaxKind } = ts;
type Schema = { oneOf?: { required?: string[] }[]; additionalProperties?: unknown };

const unwrap = (node: ts.TypeNode): ts.TypeNode =>
  ts.isParenthesizedTypeNode(node) ? unwrap(node.type) : node;

// openapi-typescript prints some literals as identifiers whose text is the quoted value.
const isStringLiteral = (node: ts.Node): boolean =>
  (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) ||
  (ts.isIdentifier(node) && node.text.startsWith('"'));

/** The members of a union, nested unions flattened: `("A" | "B") | string` → A, B, string. */
const flatten = (node: ts.TypeNode): ts.TypeNode[] => {
  const inner = unwrap(node);
  return ts.isUnionTypeNode(inner) ? inner.types.flatMap(flatten) : [inner];
};

/** `"A" | "B" | string` (an open enum) → `"A" | "B"`; `null` and other members stay. */
function closeEnum(type: ts.TypeNode): ts.TypeNode | undefined {
  const members = flatten(type);
  if (!members.some(isStringLiteral)) return undefined;
  if (!members.some((member) => member.kind === SyntaxKind.StringKeyword)) return undefined;
  const kept = members.filter((member) => member.kind !== SyntaxKind.StringKeyword);
  return kept.length === 1 ? kept[0] : factory.createUnionTypeNode(kept);
}

const nameOf = (member: ts.TypeElement): string | undefined =>
  member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))
    ? member.name.text
    : undefined;

const isIndexOnly = (node: ts.TypeNode): boolean =>
  ts.isTypeLiteralNode(node) && node.members.every(ts.isIndexSignatureDeclaration);

/**
 * An object with declared properties loses the `[key: string]: unknown` that
 * `additionalProperties: true` adds (openapi-typescript intersects it with the properties); a
 * free-form map, with no properties, keeps it.
 */
function closeObject(type: ts.TypeNode, schema: Schema): ts.TypeNode {
  if (schema.additionalProperties !== true || !ts.isIntersectionTypeNode(type)) return type;
  const kept = type.types.filter((member) => !isIndexOnly(member));
  if (kept.length === type.types.length || kept.length === 0) return type;
  return kept.length === 1 && kept[0] ? kept[0] : factory.createIntersectionTypeNode(kept);
}

const never = (name: string) =>
  factory.createPropertySignature(
    undefined,
    name,
    factory.createToken(SyntaxKind.QuestionToken),
    factory.createKeywordTypeNode(SyntaxKind.NeverKeyword),
  );

/** Each form of a union of object literals, with the other forms' fields as `?: never`. */
function exclusive(forms: ts.TypeLiteralNode[]): ts.TypeNode {
  const names = forms.map((form) => form.members.map(nameOf).filter((name) => name !== undefined));
  return factory.createUnionTypeNode(
    forms.map((form, index) => {
      const own = new Set(names[index]);
      const others = [...new Set(names.flat())].filter((name) => !own.has(name));
      return factory.createTypeLiteralNode([...form.members, ...others.map(never)]);
    }),
  );
}

/**
 * `oneOf` exclusive: a union of object literals (`{ id } | { type?, data }`), or the
 * `{ …fields } & (unknown | unknown)` openapi-typescript prints for a `oneOf` of required sets, which
 * becomes the common fields and one form per set (its fields required, the other sets' never).
 */
function exclusiveOneOf(type: ts.TypeNode, schema: Schema): ts.TypeNode | undefined {
  if (!schema.oneOf) return undefined;
  const members = flatten(type);
  if (members.length > 1 && members.every(ts.isTypeLiteralNode)) return exclusive(members);
  const sets = schema.oneOf.map((form) => form.required ?? []);
  if (!ts.isIntersectionTypeNode(type) || sets.some((set) => set.length === 0)) return undefined;
  const [fields] = type.types;
  if (!fields || !ts.isTypeLiteralNode(fields)) return undefined;
  const inForms = new Set(sets.flat());
  const common = fields.members.filter((member) => !inForms.has(nameOf(member) ?? ""));
  const forms = sets.map((set) =>
    factory.createTypeLiteralNode(
      fields.members
        .filter((member) => set.includes(nameOf(member) ?? ""))
        .map((member) =>
          ts.isPropertySignature(member)
            ? factory.updatePropertySignature(
                member,
                member.modifiers,
                member.name,
                undefined,
                member.type,
              )
            : member,
        ),
    ),
  );
  return factory.createIntersectionTypeNode([
    factory.createTypeLiteralNode(common),
    factory.createParenthesizedType(exclusive(forms)),
  ]);
}

const exact: NonNullable<OpenAPITSOptions["postTransform"]> = (type, { schema }) => {
  const given = (schema ?? {}) as Schema;
  const closed = closeObject(type, given);
  const result = closeEnum(closed) ?? exclusiveOneOf(closed, given) ?? closed;
  return result === type ? undefined : result;
};

async function generateTypes(spec: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(spec), { postTransform: exact, silent: true });
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
