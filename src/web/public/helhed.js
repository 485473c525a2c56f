// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  if (window.DKFDS && typeof window.DKFDS.init === 'function') window.DKFDS.init();
});

// An import's progress bar: polls the import's status and updates the bar; reloads to show the result when done.
document.addEventListener('DOMContentLoaded', function () {
  var box = document.querySelector('[data-import-progress]');
  if (!box || !window.fetch) return;
  var url = box.getAttribute('data-import-progress');
  var bar = box.querySelector('progress');
  var text = box.querySelector('.helhed-import-progress-text');
  var mb = function (bytes) { return (Math.round(bytes / 1024 / 1024 * 10) / 10).toLocaleString('da-DK'); };
  var tick = function () {
    fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) return;
        if (s.status !== 'running') { window.location.reload(); return; }
        if (s.bytesTotal && s.bytesRead !== null) {
          bar.max = s.bytesTotal;
          bar.value = s.bytesRead;
          text.textContent = mb(s.bytesRead) + ' af ' + mb(s.bytesTotal) + ' MB læst, ' + s.rowsRead.toLocaleString('da-DK') + ' rækker' + (s.problemCount > 0 ? ', ' + s.problemCount.toLocaleString('da-DK') + ' fejl indtil nu' : '') + '.';
        }
        setTimeout(tick, 700);
      })
      .catch(function () { setTimeout(tick, 2000); });
  };
  setTimeout(tick, 300);
});

// The import form: sends the file with a progress bar for the upload itself, then goes where the server sends it
// (the import's progress page). Without this script the form is a plain post, and the progress page follows it.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form.helhed-import-form');
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  form.addEventListener('submit', function (event) {
    var input = form.querySelector('input[type="file"]');
    if (!input || !input.files || input.files.length === 0) return;
    event.preventDefault();
    var box = document.createElement('div');
    box.className = 'helhed-import-progress';
    box.innerHTML = '<label for="upload-progress">Filen sendes</label><progress id="upload-progress" max="100" value="0">0 %</progress><p aria-live="polite" class="helhed-import-progress-text"></p>';
    form.appendChild(box);
    var bar = box.querySelector('progress');
    var text = box.querySelector('.helhed-import-progress-text');
    var button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      bar.max = e.total;
      bar.value = e.loaded;
      text.textContent = Math.round((e.loaded / e.total) * 100) + ' % sendt';
    };
    xhr.onload = function () {
      if (xhr.status < 400 && xhr.responseURL) {
        window.location.assign(xhr.responseURL);
        return;
      }
      // A refused upload (no file, too large) answers with the form and its errors: show that page.
      document.open();
      document.write(xhr.responseText);
      document.close();
    };
    xhr.onerror = function () {
      text.textContent = 'Filen kunne ikke sendes. Prøv igen.';
      if (button) button.disabled = false;
    };
    xhr.send(new FormData(form));
  });
});
