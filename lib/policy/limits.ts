/**
 * Policy constants the page side needs too. Kept apart from the zod schema so the content script
 * (form fields, PIN proofs) does not carry the schema library into every CMS page.
 */

/** The form fields a unit can make mandatory (the demo CMS uses the same names). */
export const REQUIRED_FIELD_NAMES = ['title', 'channel', 'category', 'disclosure', 'reviewer'] as const;

export const MIN_PIN_ITERATIONS = 100_000;
/** An upper bound so a tampered record cannot make every PIN check hang the browser. */
export const MAX_PIN_ITERATIONS = 10_000_000;

/** attachments.maxMB when a policy does not set it. */
export const DEFAULT_ATTACHMENT_MAX_MB = 50;
