/** The repository's root directory, with a trailing slash. */
export const repoRoot = new URL("../..", import.meta.url).pathname;
