// The admin's shared request helper as SSCMS's pages use it ($api.csrfPost(token, url, data)):
// axios.create({ baseURL, headers: { Authorization: 'Bearer …' } }).post with the X-CSRF-TOKEN header.
// axios sends a JSON body through XMLHttpRequest; plain script does the same here (axios is not loaded).
window.$api = {
  csrfPost: function (token, url, body) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('Accept', 'application/json, text/plain, */*');
      xhr.setRequestHeader('Content-Type', 'application/json;charset=utf-8');
      xhr.setRequestHeader('Authorization', 'Bearer sscms-fixture-token');
      xhr.setRequestHeader('X-CSRF-TOKEN', token);
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) resolve({ data: JSON.parse(xhr.responseText) });
        else reject(new Error('Request failed with status code ' + xhr.status));
      };
      xhr.onerror = function () { reject(new Error('Network Error')); };
      xhr.send(JSON.stringify(body));
    });
  },
};
