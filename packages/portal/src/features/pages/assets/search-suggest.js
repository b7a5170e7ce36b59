/* Search as you type: turns each search box (form.search-box, input name=q) into a WAI-ARIA 1.2
   combobox with a listbox of suggestions from GET /api/v1/search/suggest. Without this file the
   box is a plain GET form, which stays the way to search: Enter with no suggestion chosen submits
   it. Labels come from this script element's data-* attributes, in the page's language. */
/* global document, window, fetch, AbortController, setTimeout, clearTimeout */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !window.fetch || !window.AbortController) return;
  var config = script.dataset;
  var DEBOUNCE_MS = 200;
  var LIMIT = 8;

  function statusText(count) {
    return count === 0 ? config.none : config.some.replace('{n}', String(count));
  }

  function enhance(input, index) {
    var form = input.form;
    var listId = (input.id || 'q' + index) + '-suggestions';
    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', config.listLabel);
    list.hidden = true;
    var status = document.createElement('div');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    form.classList.add('search-box-suggest');
    input.insertAdjacentElement('afterend', list);
    form.appendChild(status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');

    var suggestions = [];
    var active = -1;
    var timer;
    var request;

    function setActive(next) {
      var options = list.children;
      if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
      active = next;
      if (active >= 0 && options[active]) {
        options[active].setAttribute('aria-selected', 'true');
        options[active].scrollIntoView({ block: 'nearest' });
        input.setAttribute('aria-activedescendant', options[active].id);
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }

    function open() {
      if (suggestions.length === 0) return;
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function choose(suggestion) {
      close();
      if (suggestion.kind === 'title' && typeof suggestion.datasetId === 'number') {
        window.location.assign(config.datasetPath + suggestion.datasetId);
        return;
      }
      input.value = suggestion.text;
      if (form.requestSubmit) form.requestSubmit();
      else form.submit();
    }

    function render(items) {
      suggestions = items;
      active = -1;
      input.removeAttribute('aria-activedescendant');
      list.replaceChildren();
      items.forEach(function (suggestion, i) {
        var option = document.createElement('li');
        option.id = listId + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        var text = document.createElement('span');
        text.className = 'suggestion-text';
        text.textContent = suggestion.text;
        var kind = document.createElement('span');
        kind.className = 'suggestion-kind';
        kind.textContent =
          config['kind' + suggestion.kind.charAt(0).toUpperCase() + suggestion.kind.slice(1)];
        option.append(text, ' ', kind);
        // Keep the focus in the box, so a click neither blurs it nor closes the list first.
        option.addEventListener('mousedown', function (event) {
          event.preventDefault();
        });
        option.addEventListener('click', function () {
          choose(suggestion);
        });
        option.addEventListener('mousemove', function () {
          if (active !== i) setActive(i);
        });
        list.appendChild(option);
      });
      status.textContent = statusText(items.length);
      if (items.length > 0 && document.activeElement === input) open();
      else close();
    }

    function load() {
      var typed = input.value;
      if (request) request.abort();
      if (typed.trim() === '') {
        request = undefined;
        render([]);
        status.textContent = '';
        return;
      }
      var controller = new AbortController();
      request = controller;
      var url = config.suggestUrl + '?q=' + encodeURIComponent(typed) + '&limit=' + LIMIT;
      fetch(url, { headers: { accept: 'application/json' }, signal: controller.signal })
        .then(function (response) {
          if (!response.ok) throw new Error('suggest ' + response.status);
          return response.json();
        })
        .then(function (body) {
          if (request === controller && input.value === typed) render(body.suggestions || []);
        })
        .catch(function () {
          // Aborted by newer typing, or no answer: the box still searches as a plain form.
          if (request === controller) render([]);
        });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(load, DEBOUNCE_MS);
    });

    input.addEventListener('keydown', function (event) {
      var count = suggestions.length;
      var expanded = !list.hidden;
      switch (event.key) {
        case 'ArrowDown':
          if (count === 0) return;
          event.preventDefault();
          if (!expanded) {
            open();
            if (!event.altKey) setActive(0);
          } else setActive(active + 1 < count ? active + 1 : 0);
          break;
        case 'ArrowUp':
          if (count === 0) return;
          event.preventDefault();
          if (!expanded) open();
          setActive(active > 0 ? active - 1 : count - 1);
          break;
        case 'Enter':
          if (expanded && active >= 0) {
            event.preventDefault();
            choose(suggestions[active]);
          }
          break;
        case 'Escape':
          if (expanded) {
            event.preventDefault();
            close();
          }
          break;
        case 'Tab':
          close();
          break;
      }
    });

    input.addEventListener('blur', close);
    form.addEventListener('submit', function () {
      clearTimeout(timer);
      if (request) request.abort();
      close();
    });
  }

  document.querySelectorAll('form.search-box input[name="q"]').forEach(enhance);
})();
