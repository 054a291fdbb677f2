// The stateful mode's state, one per mock: the items of each collection (created, seeded, or made
// by a confirm), what each create was asked beyond the item's fields (`secure_mode`), and the
// answers each Idempotency-Key was given. Routes act on it by their plan (collections.ts); the
// confirm lifecycle is the one written by hand (lifecycle.ts).

import type { Answered, MockCall } from "./call.js";
import {
  type Collection,
  collections,
  firstExample,
  fromRequest,
  type Item,
  isItem,
  plans,
} from "./collections.js";
import { canonical, errorEnvelope } from "./http.js";
import { lifecycles } from "./lifecycle.js";
import { defaultStatus, type Route } from "./routes.js";

export type State = ReturnType<typeof createState>;

export function createState() {
  const stores = new Map<string, Map<string, Item>>();
  const asked = new Map<string, Item>();
  const replies = new Map<string, { fingerprint: string; response: Response }>();
  let minted = 0;

  const store = (collection: Collection) => {
    let items = stores.get(collection.path);
    if (items) return items;
    items = new Map();
    stores.set(collection.path, items);
    return items;
  };
  /** A new id with the spec's prefix for the collection (`pay_`), unique in this mock. */
  const mint = (prefix: string) => `${prefix}mock${String(++minted).padStart(12, "0")}`;
  const now = () => new Date().toISOString();
  const stamp = (item: Item, created: boolean) => {
    for (const field of created ? ["created_at", "updated_at"] : ["updated_at"]) {
      if (Object.hasOwn(item, field)) item[field] = now();
    }
  };

  /** An item as a read shows it: with what its `include_*` flags ask embedded. */
  const view = (collection: Collection, item: Item, query: Record<string, string>): Item => {
    const shown = structuredClone(item);
    for (const field of collection.embeds) {
      if (query[`include_${field}`] !== "true") continue;
      const many = collections.get(`/${field.replace(/_/g, "-")}/`);
      const one = collections.get(`/${field.replace(/_/g, "-")}s/`);
      if (many) {
        shown[field] = [...store(many).values()]
          .filter((other) => other[`${collection.noun}_id`] === item.id)
          .map((other) => view(many, other, {}));
      } else if (one) {
        const linked = store(one).get(String(item[`${field}_id`]));
        shown[field] = linked ? view(one, linked, {}) : null;
      } else shown[field] = field.endsWith("s") ? [] : null;
    }
    return shown;
  };

  const notFound = (collection: Collection, id: string): Answered => ({
    status: 404,
    body: errorEnvelope(404, `No such ${collection.noun}: ${id}`, { id }),
  });

  /** The route's success envelope with this data (and a list's pagination numbers). */
  const success = (route: Route, data: unknown, page?: Item): Answered => {
    const status = defaultStatus(route);
    const envelope = firstExample(route, status);
    const body = isItem(envelope) ? { ...structuredClone(envelope) } : {};
    if (data !== undefined) body.data = data;
    return { status, body: page ? { ...body, ...page } : body };
  };

  /** A nested collection's items belong to the parent its path names (a config's fee rows). */
  const parentFilter = (
    collection: Collection,
    params: Record<string, string>,
  ): [string, string][] =>
    collection.parent ? [[collection.parent.field, params[collection.parent.param] ?? ""]] : [];

  const list = (
    route: Route,
    collection: Collection,
    call: MockCall,
    params: Record<string, string>,
  ): Answered => {
    const filters = [
      ...Object.entries(call.query).filter(
        ([name]) =>
          !["page", "limit"].includes(name) &&
          !name.startsWith("include_") &&
          Object.hasOwn(collection.template, name),
      ),
      ...parentFilter(collection, params),
    ];
    const items = [...store(collection).values()]
      .filter((item) => filters.every(([name, value]) => String(item[name]) === value))
      .map((item) => view(collection, item, call.query));
    if (route.operation.kind !== "page") return success(route, items);
    const page = Math.max(1, Number(call.query.page ?? 1) || 1);
    const limit = Math.max(1, Number(call.query.limit ?? 10) || 10);
    const data = items.slice((page - 1) * limit, page * limit);
    return success(route, data, {
      total: items.length,
      page,
      limit,
      pages: Math.ceil(items.length / limit),
    });
  };

  const create = (
    route: Route,
    collection: Collection,
    call: MockCall,
    params: Record<string, string>,
  ): Answered => {
    const given: Item = {
      ...call.query,
      ...(isItem(call.body) ? call.body : {}),
      ...Object.fromEntries(parentFilter(collection, params)),
    };
    const settable = Object.keys(route.operation.params.properties ?? {});
    const { item, rest } = fromRequest(collection, collection.template, settable, given);
    item.id = mint(collection.prefix);
    stamp(item, true);
    store(collection).set(item.id as string, item);
    asked.set(item.id as string, rest);
    return success(route, view(collection, item, call.query));
  };

  /** What a route does to the item at `id`, by its plan. */
  const onItem = (route: Route, call: MockCall, id: string): Answered | undefined => {
    const plan = plans.get(route.key);
    if (!plan || plan.kind === "list" || plan.kind === "create") return undefined;
    const { collection } = plan;
    const item = store(collection).get(id);
    if (!item) return notFound(collection, id);
    const body = isItem(call.body) ? call.body : {};
    const lifecycle = lifecycles[route.key];
    if (lifecycle) {
      return lifecycle({ route, call, item, asked: asked.get(id) ?? {}, store, view, mint });
    }
    switch (plan.kind) {
      case "retrieve":
        return success(route, view(collection, item, call.query));
      case "delete":
        store(collection).delete(id);
        asked.delete(id);
        return success(route, undefined);
      case "update":
        for (const [field, value] of Object.entries(body)) {
          if (Object.hasOwn(item, field)) item[field] = structuredClone(value);
        }
        break;
      case "append": {
        // The new element from the spec's example of the answer's same field, then the body.
        const answered = firstExample(route, defaultStatus(route));
        const data = isItem(answered) && isItem(answered.data) ? answered.data : {};
        const examples = Array.isArray(data[plan.field]) ? (data[plan.field] as unknown[]) : [];
        const template = isItem(examples[0]) ? examples[0] : {};
        const element = { ...structuredClone(template), ...structuredClone(body) };
        if (typeof template.id === "string") {
          element.id = mint(/^([A-Za-z]+_)/.exec(template.id)?.[1] ?? "");
        }
        const before = item[plan.field];
        item[plan.field] = [...(Array.isArray(before) ? before : []), element];
        break;
      }
    }
    stamp(item, false);
    return success(route, view(collection, item, call.query));
  };

  return {
    /**
     * The route's answer from the state, or undefined where the state has nothing to say (the
     * route answers its example then). A write's Idempotency-Key replays the first answer to the
     * same request, and answers another request with the spec's 409.
     */
    handle(
      route: Route,
      call: MockCall,
      params: Record<string, string>,
      respond: (answered: Answered) => Response,
    ): Response | undefined {
      const plan = plans.get(route.key);
      if (!plan) return undefined;
      const key = call.method === "GET" ? undefined : call.headers["idempotency-key"];
      // The whole request: operation, path, query (a create's `account_id`) and body.
      const fingerprint = `${route.key} ${call.path} ${canonical(call.query)} ${canonical(call.body ?? null)}`;
      const replied = key === undefined ? undefined : replies.get(key);
      if (replied) {
        if (replied.fingerprint === fingerprint) return replied.response.clone();
        // The spec's Conflict: the key was used for another request.
        const body = firstExample(route, 409) ?? errorEnvelope(409, "Conflict", { key });
        return respond({ status: 409, body });
      }
      const answered =
        plan.kind === "list"
          ? list(route, plan.collection, call, params)
          : plan.kind === "create"
            ? create(route, plan.collection, call, params)
            : onItem(route, call, params[plan.collection.idParam] ?? "");
      if (!answered) return undefined;
      const response = respond(answered);
      if (key !== undefined) replies.set(key, { fingerprint, response: response.clone() });
      return response;
    },
    /** Puts a seeded item in its list's collection. */
    seed(route: Route, item: Item) {
      const collection = collections.get(route.path);
      if (collection) store(collection).set(String(item.id), structuredClone(item));
    },
    /** An id for a seeded item that names none. */
    idFor: (route: Route) => mint(collections.get(route.path)?.prefix ?? ""),
    reset() {
      stores.clear();
      asked.clear();
      replies.clear();
      minted = 0;
    },
  };
}
