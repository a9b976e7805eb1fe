// Passkeys (WebAuthn): a form marked data-passkey="register" or "login"
// asks its data-options URL for a challenge, lets the browser make or use a
// passkey, puts the answer in the form's hidden "credential" field and
// submits the form like any other. No inline script, nothing from a CDN.
(function () {
  function toBytes(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var raw = atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes.buffer;
  }

  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function withIds(list) {
    return (list || []).map(function (c) {
      return Object.assign({}, c, { id: toBytes(c.id) });
    });
  }

  function answer(credential) {
    var r = credential.response;
    var response = { clientDataJSON: toText(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toText(r.attestationObject);
      response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      response.authenticatorData = toText(r.authenticatorData);
      response.signature = toText(r.signature);
      if (r.userHandle) response.userHandle = toText(r.userHandle);
    }
    return JSON.stringify({
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      response: response,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
    });
  }

  function ceremony(form, options) {
    options.challenge = toBytes(options.challenge);
    if (form.dataset.passkey === "register") {
      options.user = Object.assign({}, options.user, { id: toBytes(options.user.id) });
      options.excludeCredentials = withIds(options.excludeCredentials);
      return navigator.credentials.create({ publicKey: options });
    }
    options.allowCredentials = withIds(options.allowCredentials);
    return navigator.credentials.get({ publicKey: options });
  }

  function start(form, event) {
    event.preventDefault();
    var status = form.querySelector("[data-passkey-status]");
    if (form.dataset.passkey === "register" && !form.reportValidity()) return;
    var token = form.querySelector("[name=csrfmiddlewaretoken]").value;
    fetch(form.dataset.options, {
      method: "POST",
      headers: { "X-CSRFToken": token },
      credentials: "same-origin",
    })
      .then(function (r) {
        if (!r.ok) throw new Error("options");
        return r.json();
      })
      .then(function (options) { return ceremony(form, options); })
      .then(function (credential) {
        form.querySelector("[name=credential]").value = answer(credential);
        form.submit();
      })
      .catch(function () {
        if (status) status.hidden = false;
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form[data-passkey]");
    for (var i = 0; i < forms.length; i++) {
      var form = forms[i];
      if (!window.PublicKeyCredential) {
        form.hidden = true;
        continue;
      }
      form.hidden = false;
      form.addEventListener("submit", start.bind(null, form));
    }
  });
})();
