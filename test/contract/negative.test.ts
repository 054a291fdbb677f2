// What Prism answers to requests that break the spec, through the client's typed surface.
import { describe, expect, it } from "vitest";
import { AuthenticationError, HsrcpayValidationError } from "../../src/index.js";
import { params } from "../helpers/fixtures.js";
import { rejectionOf } from "../helpers/rejection.js";
import { contractClient } from "./observed-client.js";

describe("requests that break the spec", () => {
  it("no bearer token: AuthenticationError", async () => {
    const { hsrcpay, exchanges } = contractClient({
      expectViolations: true,
      transform: (headers) => headers.delete("authorization"),
    });
    const error = await rejectionOf(hsrcpay.apiKeys.create(params));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect(exchanges[0]?.requestHeaders.has("authorization")).toBe(false);
    expect(exchanges[0]?.violations).toContain("security");
  });

  it("a body that breaks the schema, sent through raw with a cast, comes back as Prism's typed 422", async () => {
    const { hsrcpay, exchanges } = contractClient({ expectViolations: true });
    const broken = { name: 42, permissions: { payments: "read" } } as unknown as {
      name: string;
      permissions: Record<string, string[]>;
    };
    const { data, error, response } = await hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: "acct_1" } },
      body: broken,
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(422);
    expect(error?.success).toBe(false);
    expect(typeof error?.error.code).toBe("number");
    expect(exchanges[0]?.violations).toMatch(/name|permissions/);
  });
});

describe("the spec and the client agree on what they refuse", () => {
  it("a blank account_id, which the client refuses before sending, is out of spec for Prism too", async () => {
    const { hsrcpay, exchanges } = contractClient({ expectViolations: true });
    const body = { name: "CI", permissions: {} };
    const refused = await rejectionOf(hsrcpay.apiKeys.create({ account_id: " ", ...body }));
    expect(refused).toBeInstanceOf(HsrcpayValidationError);
    expect(refused).toHaveProperty("field", "account_id");
    expect(exchanges).toHaveLength(0); // the client sent nothing
    const { error, response } = await hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: " " } },
      body,
    });
    expect(response.status).toBe(422);
    expect(error?.success).toBe(false);
    expect(exchanges[0]?.violations).toContain("account_id");
  });
});
