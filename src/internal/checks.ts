// The request checks, generic over the rules generated from the spec (generated/operations.ts): a
// params object checked against the subset of JSON Schema that protects the wire and catches
// mistakes before anything is sent. Each refusal names the field (`permissions.payments[1]`) and
// the problem. The policy (CONTRIBUTING.md, "Request checks"): types, required fields, unknown
// fields, bounds, lengths (of strings and arrays), patterns and one-of sets are checked here; formats and meaning (a real
// calendar date, an email that exists) are the server's, whose 422 is a typed error as well.
import { HsrcpayValidationError } from "../errors/validation-error.js";
import { isWellFormed, unpairedSurrogate } from "./guards.js";

/** The JSON Schema keywords generate-operations.ts keeps. */
export interface Rule {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly pattern?: string;
  readonly items?: Rule;
  readonly properties?: Readonly<Record<string, Rule>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: Rule | boolean;
  readonly anyOf?: readonly Rule[];
  readonly oneOf?: readonly Rule[];
}

const typeWords: Record<string, string> = {
  string: "a string",
  integer: "a whole number",
  number: "a finite number",
  boolean: "true or false",
  object: "an object",
  array: "an array",
  null: "null",
};

/**
 * The JSON type of a value as the spec would name it; `undefined` for what JSON cannot carry as it
 * is: a whole number past 2^53 (it would go out as `1e+21`), NaN, a function, and any object that
 * is not plain data (a Date, a Map, a class instance: JSON would send a string or `{}` instead).
 */
function jsonType(value: unknown): string | undefined {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "number":
      return Number.isSafeInteger(value)
        ? "integer"
        : Number.isFinite(value)
          ? "number"
          : undefined;
    case "object": {
      const prototype = Object.getPrototypeOf(value);
      return prototype === Object.prototype || prototype === null ? "object" : undefined;
    }
    default:
      return undefined;
  }
}

/** How deep params may nest, and how many values they may hold: a request is small. */
export const paramLimits = { depth: 64, values: 100_000 } as const;

/**
 * A copy of the caller's params as plain JSON data, each property read once: what is checked is
 * then exactly what is sent (a getter cannot answer the check one way and JSON.stringify another,
 * a non-enumerable field is neither checked nor sent), and what JSON cannot carry as it is (a Date,
 * a Map, a `toJSON`, a function) is refused, naming where it sits. An object that contains itself,
 * and anything nested deeper or holding more values than `paramLimits` (a Proxy that makes a new
 * level at every read has no bottom), is refused at once. Iterative: no stack to overflow.
 */
export function snapshot(params: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  // Each value with where its copy goes and the objects above it; a field's path is spelt out
  // only for a refusal (`metadata.self`).
  type Entry = [unknown, Record<string, unknown> | unknown[], string | number, Above];
  const stack: Entry[] = [[params, root, "params", undefined]];
  let values = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, parent, slot, above] = next;
    let copy: unknown = value;
    if (++values > paramLimits.values) {
      throw new HsrcpayValidationError("params", `has more than ${paramLimits.values} values`);
    }
    try {
      if (typeof value === "object" && value !== null) {
        const depth = (above?.depth ?? 0) + 1;
        if (depth > paramLimits.depth)
          throw refusal(above, slot, `is nested deeper than ${paramLimits.depth} levels`);
        for (let up = above; up !== undefined; up = up.above) {
          if (up.value === value) throw refusal(above, slot, "contains itself");
        }
        const here: Above = { value, above, depth, slot };
        if (Array.isArray(value)) {
          const items: unknown[] = new Array(value.length);
          for (let index = 0; index < value.length; index++) {
            stack.push([value[index], items, index, here]);
          }
          copy = items;
        } else {
          if (jsonType(value) !== "object") {
            const kind = (value as object).constructor?.name ?? "object";
            throw refusal(above, slot, `must be plain JSON data, not a ${kind}`);
          }
          const object: Record<string, unknown> = {};
          for (const key of Object.keys(value)) {
            let item: unknown;
            try {
              item = (value as Record<string, unknown>)[key];
            } catch {
              throw new HsrcpayValidationError(pathOf(here, key), "could not be read");
            }
            if (item === undefined) continue; // left out, as JSON and the query leave it out
            if (typeof item === "function" || typeof item === "symbol") {
              throw new HsrcpayValidationError(pathOf(here, key), "must be JSON data");
            }
            setOwn(object, key, undefined); // keeps the caller's order of fields
            stack.push([item, object, key, here]);
          }
          copy = object;
        }
      } else if (above === undefined) {
        throw refusal(above, slot, "must be an object");
      }
    } catch (error) {
      if (error instanceof HsrcpayValidationError) throw error;
      // A getter or a Proxy trap that throws: the caller's object cannot be read.
      throw refusal(above, slot, "could not be read");
    }
    if (Array.isArray(parent)) parent[slot as number] = copy;
    else setOwn(parent, slot as string, copy);
  }
  return root.params as Record<string, unknown>;
}

