/*
 * 出口路线测试页的 Service Worker：把页面用 postMessage 交来的稿件发到服务器。
 * The route page's service worker: it POSTs what the page posts to it. Its own fetch is out of any
 * page hook's reach, so the gate must refuse the draft on its way in (the message).
 */
self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });
// 页面交来的端口：从端口收到的 { url, body } 也照样发出（Workbox 一类的库经端口与 Service Worker 通信）。
// A port the page hands over: what comes down it as { url, body } is POSTed too (libraries such as
// Workbox talk to their worker over a port).
function listenOn(port) {
  port.onmessage = function (ev) {
    var d = ev.data;
    if (d && typeof d.url === 'string') fetch(d.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: d.body });
  };
}
self.addEventListener('message', function (e) {
  var m = e.data;
  if (m && m.port) listenOn(m.port);
  if (!m || typeof m.url !== 'string') return;
  var reply = function (r) { if (e.source) e.source.postMessage(r); };
  e.waitUntil(fetch(m.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: m.body }).then(
    function (r) { reply({ ok: r.ok }); },
    function (err) { reply({ ok: false, error: String((err && err.message) || err) }); },
  ));
});
