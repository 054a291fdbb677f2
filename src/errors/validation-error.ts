import { HsrcpayError } from "./hsrcpay-error.js";

/** Thrown before anything is sent when an argument breaks the spec; `field` names the culprit. */
export class HsrcpayValidationError extends HsrcpayError {
  override name = "HsrcpayValidationError";
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}
