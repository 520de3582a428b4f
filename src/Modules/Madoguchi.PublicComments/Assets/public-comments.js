// Public comment forms: a second click on a send button does nothing while the first is on its way.
// Without JavaScript the server still makes one opinion of a double submission (one-time key).
(function () {
  'use strict';
  var summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.focus();
  }
  document.querySelectorAll('form[data-once]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.dataset.sent === 'true') {
        event.preventDefault();
        return;
      }
      form.dataset.sent = 'true';
      form.querySelectorAll('button[type=submit]').forEach(function (button) {
        button.setAttribute('aria-disabled', 'true');
      });
    });
  });
}());