/** The objects above a value in the params, nearest first, to find one that contains itself. */
type Above = { value: object; above: Above; depth: number; slot: string | number } | undefined;

function refusal(above: Above, slot: string | number, problem: string) {
  return new HsrcpayValidationError(above ? pathOf(above, slot) : "params", problem);
}

/** `permissions.payments[1]`: where `slot` of the object `above` sits in the params. */
function pathOf(above: NonNullable<Above>, slot: string | number): string {
  let path = "";
  for (let at: Above = above, key = slot; at !== undefined; key = at.slot, at = at.above) {
    path =
      typeof key === "number"
        ? `[${key}]${path}`
        : at.above === undefined
          ? `${key}${path}`
          : `.${key}${path}`;
  }
  return path;
}

/**
 * Sets an own property even for `__proto__`, which assignment would take as the prototype (a
 * params field, a header name). Assignment otherwise: defining every property cost a tenth of a call.
 */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key !== "__proto__") object[key] = value;
  else {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

/** What is wrong and where: the field (`permissions.payments[1]`) and the problem. */
type Refusal = readonly [field: string, problem: string];

/** Refuses `value` at `field` unless it meets `rule`. `label` names the operation for unknown fields. */
export function check(value: unknown, rule: Rule, field: string, label: string): void {
  const refusal = refusalOf(value, rule, field, label);
  if (refusal) throw new HsrcpayValidationError(refusal[0], refusal[1]);
}

/**
 * The first refusal of `value` under `rule`, if any. Returned, not thrown: the forms of an `anyOf`
 * or `oneOf` are tried on every call (a confirm's card or saved method), and building an error
 * for each form that does not fit cost more than the rest of the checks together.
 */
function refusalOf(value: unknown, rule: Rule, field: string, label: string): Refusal | undefined {
  const at = field || "params";
  const type = jsonType(value);
  if (rule.type !== undefined) {
    const allowed = typeof rule.type === "string" ? [rule.type] : rule.type;
    if (!allowed.includes(type as string) && !(type === "integer" && allowed.includes("number"))) {
      return [at, `must be ${allowed.map((name) => typeWords[name] ?? name).join(" or ")}`];
    }
  }
  if (rule.enum !== undefined && !rule.enum.includes(value)) {
    return [at, `must be one of ${rule.enum.map((item) => JSON.stringify(item)).join(", ")}`];
  }
  let inner: Refusal | undefined;
  if (type === "string") inner = textRefusal(value as string, rule, at);
  else if (type === "integer" || type === "number")
    inner = numberRefusal(value as number, rule, at);
  else if (type === "array") {
    const items = value as unknown[];
    if (rule.minItems !== undefined && items.length < rule.minItems) {
      return [at, `must have at least ${rule.minItems} items`];
    }
    if (rule.maxItems !== undefined && items.length > rule.maxItems) {
      return [at, `must have at most ${rule.maxItems} items`];
    }
    // A plain loop: a sparse array's holes would go out as null, and forEach skips them.
    for (let index = 0; index < items.length && rule.items && !inner; index++) {
      inner = refusalOf(items[index], rule.items, `${field}[${index}]`, label);
    }
  } else if (type === "object") {
    inner = objectRefusal(value as Record<string, unknown>, rule, field, label);
  }
  if (inner) return inner;
  if (rule.anyOf === undefined && rule.oneOf === undefined) return undefined;
  const fits = (branch: Rule) => refusalOf(value, branch, field, label) === undefined;
  if (rule.anyOf && !rule.anyOf.some(fits)) {
    return [at, "matches none of the forms the spec allows"];
  }
  const fitting = rule.oneOf?.filter(fits);
  if (rule.oneOf && fitting?.length !== 1) {
    // No form fits, but the value has every required field of exactly one: that is the form meant,
    // and its own refusal says what is wrong inside it (`payment_method.data.cvv`), not the forms.
    const meant = rule.oneOf.filter(
      ({ required }) =>
        type === "object" &&
        required?.length &&
        required.every((name) => Object.hasOwn(value as object, name)),
    );
    if (fitting?.length === 0 && meant.length === 1) {
      const refusal = refusalOf(value, meant[0] as Rule, field, label);
      if (refusal) return refusal;
    }
    const sets = rule.oneOf.map((branch) => (branch.required ?? []).join(" + "));
    return [
      at,
      sets.every(Boolean)
        ? `must have exactly one of: ${sets.join(", ")}`
        : "must match exactly one of the forms the spec allows",
    ];
  }
  return undefined;
}

function textRefusal(text: string, rule: Rule, at: string): Refusal | undefined {
  if (!isWellFormed(text)) return [at, unpairedSurrogate];
  // Code points, as JSON Schema counts them; worked out only where the spec bounds the length.
  if (rule.minLength !== undefined || rule.maxLength !== undefined) {
    const length = [...text].length;
    if (rule.minLength !== undefined && length < rule.minLength) {
      return [
        at,
        rule.minLength === 1
          ? "must not be empty"
          : `must be at least ${rule.minLength} characters`,
      ];
    }
    if (rule.maxLength !== undefined && length > rule.maxLength) {
      return [at, `must be at most ${rule.maxLength} characters`];
    }
  }
  if (rule.pattern !== undefined && !patternOf(rule.pattern).test(text)) {
    return [
      at,
      rule.pattern === "\\S" ? "must not be blank" : `must match the pattern ${rule.pattern}`,
    ];
  }
  return undefined;
}

const patterns = new Map<string, RegExp>();

/** A spec pattern, compiled once (ECMA-262 with the `u` flag, as JSON Schema reads it). */
export function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    pattern = new RegExp(source, "u");
    patterns.set(source, pattern);
  }
  return pattern;
}

