// The import's progress (Features/Imports): the file's bytes as they leave, then the wait while the server checks or
// imports it. Without this script the forms post as usual, only without the bar.
(() => {
  const upload = document.querySelector('form[data-import-upload]');
  if (upload) {
    upload.addEventListener('submit', (event) => {
      const file = upload.querySelector('input[type=file]').files[0];
      if (!file || upload.dataset.plain) {
        return;
      }
      event.preventDefault();
      const shown = upload.querySelector('[data-import-progress]');
      const bar = shown.querySelector('progress');
      const status = shown.querySelector('[role=status]');
      shown.hidden = false;
      upload.querySelector('button[type=submit]').disabled = true;
      const request = new XMLHttpRequest();
      request.open('POST', upload.action);
      request.upload.onprogress = (e) => {
        if (e.lengthComputable) {
          bar.value = Math.round((100 * e.loaded) / e.total);
          status.textContent = `${bar.value} %`;
        }
      };
      request.upload.onload = () => {
        bar.removeAttribute('value');
        status.textContent = upload.dataset.checking;
      };
      // Checked and waiting: on to the review. Refused (the form with its errors): post it again the plain way to show them.
      const plain = () => {
        upload.dataset.plain = 'yes';
        upload.querySelector('button[type=submit]').disabled = false;
        upload.requestSubmit();
      };
      request.onload = () => {
        if (request.status < 400 && new URL(request.responseURL).pathname !== new URL(upload.action).pathname) {
          location.assign(request.responseURL);
        } else {
          plain();
        }
      };
      request.onerror = plain;
      request.send(new FormData(upload));
    });
  }
  const confirm = document.querySelector('form[data-import-confirm]');
  if (confirm) {
    confirm.addEventListener('submit', () => {
      confirm.querySelector('[data-import-progress]').hidden = false;
      confirm.querySelector('button[type=submit]').disabled = true;
    });
  }
})();
