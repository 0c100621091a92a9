/**
 * What DWZ's iframeCallback (dwz.ajax.js, the admin framework PublicCMS is built on) does with a form
 * whose onsubmit calls it: a hidden `callbackframe` is made once, the form gets `ajax=1` and is aimed at
 * that frame, and the browser submits it there — a POST into another window, its address as written.
 * Run in the page (page.evaluate); the form's button is `#dwz-submit`, for a person's click.
 */
export function dwzIframeForm(action: string): void {
  let frame = document.getElementById('callbackframe');
  if (!frame) {
    frame = document.createElement('iframe');
    frame.id = 'callbackframe';
    frame.setAttribute('name', 'callbackframe');
    frame.setAttribute('src', 'about:blank');
    frame.style.display = 'none';
    document.body.append(frame);
  }
  const form = document.createElement('form');
  form.method = 'post';
  form.action = action;
  form.enctype = 'multipart/form-data';
  form.innerHTML = '<input type="hidden" name="navTabId" value="content_uncheck"><button id="dwz-submit" type="submit">确定</button>';
  form.onsubmit = () => {
    const ajax = document.createElement('input');
    Object.assign(ajax, { type: 'hidden', name: 'ajax', value: '1' });
    form.append(ajax);
    form.target = 'callbackframe';
    return true;
  };
  document.body.append(form);
}
