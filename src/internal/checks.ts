// The request checks, generic over the rules generated from the spec (generated/operations.ts): a
// params object checked against the subset of JSON Schema that protects the wire and catches
// mistakes before anything is sent. Each refusal names the field (`permissions.payments[1]`) and
// the problem. The policy (CONTRIBUTING.md, "Request checks"): types, required fields, unknown
// fields, bounds, lengths (of strings and arrays), patterns and one-of sets are checked here; formats and meaning (a real
// calendar date, an email that exists) are the server's, whose 422 is a typed error as well.
import { HsrcpayValidationError } from "../errors/validation-error.js";
import { checkWellFormed } from "./guards.js";

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

/**
 * A copy of the caller's params as plain JSON data, each property read once: what is checked is
 * then exactly what is sent (a getter cannot answer the check one way and JSON.stringify another,
 * a non-enumerable field is neither checked nor sent), and what JSON cannot carry as it is (a Date,
 * a Map, a `toJSON`, a function) is refused, naming where it sits. Iterative: metadata nested ten
 * thousand levels deep cannot overflow the stack here.
 */
export function snapshot(params: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const stack: [unknown, Record<string, unknown> | unknown[], string | number, string][] = [
    [params, root, "params", ""],
  ];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, parent, slot, field] = next;
    const name = field || "params";
    let copy: unknown = value;
    try {
      if (Array.isArray(value)) {
        const items: unknown[] = new Array(value.length);
        for (let index = 0; index < value.length; index++) {
          stack.push([value[index], items, index, `${field}[${index}]`]);
        }
        copy = items;
      } else if (typeof value === "object" && value !== null) {
        if (jsonType(value) !== "object") {
          const kind = (value as object).constructor?.name ?? "object";
          throw new HsrcpayValidationError(name, `must be plain JSON data, not a ${kind}`);
        }
        const object: Record<string, unknown> = {};
        for (const key of Object.keys(value)) {
          const at = field ? `${field}.${key}` : key;
          let item: unknown;
          try {
            item = (value as Record<string, unknown>)[key];
          } catch {
            throw new HsrcpayValidationError(at, "could not be read");
          }
          if (item === undefined) continue; // left out, as JSON and the query leave it out
          if (typeof item === "function" || typeof item === "symbol") {
            throw new HsrcpayValidationError(at, "must be JSON data");
          }
          define(object, key, undefined); // keeps the caller's order of fields
          stack.push([item, object, key, at]);
        }
        copy = object;
      } else if (field === "") {
        throw new HsrcpayValidationError("params", "must be an object");
      }
    } catch (error) {
      if (error instanceof HsrcpayValidationError) throw error;
      // A getter or a Proxy trap that throws: the caller's object cannot be read.
      throw new HsrcpayValidationError(name, "could not be read");
    }
    if (Array.isArray(parent)) parent[slot as number] = copy;
    else define(parent, slot as string, copy);
  }
  return root.params as Record<string, unknown>;
}

