// What the compiler refuses through the one operation helper: a resource method names its method
// and path once, and a wrong path, a missing body field, a missing path parameter or an unknown
// query field are still compile errors. Compiled by `npm run typecheck`; each @ts-expect-error
// fails the build if the line it marks ever compiles.
import { assertType, describe, expectTypeOf, it } from "vitest";
import {
  type Account,
  type AccountMembership,
  type ApiKey,
  createHsrcpayClient,
  type Deleted,
  type operations,
  type Page,
  type PagePromise,
  type WithMeta,
} from "../../src/index.js";
import type { Call, Params } from "../../src/internal/operation.js";

declare const call: Call;
const hsrcpay = createHsrcpayClient({ token: "sk_test_x" });

describe("the operation helper", () => {
  it("refuses a path the spec does not have, or has not for that method", () => {
    // @ts-expect-error no such path
    call("get", "/acounts/", {});
    // @ts-expect-error /accounts/{id} has no POST
    call("post", "/accounts/{id}", {}, undefined, { id: "acct_1" });
    assertType(call("get", "/accounts/{id}", {}, undefined, { id: "acct_1" }));
  });

  it("refuses params without a required body field", () => {
    // @ts-expect-error Create API key needs permissions
    call("post", "/api-keys/", { account_id: "acct_1", name: "CI" });
    assertType(call("post", "/api-keys/", { account_id: "a", name: "CI", permissions: {} }));
  });

  it("refuses a call without its path parameter, and a path parameter among the params", () => {
    // @ts-expect-error the {id} of /accounts/{id}
    call("delete", "/accounts/{id}", {});
    // @ts-expect-error a wrongly named one
    call("delete", "/accounts/{id}", {}, undefined, { key: "acct_1" });
    // @ts-expect-error the id is a path argument, not a field of the params
    call("put", "/accounts/{id}", { id: "acct_1" }, undefined, { id: "acct_1" });
  });

  it("refuses an unknown query field", () => {
    // @ts-expect-error List API keys has no `pagee`
    call("get", "/api-keys/", { account_id: "acct_1", pagee: 2 });
    // @ts-expect-error nor a wrongly typed one
    call("get", "/api-keys/", { account_id: "acct_1", limit: "10" });
  });

  it("gives the result its kind from the spec", () => {
    expectTypeOf(call("get", "/api-keys/", { account_id: "a" })).toEqualTypeOf<
      PagePromise<ApiKey>
    >();
    expectTypeOf(call("get", "/accounts/", {})).toEqualTypeOf<PagePromise<Account>>();
    expectTypeOf(call("delete", "/accounts/{id}", {}, undefined, { id: "a" })).toEqualTypeOf<
      Promise<Deleted>
    >();
    expectTypeOf(call("get", "/accounts/{id}", {}, undefined, { id: "a" })).toEqualTypeOf<
      Promise<WithMeta<Account>>
    >();
  });

  it("flattens query, path and body into one object under the wire names", () => {
    type Update = Params<"put", "/accounts/{id}">;
    expectTypeOf<Update["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Update["name"]>().toEqualTypeOf<string | undefined>();
    type Generated = NonNullable<
      operations["createAccount"]["parameters"]["query"]
    >["sandbox_mode"];
    expectTypeOf<Params<"post", "/accounts/">["sandbox_mode"]>().toEqualTypeOf<Generated>();
  });
});

describe("accounts", () => {
  it("a sandbox needs the production account it is linked to", () => {
    assertType(hsrcpay.accounts.create({ name: "Prod" }));
    assertType(hsrcpay.accounts.create({ name: "S", sandbox_mode: true, prod_account_id: "a" }));
    // @ts-expect-error sandbox_mode: true without prod_account_id
    hsrcpay.accounts.create({ name: "S", sandbox_mode: true });
    // @ts-expect-error a production account is linked to nothing
    hsrcpay.accounts.create({ name: "P", prod_account_id: "acct_1" });
  });

  it("update takes only the fields of the partial update, never the id", () => {
    assertType(hsrcpay.accounts.update("acct_1", { timezone: "UTC" }));
    assertType(hsrcpay.accounts.update("acct_1", {}));
    // @ts-expect-error the id is the first argument
    hsrcpay.accounts.update("acct_1", { id: "acct_2" });
  });

  it("list takes no params: the token says whose accounts", async () => {
    const page = await hsrcpay.accounts.list();
    expectTypeOf(page).toEqualTypeOf<Page<Account>>();
    // @ts-expect-error no params
    hsrcpay.accounts.list({ account_id: "acct_1" });
  });
});

describe("account memberships", () => {
  it("create takes exactly one of workspace_membership_id or email", () => {
    assertType(hsrcpay.accountMemberships.create({ account_id: "a", email: "x@y.example" }));
    assertType(
      hsrcpay.accountMemberships.create({ account_id: "a", workspace_membership_id: "w" }),
    );
    // @ts-expect-error neither
    hsrcpay.accountMemberships.create({ account_id: "a", permissions: [] });
    const both = { account_id: "a", workspace_membership_id: "w", email: "x@y.example" };
    // @ts-expect-error both
    hsrcpay.accountMemberships.create(both);
  });

  it("results are the spec's AccountMembership", async () => {
    const membership = await hsrcpay.accountMemberships.update("m", { permissions: [] });
    expectTypeOf(membership).toEqualTypeOf<WithMeta<AccountMembership>>();
  });
});
