// A path parameter is a secret (a checkout session's token) exactly when the spec marks it
// `x-hsrcpay-secret: true`. The client masks a path parameter whose name is a secret field
// (src/internal/operation.ts, and `raw`'s URL in typed-api.ts), and the secret field names are
// generated from the properties the spec marks: so a marked parameter's name must be one of them,
// and an unmarked path parameter's must not (an `id` would otherwise be masked out of every path).
import { describe, expect, it } from "vitest";
import { secretFields } from "../../generated/operations.js";
import { operations } from "../helpers/spec.js";

const secret: ReadonlySet<string> = new Set(secretFields);

describe("path parameters and the secret field names", () => {
  for (const operation of operations()) {
    const inPath = (operation.parameters ?? []).filter((parameter) => parameter.in === "path");
    for (const parameter of inPath) {
      const marked = (parameter as { "x-hsrcpay-secret"?: unknown })["x-hsrcpay-secret"] === true;
      it(`${operation.operationId}: {${parameter.name}} is ${marked ? "" : "not "}masked, as the spec marks it`, () => {
        expect(secret.has(parameter.name)).toBe(marked);
      });
    }
  }

  it("the checkout confirm's token is one of them", () => {
    const confirm = operations().find((o) => o.operationId === "confirmCheckoutSession");
    const token = confirm?.parameters?.find((parameter) => parameter.name === "token");
    expect(token).toMatchObject({ in: "path", "x-hsrcpay-secret": true });
    expect(secret.has("token")).toBe(true);
  });
});
