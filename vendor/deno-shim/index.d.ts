/** The file-system part of the Deno namespace (see index.js). */
export declare const Deno: Record<string, unknown>;
