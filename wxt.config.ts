import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { DEFAULT_CMS_MATCHES } from './lib/policy/default-origins';

/**
 * Public half of the signing key: it fixes the Chromium extension ID (gholjiedldgiapanfhaiaoiiamagicop) so that group policy
 * (ExtensionInstallForcelist, 3rdparty managed storage) can name the extension. The private half is
 * not needed for unpacked or store-signed builds and is not kept in the repository.
 */
export const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtDhZ36YB+EKgn72xcGuGN0cpE/+4zpSjbANrRiuzrY4bfLfDFvS3sO7I6nGcCvrwT/ObTNIDcUGL+vtkdomRDPNncF4MpgwXYiGox9TtMgBmL/rxJe+Kt9qVKHfaiOlvBqWPDlw0GF+dUbB9OdJK/41/EM6gzou20q4BmJH2cWT2O5RRl3RtUKx+/hrhUxhGuntliWHLW5C25/5SekFO+xgruGlMgRwPhw+XScqrZZNvZk5LLLoO3jlQup/oKa4le/N9BFAcyDZBO551ekY7Yd9wseVQ95TogVRJV25YIUbgXfuJlqegwVki5LpswnEi/pkPs7+9tGYfAITlXCeQSwIDAQAB';
export const EXTENSION_ID = 'gholjiedldgiapanfhaiaoiiamagicop';
/** Firefox's add-on id (browser_specific_settings.gecko.id): what policies.json names. */
export const GECKO_ID = 'precheck@pingluo.gov.example';

// The extension is configured here; what it does lives in lib/ and rules/.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({
    // The attachment worker loads each reader as its own chunk (ES module worker).
    worker: { format: 'es' },
    // word-extractor imports Node's `stream` but the .doc reader never uses it (readers/doc.ts).
    resolve: { alias: { stream: fileURLToPath(new URL('./lib/attachments/readers/stream-stub.ts', import.meta.url)) } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    ...(browser !== 'firefox' && { key: EXTENSION_KEY }),
    // storage: local policy + managed policy; scripting: content scripts registered for exactly the
    // policy's origins (lib/policy/registration.ts); activeTab: the toolbar click lends the popup the
    // current tab, so 「扫描此页面」 can read a published page on any site (no install warning).
    // declarativeNetRequest: the network backstop on adapter-named publish endpoints, the startup
    // lockdown, the script- and navigation-URL rules and the data: frame policy (a header rule, which
    // acts on the covered CMS pages through their host access), all limited to the covered CMS origins. Not
    // declarativeNetRequestWithHostAccess, whose rules act only where Precheck has host access: an
    // import() from the CMS page to any other host went out (Chromium and Firefox, other-host-walk.ts).
    // Install warning: "Block content on any page". offscreen (Chrome): the
    // attachment scanner page runs its parser workers in an offscreen document, since a service
    // worker cannot start Workers; Firefox's background page holds it.
    permissions: ['storage', 'scripting', 'activeTab', 'declarativeNetRequest', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Install-time host access only for the local test CMS; every real CMS origin is asked for from
    // the options page (or granted by enterprise policy), never <all_urls>.
    host_permissions: [...DEFAULT_CMS_MATCHES],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // What IT may set through group policy / policies.json (lib/policy/gen-managed-schema.ts).
    storage: { managed_schema: 'managed-schema.json' },
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // 128: the first Firefox with MAIN-world content scripts. Nothing is collected (drafts are
        // checked on the machine; the optional audit collector is the unit's own server), which
        // Firefox wants declared: AMO refuses new extensions without it.
        gecko: {
          id: GECKO_ID,
          strict_min_version: '128.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
