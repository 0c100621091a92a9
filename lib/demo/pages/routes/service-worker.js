/*
 * 出口路线测试页的 Service Worker：把页面用 postMessage 交来的稿件发到服务器。
 * The route page's service worker: it POSTs what the page posts to it. Its own fetch is out of any
 * page hook's reach, so the gate must refuse the draft on its way in (the message).
 */
self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });
self.addEventListener('message', function (e) {
  var m = e.data;
  var reply = function (r) { if (e.source) e.source.postMessage(r); };
  e.waitUntil(fetch(m.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: m.body }).then(
    function (r) { reply({ ok: r.ok }); },
    function (err) { reply({ ok: false, error: String((err && err.message) || err) }); },
  ));
});
