// Session timeout warning (WCAG 2.2.1). Without JavaScript the page states the limit instead.
// Shows the warning a few minutes before the idle timeout; "continue" extends the session without
// leaving the page (the form still works as a plain POST if this script fails). Also focuses the
// error summary and blocks a second click on buttons marked data-prevent-double-click.
(function () {
  "use strict";
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }

  document.querySelectorAll("[data-prevent-double-click]").forEach(function (button) {
    var form = button.form;
    if (!form) { return; }
    form.addEventListener("submit", function (event) {
      if (form.dataset.submitted === "true") { event.preventDefault(); return; }
      form.dataset.submitted = "true";
      window.setTimeout(function () { form.dataset.submitted = "false"; }, 10000);
    });
  });

  var warning = document.getElementById("session-warning");
  if (!warning) { return; }
  var timeout = Number(warning.dataset.timeoutSeconds) * 1000;
  var warnBefore = Number(warning.dataset.warnSeconds) * 1000;
  var form = warning.querySelector("form");
  var button = form.querySelector("button");
  var warnTimer, endTimer;

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    warnTimer = window.setTimeout(function () {
      warning.hidden = false;
      button.focus();
    }, Math.max(0, timeout - warnBefore));
    endTimer = window.setTimeout(function () {
      window.location.href = form.action.replace(/\/keepalive$/, "/timed-out");
    }, timeout + 2000);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var token = form.querySelector("input[name=__RequestVerificationToken]");
    fetch(form.action, {
      method: "POST",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: token ? "__RequestVerificationToken=" + encodeURIComponent(token.value) : "",
      credentials: "same-origin"
    }).then(function (response) {
      if (response.status === 204) {
        warning.hidden = true;
        schedule();
      } else {
        window.location.href = form.action.replace(/\/keepalive$/, "/timed-out");
      }
    }, function () { form.submit(); });
  });

  schedule();
})();
