import { defineConfig } from 'wxt';

// The extension is configured here; what it does lives in lib/ and rules/.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // 128: the first Firefox with MAIN-world content scripts.
        gecko: { id: 'precheck@pingluo.gov.example', strict_min_version: '128.0' },
      },
    }),
  }),
});
