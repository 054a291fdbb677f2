// The account memberships resource (openapi/paths/account-memberships*.yaml): each method names its
// method and path once; the spec says the rest (src/internal/operation.ts).
import type { components } from "../../../generated/schema.js";
import type { Call, Params, ReadOptions, WithMeta } from "../../internal/operation.js";
import type { RequestOptions } from "../../internal/options.js";
import type { PagePromise } from "../../internal/pagination.js";

export type AccountMembership = components["schemas"]["AccountMembership"];
export type AccountMembershipResult = WithMeta<AccountMembership>;

export type ListAccountMembershipsParams = Params<"get", "/account-memberships/">;
/**
 * Who gets access to `account_id`: exactly one of `workspace_membership_id` (an internal member)
 * or `email` (an external one, invited), and the permissions to grant (none when left out).
 */
export type CreateAccountMembershipParams = Params<"post", "/account-memberships/">;
export type UpdateAccountMembershipParams = Omit<Params<"put", "/account-memberships/{id}">, "id">;

export interface AccountMembershipsResource {
  /** Every membership of `account_id`, in one list (not paginated): await it or iterate it. */
  list(params: ListAccountMembershipsParams, options?: ReadOptions): PagePromise<AccountMembership>;
  /**
   * Gives a workspace member (`workspace_membership_id`) or an invitee (`email`) access to
   * `account_id`. Retries reuse one Idempotency-Key.
   * @example
   * await hsrcpay.accountMemberships.create({ account_id: "acct_123", email: "dev@example.com" });
   */
  create(
    params: CreateAccountMembershipParams,
    options?: RequestOptions,
  ): Promise<AccountMembershipResult>;
  /** Sets the membership's permission list (HSRCPAY: "replaces or patches" it). */
  update(
    id: string,
    params: UpdateAccountMembershipParams,
    options?: RequestOptions,
  ): Promise<AccountMembershipResult>;
}

export function accountMembershipsResource(call: Call): AccountMembershipsResource {
  return {
    list: (params, options) => call("get", "/account-memberships/", params, options),
    create: (params, options) => call("post", "/account-memberships/", params, options),
    update: (id, params, options) =>
      call("put", "/account-memberships/{id}", params, options, { id }),
  };
}
