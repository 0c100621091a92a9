import { lockdownDomains } from './startup-rules';
import type { DnrRule } from './backstop-rules';

/**
 * Above the startup lift's allow-everything (6), which would otherwise switch a shape rule off once
 * the content scripts are in; below the backstop's per-tab allows after a sign-off (8), which name
 * adapter publish endpoints only.
 */
export const URL_SHAPE_PRIORITY = 7;

/**
 * A rule by which the browser itself refuses, from the covered CMS pages, requests of `types` whose
 * URL matches `pattern` (case-insensitively, by RE2): nothing is read, the shape alone decides.
 */
export function urlShapeRule(id: number, pattern: string, types: string[], origins: readonly string[]): DnrRule[] {
  const domains = lockdownDomains(origins);
  if (domains.length === 0) return [];
  return [
    {
      id,
      priority: URL_SHAPE_PRIORITY,
      action: { type: 'block' },
      condition: { regexFilter: pattern, isUrlFilterCaseSensitive: false, resourceTypes: types, initiatorDomains: domains },
    },
  ];
}
