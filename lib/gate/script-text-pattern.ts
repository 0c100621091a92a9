/**
 * What a script URL must not carry (lib/gate/script-url-rules.ts): percent-encoded non-ASCII, or a
 * mobile- or ID-shaped run of digits. Its own module: the page's guard gives it to a worker's prelude
 * (importScripts), and must not bring the browser rules' tables into the page.
 */
const BEFORE = '(?:[^0-9a-z.]|%[0-9a-f]{2})';
const MOBILE = '1[0-9]{10}';
const LONG_RUN = '(?:[013-9][0-9]|2[1-9])[0-9]{12,}[0-9x]';
const AFTER = '(?:[^0-9x]|$)';
/** Matched case-insensitively, against the whole URL (the host's digits never make such a run). */
export const SCRIPT_TEXT_PATTERN = `%[89a-f][0-9a-f]|${BEFORE}(?:${MOBILE}|${LONG_RUN})${AFTER}`;
