import { HsrcpayValidationError } from "../../src/index.js";

/** What `promise` rejects with; fails the test when it resolves instead. */
export async function rejectionOf(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, and it succeeded");
}

/** The field a validation error names when `run` throws one; undefined when it does not throw. */
export function validationFieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof HsrcpayValidationError) return error.field;
    throw error;
  }
  return undefined;
}
