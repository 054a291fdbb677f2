// The accounts resource (openapi/paths/accounts*.yaml): each method names its method and path once;
// the spec says the rest (src/internal/operation.ts).
import type { components } from "../../../generated/schema.js";
import type { Call, Deleted, Params, ReadOptions, WithMeta } from "../../internal/operation.js";
import type { RequestOptions } from "../../internal/options.js";
import type { PagePromise } from "../../internal/pagination.js";

export type Account = components["schemas"]["Account"];
export type AccountResult = WithMeta<Account>;

/**
 * A new account's fields and where to create it: a production account, or a sandbox, which needs
 * the production account it is linked to (HSRCPAY's Create account page).
 */
export type CreateAccountParams = Params<"post", "/accounts/"> &
  (
    | { sandbox_mode?: false | undefined; prod_account_id?: never }
    | { sandbox_mode: true; prod_account_id: string }
  );
/** The fields to change; the others keep their values (a partial update). */
export type UpdateAccountParams = Omit<Params<"put", "/accounts/{id}">, "id">;

export interface AccountsResource {
  /**
   * Every account the token may act for, production and sandbox, in one list (HSRCPAY does not
   * paginate it): await it for `{ data }`, or iterate it.
   * @example
   * const [first] = (await hsrcpay.accounts.list()).data;
   */
  list(options?: ReadOptions): PagePromise<Account>;
  /** One account, by `acct_…` id or internal id. */
  retrieve(id: string, options?: ReadOptions): Promise<AccountResult>;
  /**
   * Creates a production account, or with `sandbox_mode: true` a sandbox linked to the production
   * account `prod_account_id`. Retries reuse one Idempotency-Key.
   * @example
   * await hsrcpay.accounts.create({ name: "CI sandbox", sandbox_mode: true, prod_account_id: "acct_123" });
   */
  create(params: CreateAccountParams, options?: RequestOptions): Promise<AccountResult>;
  /** Changes only the fields given (HSRCPAY's PUT is a partial update) and returns the account. */
  update(id: string, params: UpdateAccountParams, options?: RequestOptions): Promise<AccountResult>;
  /**
   * Deletes an account (a soft delete). Resolves to `{ id, deleted: true }`, also when a retry
   * after a lost answer finds it already gone (`lastResponse.status` 404).
   */
  delete(id: string, options?: RequestOptions): Promise<Deleted>;
}

export function accountsResource(call: Call): AccountsResource {
  return {
    list: (options) => call("get", "/accounts/", {}, options),
    retrieve: (id, options) => call("get", "/accounts/{id}", {}, options, { id }),
    create: (params, options) => call("post", "/accounts/", params, options),
    update: (id, params, options) => call("put", "/accounts/{id}", params, options, { id }),
    delete: (id, options) => call("delete", "/accounts/{id}", {}, options, { id }),
  };
}
