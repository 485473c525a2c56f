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
