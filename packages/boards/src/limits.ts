/** The largest plan file accepted from the web or the API: 10 MiB. */
export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The largest request that may carry one: the file plus the multipart envelope and the agency
 * mappings. The host sets the HTTP server's body limit to this.
 */
export const MAX_PLAN_UPLOAD_BYTES = MAX_PLAN_FILE_BYTES + 1024 * 1024;
