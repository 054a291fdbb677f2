import type { RequestListener } from "node:http";

/** A node:http request listener answering every operation with its success envelope. */
export declare const handler: RequestListener;
