/**
 * Where Precheck runs until a policy names the unit's CMS origins: local test and intranet CMSs.
 * The manifest's content-script matches come from this list, so the policy can replace it later.
 */
export const DEFAULT_CMS_MATCHES: readonly string[] = ['http://127.0.0.1/*', 'http://localhost/*'];
