// The spec's resources as the stateful mock keeps them, derived from the paths: a list operation's
// path is a collection (`/payments/`), `{path}{id}` its item path; a create POSTs to the
// collection, an update PUTs and a delete DELETEs the item path, a POST under the item path acts
// on it (`/customers/{id}/addresses/` appends to its `addresses`, `/payments/{id}/confirm` runs
// the one hand-written lifecycle). A collection's template item is the spec's example of what a
// create (else a retrieve, else a list) answers, without the fields an `include_*` flag embeds.

import { answers } from "../../generated/operations.js";
import { answerRefusal } from "../internal/operation.js";
import { defaultStatus, type Route, routes } from "./routes.js";

export type Item = Record<string, unknown>;

export const isItem = (value: unknown): value is Item =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export interface Collection {
  /** `/payments/` */
  path: string;
  /** `/payments/{id}`, where the spec has it (`/payment-provider-configs/{id}/fees/{feeId}`). */
  itemPath: string | undefined;
  /** The item path's own parameter (`id`, `feeId`). */
  idParam: string;
  /**
   * For a collection under another's item (`/payment-provider-configs/{id}/fees`): the path
   * parameter naming the parent, and the item field that holds it (`payment_provider_config_id`).
   */
  parent?: { param: string; field: string } | undefined;
  /** What an item is called (`payment`: its `object` field, else the path's). */
  noun: string;
  /** The spec's example item, its embeddings taken out. */
  template: Item;
  /** The id prefix of the spec's example (`pay_`). */
  prefix: string;
  /** The fields `include_*` flags embed (`charges` for `include_charges`). */
  embeds: string[];
  /** The answer rule of one item, to keep what the mock makes what the client reads as one. */
  rule: (typeof answers)[string];
  /** The list operation: its query parameters that are item fields filter it (`charge_id`). */
  list: Route;
}

/** What a stateful route does; undefined routes answer their example, as without state. */
export type Plan =
  | { kind: "list" | "retrieve" | "create" | "update" | "delete"; collection: Collection }
  | { kind: "append"; collection: Collection; field: string }
  | { kind: "action"; collection: Collection; action: string };

/** The first example of a route's status, or undefined. */
export const firstExample = (route: Route, status: string | number): unknown =>
  Object.values(route.examples[String(status)] ?? {})[0];

/** The `data` of a route's default success example, out of the wrapper the spec allows. */
export function successData(route: Route | undefined): unknown {
  if (!route) return undefined;
  const envelope = firstExample(route, defaultStatus(route));
  const data = isItem(envelope) ? envelope.data : undefined;
  const { unwrap } = route.operation;
  return unwrap !== undefined && isItem(data) && isItem(data[unwrap]) ? data[unwrap] : data;
}

const find = (method: string, path: string | undefined) =>
  routes.find((route) => route.method === method && route.path === path);

function collectionOf(list: Route): Collection {
  const { path } = list;
  // `/payments/` has `/payments/{id}`; `/…/{id}/fees` has `/…/{id}/fees/{feeId}`.
  const item = routes
    .map((route) => route.path)
    .find((candidate) =>
      new RegExp(`^${escaped(path.endsWith("/") ? path : `${path}/`)}\\{(\\w+)\\}$`).test(
        candidate,
      ),
    );
  const itemPath = item;
  const idParam = item ? (/\{(\w+)\}$/.exec(item)?.[1] ?? "id") : "id";
  const create = find("POST", path);
  const retrieve = find("GET", itemPath);
  const listed = successData(list);
  const example = [successData(create), successData(retrieve), Array.isArray(listed) && listed[0]]
    .filter(isItem)
    .at(0);
  const includes = [...(list.operation.query ?? []), ...(retrieve?.operation.query ?? [])];
  const embeds = [
    ...new Set(includes.filter((name) => name.startsWith("include_")).map((n) => n.slice(8))),
  ];
  const template = structuredClone(example ?? {});
  for (const field of embeds) delete template[field];
  const noun =
    typeof template.object === "string"
      ? template.object
      : path.replace(/^\/|\/$/g, "").replace(/s$/, "");
  const prefix = /^([A-Za-z]+_)/.exec(String(template.id))?.[1] ?? `${noun.slice(0, 3)}_`;
  const rule = answers[(retrieve ?? create ?? list).key] ?? "";
  // Under another collection's item: the last parameter before this path's own segments.
  const nested = /^(.*\/)\{(\w+)\}\/[^{}]+$/.exec(path);
  const parentNoun = nested
    ? (routes.find((route) => route.path === nested[1] && route.method === "GET")?.path ?? "")
    : "";
  const parentTemplate = parentNoun && successData(find("GET", parentNoun));
  const parentObject =
    Array.isArray(parentTemplate) && isItem(parentTemplate[0])
      ? parentTemplate[0].object
      : undefined;
  const field = typeof parentObject === "string" ? `${parentObject}_id` : undefined;
  const parent =
    nested && field && Object.hasOwn(template, field)
      ? { param: nested[2] as string, field }
      : undefined;
  return { path, itemPath, idParam, parent, noun, template, prefix, embeds, rule, list };
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every collection, by path. */
export const collections = new Map(
  routes
    .filter(
      (route) =>
        route.method === "GET" && ["page", "list"].includes(route.operation.kind ?? "object"),
    )
    .map((route) => [route.path, collectionOf(route)] as const),
);

/** The collection whose item path a path is, or is under. */
const owner = (path: string) =>
  [...collections.values()].find(
    (c) => c.itemPath !== undefined && (path === c.itemPath || path.startsWith(`${c.itemPath}/`)),
  );

/** What each route does with the state. */
export const plans = new Map<string, Plan>();
for (const route of routes) {
  const collection = collections.get(route.path);
  if (collection) {
    if (route.method === "GET") plans.set(route.key, { kind: "list", collection });
    if (route.method === "POST") plans.set(route.key, { kind: "create", collection });
    continue;
  }
  const parent = owner(route.path);
  if (!parent) continue;
  const rest = route.path.slice((parent.itemPath as string).length + 1);
  const plan: Plan | undefined =
    rest === ""
      ? route.method === "GET"
        ? { kind: "retrieve", collection: parent }
        : route.method === "PUT" || route.method === "PATCH"
          ? { kind: "update", collection: parent }
          : route.method === "DELETE"
            ? { kind: "delete", collection: parent }
            : undefined
      : route.method !== "POST"
        ? undefined
        : rest.endsWith("/")
          ? { kind: "append", collection: parent, field: rest.slice(0, -1) }
          : { kind: "action", collection: parent, action: rest };
  if (plan) plans.set(route.key, plan);
}

/**
 * An item made from the template and what a request says: its fields that are the item's (the
 * body's and the query's, `account_id`); a field the request could have set but did not is
 * empty (`{}`, `[]` or `null`) where the item allows it, else the example's.
 */
export function fromRequest(
  collection: Collection,
  template: Item,
  settable: readonly string[],
  given: Item,
): { item: Item; rest: Item } {
  const item = structuredClone(template);
  const rest: Item = {};
  for (const field of settable) {
    if (!Object.hasOwn(item, field) || Object.hasOwn(given, field)) continue;
    const original = item[field];
    item[field] = Array.isArray(original) ? [] : isItem(original) ? {} : null;
    if (answerRefusal(item, collection.rule) !== undefined) item[field] = original;
  }
  for (const [field, value] of Object.entries(given)) {
    if (Object.hasOwn(item, field)) item[field] = structuredClone(value);
    else rest[field] = value;
  }
  return { item, rest };
}