function numberRefusal(number: number, rule: Rule, at: string): Refusal | undefined {
  const { minimum, maximum, exclusiveMinimum: above, exclusiveMaximum: below } = rule;
  const low = minimum === undefined || number >= minimum;
  const high = maximum === undefined || number <= maximum;
  if (
    low &&
    high &&
    (above === undefined || number > above) &&
    (below === undefined || number < below)
  ) {
    return undefined;
  }
  const bounds = [
    minimum !== undefined ? `from ${minimum}` : above !== undefined ? `above ${above}` : "",
    maximum !== undefined ? `to ${maximum}` : below !== undefined ? `below ${below}` : "",
  ].filter(Boolean);
  const whole =
    rule.type === "integer" || (Array.isArray(rule.type) && rule.type.includes("integer"));
  return [at, `must be ${whole ? "a whole number" : "a number"} ${bounds.join(" ")}`];
}

function objectRefusal(
  object: Record<string, unknown>,
  rule: Rule,
  field: string,
  label: string,
): Refusal | undefined {
  const at = (name: string) => (field === "" ? name : `${field}.${name}`);
  const properties = rule.properties ?? {};
  for (const name of rule.required ?? []) {
    if (object[name] === undefined || !Object.hasOwn(object, name)) {
      return [at(name), "is required"];
    }
  }
  // Own properties only: `constructor` or `__proto__` are not fields because every object has them.
  for (const [name, item] of Object.entries(object)) {
    if (item === undefined) continue; // left out, as JSON and the query leave it out
    const sub = Object.hasOwn(properties, name) ? properties[name] : rule.additionalProperties;
    if (sub === false) {
      const known = Object.keys(properties).join(", ");
      return [at(name), `is not a field of ${label}${known ? ` (expected ${known})` : ""}`];
    }
    if (typeof sub === "object") {
      const refusal = refusalOf(item, sub, at(name), label);
      if (refusal) return refusal;
    }
  }
  return undefined;
}