/** Sets an own property even for `__proto__`, which assignment would take as the prototype. */
function define(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Refuses `value` at `field` unless it meets `rule`. `label` names the operation for unknown fields. */
export function check(value: unknown, rule: Rule, field: string, label: string): void {
  const fail = (problem: string): never => {
    throw new HsrcpayValidationError(field || "params", problem);
  };
  const type = jsonType(value);
  if (rule.type !== undefined) {
    const allowed = typeof rule.type === "string" ? [rule.type] : rule.type;
    const fits =
      allowed.includes(type as string) || (type === "integer" && allowed.includes("number"));
    if (!fits) fail(`must be ${allowed.map((name) => typeWords[name] ?? name).join(" or ")}`);
  }
  if (rule.enum !== undefined && !rule.enum.includes(value)) {
    fail(`must be one of ${rule.enum.map((item) => JSON.stringify(item)).join(", ")}`);
  }
  if (type === "string") checkText(value as string, rule, field, fail);
  else if (type === "integer" || type === "number") checkNumber(value as number, rule, fail);
  else if (type === "array") {
    const items = value as unknown[];
    if (rule.minItems !== undefined && items.length < rule.minItems) {
      fail(`must have at least ${rule.minItems} items`);
    }
    if (rule.maxItems !== undefined && items.length > rule.maxItems) {
      fail(`must have at most ${rule.maxItems} items`);
    }
    // A plain loop: a sparse array's holes would go out as null, and forEach skips them.
    for (let index = 0; index < items.length; index++) {
      if (rule.items) check(items[index], rule.items, `${field}[${index}]`, label);
    }
  } else if (type === "object") checkObject(value as Record<string, unknown>, rule, field, label);
  if (rule.anyOf && !rule.anyOf.some((branch) => passes(value, branch, field, label))) {
    fail("matches none of the forms the spec allows");
  }
  const fitting = rule.oneOf?.filter((branch) => passes(value, branch, field, label));
  if (rule.oneOf && fitting?.length !== 1) {
    // No form fits, but the value has every required field of exactly one: that is the form meant,
    // and its own refusal says what is wrong inside it (`payment_method.data.cvv`), not the forms.
    const meant = rule.oneOf.filter(
      ({ required }) =>
        type === "object" &&
        required?.length &&
        required.every((name) => Object.hasOwn(value as object, name)),
    );
    if (fitting?.length === 0 && meant.length === 1) check(value, meant[0] as Rule, field, label);
    const sets = rule.oneOf.map((branch) => (branch.required ?? []).join(" + "));
    fail(
      sets.every(Boolean)
        ? `must have exactly one of: ${sets.join(", ")}`
        : "must match exactly one of the forms the spec allows",
    );
  }
}

function passes(value: unknown, rule: Rule, field: string, label: string): boolean {
  try {
    check(value, rule, field, label);
    return true;
  } catch {
    return false;
  }
}

function checkText(text: string, rule: Rule, field: string, fail: (problem: string) => never) {
  checkWellFormed(text, field);
  // Code points, as JSON Schema counts them; worked out only where the spec bounds the length.
  if (rule.minLength !== undefined || rule.maxLength !== undefined) {
    const length = [...text].length;
    if (rule.minLength !== undefined && length < rule.minLength) {
      fail(
        rule.minLength === 1
          ? "must not be empty"
          : `must be at least ${rule.minLength} characters`,
      );
    }
    if (rule.maxLength !== undefined && length > rule.maxLength) {
      fail(`must be at most ${rule.maxLength} characters`);
    }
  }
  if (rule.pattern !== undefined && !patternOf(rule.pattern).test(text)) {
    fail(rule.pattern === "\\S" ? "must not be blank" : `must match the pattern ${rule.pattern}`);
  }
}

const patterns = new Map<string, RegExp>();

/** A spec pattern, compiled once (ECMA-262 with the `u` flag, as JSON Schema reads it). */
function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    pattern = new RegExp(source, "u");
    patterns.set(source, pattern);
  }
  return pattern;
}

function checkNumber(number: number, rule: Rule, fail: (problem: string) => never) {
  const { minimum, maximum, exclusiveMinimum: above, exclusiveMaximum: below } = rule;
  const low = minimum === undefined || number >= minimum;
  const high = maximum === undefined || number <= maximum;
  if (
    low &&
    high &&
    (above === undefined || number > above) &&
    (below === undefined || number < below)
  ) {
    return;
  }
  const bounds = [
    minimum !== undefined ? `from ${minimum}` : above !== undefined ? `above ${above}` : "",
    maximum !== undefined ? `to ${maximum}` : below !== undefined ? `below ${below}` : "",
  ].filter(Boolean);
  const whole =
    rule.type === "integer" || (Array.isArray(rule.type) && rule.type.includes("integer"));
  fail(`must be ${whole ? "a whole number" : "a number"} ${bounds.join(" ")}`);
}

function checkObject(
  object: Record<string, unknown>,
  rule: Rule,
  field: string,
  label: string,
): void {
  const at = (name: string) => (field === "" ? name : `${field}.${name}`);
  const properties = rule.properties ?? {};
  for (const name of rule.required ?? []) {
    if (object[name] === undefined || !Object.hasOwn(object, name)) {
      throw new HsrcpayValidationError(at(name), "is required");
    }
  }
  // Own properties only: `constructor` or `__proto__` are not fields because every object has them.
  for (const [name, item] of Object.entries(object)) {
    if (item === undefined) continue; // left out, as JSON and the query leave it out
    const sub = Object.hasOwn(properties, name) ? properties[name] : rule.additionalProperties;
    if (sub === false) {
      const known = Object.keys(properties).join(", ");
      throw new HsrcpayValidationError(
        at(name),
        `is not a field of ${label}${known ? ` (expected ${known})` : ""}`,
      );
    }
    if (typeof sub === "object") check(item, sub, at(name), label);
  }
}
