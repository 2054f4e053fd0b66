import { hashSecretToken } from './secret-token.js';

/**
 * The form `share:<token>` of a progress-board share link given as a provider token. The sync
 * server refuses it every document: a link reads only the progress snapshot the web app
 * computes (`/share/<token>/events`), never the documents, which hold notes and update entries.
 */
export const SHARE_TOKEN_PREFIX = 'share:';

/** SHA-256 of a share token: the only form of it the database keeps. */
export const hashShareToken = hashSecretToken;
