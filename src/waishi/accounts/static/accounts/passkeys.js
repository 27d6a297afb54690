// Passkeys (WebAuthn): register one, or sign in with one as the second factor. The server
// sends the options (with its challenge) as JSON and checks the browser's answer.
(function () {
  "use strict";
  function toBytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) { base64 += "="; }
    var raw = atob(base64), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes.buffer;
  }
  function toText(buffer) {
    var bytes = new Uint8Array(buffer), raw = "";
    for (var i = 0; i < bytes.length; i++) { raw += String.fromCharCode(bytes[i]); }
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function csrf() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (field) { return field.value; }
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf()},
      body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok || data.ok === false) { throw new Error(data.message || response.statusText); }
        return data;
      });
    });
  }
  function say(button, text) {
    var box = button.parentNode.querySelector("[data-passkey-message]");
    if (box) { box.textContent = text; }
  }
  function descriptors(list) {
    return (list || []).map(function (item) {
      return {type: item.type, id: toBytes(item.id), transports: item.transports};
    });
  }
  function register(button) {
    var nameField = document.querySelector("[data-passkey-name]");
    post(button.dataset.optionsUrl).then(function (options) {
      options.challenge = toBytes(options.challenge);
      options.user.id = toBytes(options.user.id);
      options.excludeCredentials = descriptors(options.excludeCredentials);
      return navigator.credentials.create({publicKey: options});
    }).then(function (credential) {
      return post(button.dataset.verifyUrl + "?next=" + encodeURIComponent(button.dataset.next || ""), {
        name: nameField ? nameField.value : "",
        credential: {
          id: credential.id,
          rawId: toText(credential.rawId),
          type: credential.type,
          response: {
            clientDataJSON: toText(credential.response.clientDataJSON),
            attestationObject: toText(credential.response.attestationObject),
            transports: credential.response.getTransports ? credential.response.getTransports() : []
          },
          clientExtensionResults: credential.getClientExtensionResults()
        }
      });
    }).then(function (data) { window.location.assign(data.next); })
      .catch(function (error) { button.disabled = false; say(button, error.message); });
  }
  function signIn(button) {
    var remember = document.querySelector("[data-passkey-remember]");
    post(button.dataset.optionsUrl).then(function (options) {
      options.challenge = toBytes(options.challenge);
      options.allowCredentials = descriptors(options.allowCredentials);
      return navigator.credentials.get({publicKey: options});
    }).then(function (credential) {
      return post(button.dataset.verifyUrl + "?next=" + encodeURIComponent(button.dataset.next || ""), {
        remember: Boolean(remember && remember.checked),
        credential: {
          id: credential.id,
          rawId: toText(credential.rawId),
          type: credential.type,
          response: {
            clientDataJSON: toText(credential.response.clientDataJSON),
            authenticatorData: toText(credential.response.authenticatorData),
            signature: toText(credential.response.signature),
            userHandle: credential.response.userHandle ? toText(credential.response.userHandle) : null
          },
          clientExtensionResults: credential.getClientExtensionResults()
        }
      });
    }).then(function (data) { window.location.assign(data.next); })
      .catch(function (error) { button.disabled = false; say(button, error.message); });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-passkey-register], [data-passkey-sign-in]");
    if (!button) { return; }
    if (!window.PublicKeyCredential) { say(button, button.dataset.unsupported || "WebAuthn?"); return; }
    button.disabled = true;
    say(button, "");
    if (button.hasAttribute("data-passkey-register")) { register(button); } else { signIn(button); }
  });
})();
