// Redocly plugin (redocly.yaml: `plugins`, `preprocessors`): what every operation shares, and each
// operation's error examples. A path file holds only what is particular to its operation.
//
// The shared error responses (openapi/components/responses/) hold what every operation shares:
// the description and the error envelope, and examples for the statuses that say nothing about
// the operation (401, 409, 429, 500, default). What is particular to one operation, its path file
// states in three short lines, and this preprocessor writes named examples from them into that
// operation's 400, 403, 404 and 422 (in front of the documented `seedExample`):
//
//   x-hsrcpay-errors:
//     permission: account:charge:read          # 403 `missingPermission`; omit where HSRCPAY names none
//     notFound: { charge: id }                 # 404 `chargeNotFound`, with the id parameter's example
//     invalid: { limit: must be greater than 0 } # 422 `invalidLimit`, a field of its params or body
//     examples: { "422": { customKey: { summary, message, details } } }  # optional, more of its own
//
// 400 needs no statement: `malformedJson` where the operation has a body, `malformedQuery` where not.
// A preprocessor runs before `redocly lint` checks the document and before `redocly bundle`
// (docs, the published spec, Prism, the generators) writes it, so every tool sees the same
// examples and the lint validates them. It is idempotent: a response it wrote is no longer a
// reference to a shared response, so a second pass (or the bundled spec) is left as it is.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The shared responses whose examples are about an operation, by status. */
const particular = {
  400: "BadRequest.yaml",
  403: "Forbidden.yaml",
  404: "NotFound.yaml",
  422: "UnprocessableEntity.yaml",
};
const media = "application/json";
const assumed =
  "HSRCPAY's pages show every error body only as the envelope with placeholders (`seedExample`): " +
  "the wording of this message is assumed.";

const words = (text) => text.split(/[^A-Za-z0-9]+/).filter(Boolean);
const camel = (text) =>
  words(text)
    .map((word, i) =>
      i === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join("");
const pascal = (text) => camel(text).replace(/^./, (first) => first.toUpperCase());
const capitalized = (text) => text.replace(/^./, (first) => first.toUpperCase());

function envelope(status, message, details) {
  return { message, success: false, error: { code: status, message, details } };
}

/** The examples this operation's statement derives, by status. */
function derive(statement, operation, facts) {
  const out = { 400: {}, 403: {}, 404: {}, 422: {} };
  out[400] = facts.hasBody
    ? {
        malformedJson: {
          summary: "A body that is not valid JSON",
          description: `The body could not be read as JSON. ${assumed}`,
          value: envelope(400, "Request body is not valid JSON", { position: 17 }),
        },
      }
    : {
        malformedQuery: {
          summary: "A query string that cannot be read",
          description: `A query string with a broken percent-encoding. ${assumed}`,
          value: envelope(400, "Query string could not be read", { query: "page=%E0%A4%A" }),
        },
      };
  const { permission, notFound, invalid } = statement;
  out[403] = permission
    ? {
        missingPermission: {
          summary: `The credential lacks ${permission}`,
          description: `\`${permission}\` is the permission this operation's description names, after HSRCPAY's page. ${assumed}`,
          value: envelope(403, `Missing permission ${permission}`, {
            required_permission: permission,
          }),
        },
      }
    : {
        notPermitted: {
          summary: `The credential may not ${operation.summary.toLowerCase()}`,
          description: `HSRCPAY names no permission for this operation, so this example names none. ${assumed}`,
          value: envelope(403, `Not allowed to ${operation.summary.toLowerCase()}`, {}),
        },
      };
  if (notFound) {
    const [noun, param] =
      typeof notFound === "string" ? [notFound, undefined] : Object.entries(notFound)[0];
    const id = param ? facts.example(param) : undefined;
    out[404] = {
      [`${camel(noun)}NotFound`]: {
        summary: `Unknown ${noun}`,
        description: `No ${noun} ${param ? `with this \`${param}\` ` : ""}is visible to the credential. ${assumed}`,
        value: envelope(404, `${capitalized(noun)} not found`, param ? { [param]: id } : {}),
      },
    };
  }
  if (invalid) {
    const [field, rule] = Object.entries(invalid)[0];
    out[422] = {
      [`invalid${pascal(field)}`]: {
        summary: `Invalid ${field}`,
        description: `\`${field}\` ${rule}. ${assumed}`,
        value: envelope(422, `${field} ${rule}`, { field }),
      },
    };
  }
  for (const [status, named] of Object.entries(statement.examples ?? {})) {
    for (const [name, { summary, message, details }] of Object.entries(named)) {
      out[status] = {
        ...out[status],
        [name]: {
          summary,
          description: assumed,
          value: envelope(Number(status), message, details ?? {}),
        },
      };
    }
  }
  return out;
}

const openapiDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const samplesDir = resolve(openapiDir, "../examples/reference");
const rootFile = join(openapiDir, "openapi.yaml");

/**
 * What every operation declares alike, written into it here rather than into each path file: the
 * shared error responses (every status HSRCPAY's SDK guides describe, and `default`), the sentence
 * that says where they come from, and the code samples, read from the files named by its
 * operationId (`examples/reference/<operationId>.ts` and `.sh`, which tsc compiles and the contract
 * suite runs). A path file that states one of them itself keeps its own.
 */
