/*
 * 出口路线测试页的工作线程：在工作线程里用 fetch / XMLHttpRequest 发出页面交来的稿件（或先加密再发出）。
 * One script for every kind of worker the route page starts: dedicated (by URL, from a blob: URL,
 * as a module) and shared. It sends what the page hands it and reports the outcome back.
 */
function base64(buf) {
  return btoa(String.fromCharCode.apply(null, new Uint8Array(buf)));
}
/** Encrypts the body (AES-GCM) and sends it with the key for the server, as an encrypting CMS does. */
function sendEncrypted(m) {
  var iv = crypto.getRandomValues(new Uint8Array(12));
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['encrypt']).then(function (key) {
    return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, new TextEncoder().encode(m.body)).then(function (sealed) {
      return crypto.subtle.exportKey('raw', key).then(function (raw) {
        var headers = { 'content-type': 'application/x-www-form-urlencoded', 'encrypt-key': base64(raw), 'encrypt-iv': base64(iv) };
        return fetch(m.url, { method: 'POST', headers: headers, body: base64(sealed) });
      });
    });
  }).then(
    function (r) { return { ok: r.ok, status: r.status }; },
    function (e) { return { ok: false, error: String((e && e.message) || e) }; },
  );
}
function send(m) {
  if (m.op === 'encrypt') return sendEncrypted(m);
  if (m.op === 'fetch') {
    return fetch(m.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: m.body }).then(
      function (r) { return { ok: r.ok, status: r.status }; },
      function (e) { return { ok: false, error: String((e && e.message) || e) }; },
    );
  }
  return new Promise(function (resolve) {
    var x = new XMLHttpRequest();
    x.open('POST', m.url);
    x.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
    x.onload = function () { resolve({ ok: x.status < 300, status: x.status }); };
    x.onerror = function () { resolve({ ok: false, error: 'XHR 网络错误' }); };
    x.onabort = function () { resolve({ ok: false, error: 'XHR 已中止' }); };
    try {
      x.send(m.body);
    } catch (e) {
      resolve({ ok: false, error: String((e && e.message) || e) });
    }
  });
}
self.onmessage = function (e) {
  send(e.data).then(function (r) { self.postMessage(r); });
};
self.onconnect = function (e) {
  var port = e.ports[0];
  port.onmessage = function (ev) {
    send(ev.data).then(function (r) { port.postMessage(r); });
  };
};
