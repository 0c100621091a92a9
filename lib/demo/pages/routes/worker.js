/*
 * 出口路线测试页的工作线程：在工作线程里用 fetch / XMLHttpRequest 发出页面交来的稿件。
 * One script for every kind of worker the route page starts: dedicated (by URL, from a blob: URL,
 * as a module) and shared. It sends what the page hands it and reports the outcome back.
 */
function send(m) {
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
