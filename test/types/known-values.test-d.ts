// `type` and `status` are open enums in the spec (anyOf [enum, string]): the values HSRCPAY documents,
// and any other string a newer server may send. The generated types keep the documented values
// visible ("SECRET" | (string & {})) instead of collapsing them into `string`, without refusing
// the others. scripts/generate-types.ts does it; test/spec/known-values.test.ts asks an editor.
import { assertType, describe, expectTypeOf, it } from "vitest";
import { type ApiKeyResult, type components, createHsrcpayClient } from "../../src/index.js";

type ApiKeyType = components["schemas"]["ApiKeyType"];
type ApiKeyStatus = components["schemas"]["ApiKeyStatus"];
/** The literal members of a union, what an editor offers: never for a type that is just `string`. */
type KnownValues<T> = T extends string ? (string extends T ? never : T) : never;

declare const fromServer: string;
declare const suffix: string;

describe("open enums", () => {
  it("keep the documented values in the type", () => {
    expectTypeOf<KnownValues<string>>().toBeNever();
    expectTypeOf<KnownValues<ApiKeyType>>().toEqualTypeOf<"SECRET">();
    expectTypeOf<KnownValues<ApiKeyStatus>>().toEqualTypeOf<"ACTIVE">();
    expectTypeOf<ApiKeyResult["type"]>().toEqualTypeOf<ApiKeyType>();
    expectTypeOf<ApiKeyResult["status"]>().toEqualTypeOf<ApiKeyStatus>();
  });

  it("accept the documented values and any other string", () => {
    assertType<ApiKeyType>("SECRET");
    assertType<ApiKeyStatus>("ACTIVE");
    assertType<ApiKeyType>("PUBLISHABLE");
    assertType<ApiKeyStatus>("REVOKED");
    assertType<ApiKeyType>(`KEY_${suffix}`);
    assertType<ApiKeyType>(fromServer);
  });

  it("are plain strings through hsrcpay.raw, which openapi-fetch's Readable would otherwise mangle", () => {
    // openapi-fetch maps `string & {}` into an object (openapi-ts/openapi-typescript#2765), so raw
    // is typed with the open enums as `string` (RawPaths in src/typed-api.ts).
    const hsrcpay = createHsrcpayClient({ token: "sk_test_x" });
    const call = hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: "acct_1" } },
      body: { name: "n", permissions: {} },
    });
    type RawKey = NonNullable<Awaited<typeof call>["data"]>["data"];
    expectTypeOf<RawKey["type"]>().toEqualTypeOf<string>();
    expectTypeOf<RawKey["status"]>().toEqualTypeOf<string>();
    assertType<string>(({} as RawKey).type.toLowerCase());
    assertType<boolean>(({} as RawKey).type === "SECRET");
  });

  it("are strings to read", () => {
    expectTypeOf<ApiKeyType>().toExtend<string>();
    expectTypeOf<ApiKeyStatus>().toExtend<string>();
    const type: ApiKeyType = "SECRET";
    assertType<string>(type.toLowerCase());
    // Comparing against a documented value needs no cast.
    assertType<boolean>(type === "SECRET");
  });

  it("refuse what is not a string", () => {
    // @ts-expect-error a number is not a key type
    assertType<ApiKeyType>(42);
    // @ts-expect-error null is not a status: the spec does not make it nullable
    assertType<ApiKeyStatus>(null);
    // @ts-expect-error an object is not a key type
    assertType<ApiKeyType>({ value: "SECRET" });
  });
});
