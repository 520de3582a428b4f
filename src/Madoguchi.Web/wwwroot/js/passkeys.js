// Passkeys (WebAuthn) for staff sign-in and the security page. Progressive enhancement: the
// forms it drives stay hidden unless this runs and the browser supports passkeys. The server
// makes the options and checks the result; this file only carries them to and from the browser.
(function () {
  'use strict';

  // Focus the error summary, so screen readers announce it and keyboard users start there.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.focus();
  }

  var supported = typeof window.PublicKeyCredential === 'function'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function'
    && !!navigator.credentials;
  if (!supported) {
    return;
  }

  function fetchOptions(form) {
    // The form carries the antiforgery token; post it as it is to the options handler.
    return fetch(form.dataset.optionsUrl, {
      method: 'POST',
      body: new FormData(form),
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('Passkey options: HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function submitWith(form, credential) {
    form.elements.CredentialJson.value = credential ? JSON.stringify(credential) : '';
    form.submit();
  }

  function wire(form, run) {
    var button = form.querySelector('button');
    button.addEventListener('click', function () {
      button.disabled = true;
      run(form).then(function (credential) {
        submitWith(form, credential);
      }, function () {
        // Cancelled or failed: the server shows a message that says what to do.
        submitWith(form, null);
      });
    });
  }

  var signInForm = document.getElementById('passkey-sign-in-form');
  if (signInForm) {
    document.getElementById('passkey-section').hidden = false;
    wire(signInForm, function (form) {
      return fetchOptions(form).then(function (options) {
        return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      });
    });
  }

  var createForm = document.getElementById('passkey-add-form');
  if (createForm) {
    createForm.hidden = false;
    var noJs = document.querySelector('[data-passkey-no-js]');
    if (noJs) {
      noJs.hidden = true;
    }
    wire(createForm, function (form) {
      return fetchOptions(form).then(function (options) {
        return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
      });
    });
  }
}());