const sharedResponses = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  422: "UnprocessableEntity",
  429: "TooManyRequests",
  500: "InternalServerError",
  default: "UnexpectedError",
};
const errorsSentence = [
  "HSRCPAY's pages show the error bodies without legible status codes: this document declares",
  "the eight statuses its SDK guides describe (400, 401, 403, 404, 409, 422, 429, 500), each",
  "with the error envelope, and a `default` response with the same envelope for any other status.",
].join("\n");
const samples = [
  { lang: "TypeScript", label: "TypeScript", ext: "ts" },
  { lang: "Shell", label: "curl", ext: "sh" },
];

/** Adds what every operation shares; says what it could not add (a sample file missing). */
function addShared(operation, here, report) {
  operation.responses ??= {};
  for (const [status, name] of Object.entries(sharedResponses)) {
    // 400, 403, 404 and 422 are written whole below, with the operation's own examples.
    if (Object.hasOwn(particular, status)) continue;
    const file = join(openapiDir, "components/responses", `${name}.yaml`);
    operation.responses[status] ??= { $ref: relative(dirname(here), file) };
  }
  if (!operation.description?.includes(errorsSentence)) {
    operation.description = `${(operation.description ?? "").trimEnd()}\n\n${errorsSentence}\n`;
  }
  if (operation["x-codeSamples"] === undefined && operation.operationId) {
    const files = samples.map(({ ext }) => join(samplesDir, `${operation.operationId}.${ext}`));
    const missing = files.filter((file) => !existsSync(file));
    if (missing.length > 0) {
      report(`no code sample ${missing.map((file) => relative(openapiDir, file)).join(", ")}`);
      return;
    }
    operation["x-codeSamples"] = samples.map(({ lang, label }, index) => ({
      lang,
      label,
      source: readFileSync(files[index], "utf8"),
    }));
  }
}

function ErrorExamples() {
  return {
    Operation: {
      enter(operation, ctx) {
        const here = ctx.location.source.absoluteRef;
        const report = (message) =>
          ctx.report({ message: `${operation.operationId}: ${message}`, location: ctx.location });
        addShared(operation, here, report);
        const statement = operation["x-hsrcpay-errors"] ?? {};
        const resolved = (node) => (node?.$ref ? ctx.resolve(node) : { node, location: null });
        const parameters = (operation.parameters ?? []).map((p) => resolved(p).node ?? {});
        const body = resolved(operation.requestBody).node;
        const problems = [];
        const facts = {
          hasBody: Boolean(body?.content),
          /** The example of the parameter, or of the body field, of this name. */
          example(name) {
            const parameter = parameters.find((p) => p.name === name);
            if (parameter) return parameter.example ?? null;
            const examples = Object.values(body?.content?.[media]?.examples ?? {});
            const value = examples.map((e) => resolved(e).node?.value?.[name]).find(Boolean);
            if (value === undefined) problems.push(`no parameter or body example names ${name}`);
            return value ?? null;
          },
        };
        const field = Object.keys(statement.invalid ?? {})[0];
        if (field && !hasField(field.split(".")[0], parameters, body, ctx)) {
          problems.push(`x-hsrcpay-errors.invalid names ${field}, not a parameter or body field`);
        }
        let derived;
        for (const [status, file] of Object.entries(particular)) {
          const reference = operation.responses?.[status];
          if (reference !== undefined && !reference.$ref?.endsWith(`/${file}`)) continue;
          derived ??= derive(statement, operation, facts);
          const examples = derived[status];
          if (Object.keys(examples).length === 0) {
            const key = status === "404" ? "notFound" : "invalid";
            problems.push(`declares ${status} but x-hsrcpay-errors states no \`${key}\``);
            continue;
          }
          // Not stated in the path file: the shared response, as openapi.yaml's components name it.
          const shared = reference
            ? ctx.resolve(reference)
            : ctx.resolve({ $ref: `components/responses/${file}` }, rootFile);
          const from = dirname(shared.location.source.absoluteRef);
          const rebase = (node) =>
            node?.$ref ? { $ref: relative(dirname(here), resolve(from, node.$ref)) } : node;
          const content = shared.node.content[media];
          const documented = Object.fromEntries(
            Object.entries(content.examples ?? {}).map(([name, example]) => [
              name,
              rebase(example),
            ]),
          );
          operation.responses[status] = {
            description: shared.node.description,
            content: {
              [media]: { schema: rebase(content.schema), examples: { ...examples, ...documented } },
            },
          };
        }
        for (const message of problems) {
          ctx.report({ message: `${operation.operationId}: ${message}`, location: ctx.location });
        }
        delete operation["x-hsrcpay-errors"];
      },
    },
  };
}

/** Whether `name` is a parameter or a property of the JSON body's schema (or of one of its forms). */
function hasField(name, parameters, body, ctx) {
  if (parameters.some((p) => p.name === name)) return true;
  const seen = new Set();
  const visit = (schema, from) => {
    const found = schema?.$ref ? ctx.resolve(schema, from) : { node: schema, location: null };
    const node = found.node;
    if (!node || seen.has(node)) return false;
    seen.add(node);
    if (node.properties && Object.hasOwn(node.properties, name)) return true;
    const base = found.location?.source.absoluteRef ?? from;
    return ["allOf", "anyOf", "oneOf"].some((key) =>
      (node[key] ?? []).some((member) => visit(member, base)),
    );
  };
  return visit(body?.content?.[media]?.schema, undefined);
}

export default function hsrcpayPlugin() {
  return { id: "hsrcpay", preprocessors: { oas3: { "error-examples": ErrorExamples } } };
}
