/* Live validation of the back office's dataset form (form.dataset-form): while a person types,
   and when they leave a field, the form is posted as JSON to its data-validate-url
   (POST /manage/datasets/validate, CSRF token in the x-csrf-token header), which answers
   {problems: [{field, code, message}]} from the same checks as saving, writing nothing. The
   answers are shown where the server puts them when the form comes back with errors: a
   p.field-error before the control, aria-invalid and aria-describedby on it, and the error
   summary at the top loses the problems that are fixed. Messages appear only for fields the
   person has touched (and stay on fields that already show one). Without this file the form
   is checked when it is sent, with the same messages. */
/* Uploads: each saved resource's file input (.resource-upload) belongs to a multipart form of
   its own (data-form) that works without this file (POST, then back to the edit page). Here
   the chosen file is sent at once with XMLHttpRequest to its data-upload-url instead (PUT, the
   file as the body, CSRF header), with a <progress> bar, and the platform's download URL goes
   into the resource's download URL field; the form's 上傳 button is hidden and its submit
   is taken over the same way. */
/* global document, window, fetch, AbortController, FormData, XMLHttpRequest, setTimeout, clearTimeout */
(function () {
  'use strict';

  var script = document.currentScript;
  var form = document.querySelector('form.dataset-form[data-validate-url]');
  if (!script || !form || !window.fetch || !window.FormData || !window.AbortController) return;
  var errorLabel = script.dataset.errorLabel || '';
  var url = form.getAttribute('data-validate-url');
  var tokenInput = form.querySelector('input[name="_csrf"]');
  var token = tokenInput ? tokenInput.value : '';
  var DEBOUNCE_MS = 350;
  var touched = {};
  var timer;
  var request;
  var sequence = 0;

  function fieldId(name) {
    return 'field-' + name.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');
  }

  function values() {
    var data = {};
    new FormData(form).forEach(function (value, key) {
      if (typeof value !== 'string' || key === '_csrf' || key === 'action') return;
      if (Object.prototype.hasOwnProperty.call(data, key)) data[key] = [].concat(data[key], value);
      else data[key] = value;
    });
    return data;
  }

  function setDescribedBy(control, id, present) {
    var ids = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (x) {
      return x !== '' && x !== id;
    });
    if (present) ids.push(id);
    if (ids.length > 0) control.setAttribute('aria-describedby', ids.join(' '));
    else control.removeAttribute('aria-describedby');
  }

  /** Shows `message` next to the field, or clears the field's message when it is undefined. */
  function show(name, message) {
    var id = fieldId(name);
    var control = document.getElementById(id);
    if (!control) return;
    var wrapper = control.closest('.form-field');
    var errorId = id + '-error';
    var error = document.getElementById(errorId);
    if (message === undefined) {
      if (error) error.parentNode.removeChild(error);
      control.removeAttribute('aria-invalid');
      setDescribedBy(control, errorId, false);
      if (wrapper) wrapper.classList.remove('form-field-error');
      return;
    }
    if (!error) {
      error = document.createElement('p');
      error.className = 'field-error';
      error.id = errorId;
      control.parentNode.insertBefore(error, control);
    }
    if (error.getAttribute('data-message') !== message) {
      error.textContent = '';
      var label = document.createElement('span');
      label.className = 'visually-hidden';
      label.textContent = errorLabel;
      error.appendChild(label);
      error.appendChild(document.createTextNode(message));
      error.setAttribute('data-message', message);
    }
    control.setAttribute('aria-invalid', 'true');
    setDescribedBy(control, errorId, true);
    if (wrapper) wrapper.classList.add('form-field-error');
  }

  function updateSummary(byField) {
    var summary = document.querySelector('.error-summary');
    if (!summary) return;
    var items = summary.querySelectorAll('li[data-field]');
    var left = items.length;
    for (var i = 0; i < items.length; i++) {
      var field = items[i].getAttribute('data-field');
      if (field !== '' && !Object.prototype.hasOwnProperty.call(byField, field)) {
        items[i].parentNode.removeChild(items[i]);
        left--;
      }
    }
    if (left === 0) summary.parentNode.removeChild(summary);
  }

  function apply(problems) {
    var byField = {};
    problems.forEach(function (p) {
      if (!Object.prototype.hasOwnProperty.call(byField, p.field)) byField[p.field] = p.message;
    });
    var names = {};
    Object.keys(touched).forEach(function (name) {
      names[name] = true;
    });
    var showing = form.querySelectorAll('.form-field-error[data-field]');
    for (var i = 0; i < showing.length; i++) names[showing[i].getAttribute('data-field')] = true;
    Object.keys(names).forEach(function (name) {
      show(name, Object.prototype.hasOwnProperty.call(byField, name) ? byField[name] : undefined);
    });
    updateSummary(byField);
  }

  function validate() {
    if (request) request.abort();
    request = new AbortController();
    var mine = ++sequence;
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token },
      body: JSON.stringify(values()),
      signal: request.signal,
    })
      .then(function (response) {
        return response.ok ? response.json() : undefined;
      })
      .then(function (answer) {
        if (mine === sequence && answer && Array.isArray(answer.problems)) apply(answer.problems);
      })
      .catch(function () {
        /* Aborted or offline: the server checks the form when it is sent. */
      });
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(validate, delay);
  }

  function touch(event) {
    var target = event.target;
    if (!target || !target.name || target.type === 'file' || target.type === 'hidden') return false;
    touched[target.name] = true;
    return true;
  }

  function upload(box) {
    var input = box.querySelector('input[type="file"]');
    var progress = box.querySelector('progress');
    var status = box.querySelector('.upload-status');
    var file = input.files && input.files[0];
    if (!file) return;
    var xhr = new XMLHttpRequest();
    xhr.open('PUT', box.getAttribute('data-upload-url') + '?filename=' + encodeURIComponent(file.name));
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    progress.value = 0;
    progress.hidden = false;
    status.textContent = script.dataset.uploading || '';
    xhr.upload.onprogress = function (event) {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
    };
    xhr.onload = function () {
      var answer;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        answer = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && answer) {
        progress.value = 100;
        status.textContent = script.dataset.uploaded || '';
        var target = document.getElementById(box.getAttribute('data-target'));
        if (target && answer.downloadURL) target.value = answer.downloadURL;
      } else {
        progress.hidden = true;
        var reason =
          answer && answer.error && answer.error.message ? answer.error.message : String(xhr.status);
        status.textContent = (script.dataset.uploadFailed || '') + reason;
      }
    };
    xhr.onerror = function () {
      progress.hidden = true;
      status.textContent = (script.dataset.uploadFailed || '') + xhr.statusText;
    };
    xhr.send(file);
  }

  var boxes = form.querySelectorAll('.resource-upload[data-upload-url]');
  for (var b = 0; b < boxes.length; b++) {
    (function (box) {
      box.querySelector('input[type="file"]').addEventListener('change', function () {
        upload(box);
      });
      var button = box.querySelector('.upload-submit');
      if (button) button.hidden = true;
      var uploadForm = document.getElementById(box.getAttribute('data-form') || '');
      if (uploadForm)
        uploadForm.addEventListener('submit', function (event) {
          event.preventDefault();
          upload(box);
        });
    })(boxes[b]);
  }

  form.addEventListener('input', function (event) {
    if (touch(event)) schedule(DEBOUNCE_MS);
  });
  form.addEventListener('change', function (event) {
    if (touch(event)) schedule(0);
  });
  form.addEventListener('focusout', function (event) {
    if (touch(event)) schedule(0);
  });
})();
