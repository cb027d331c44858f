// The pane's first script: plain ES5, so that the old webviews Office 2016 and 2019 may use
// (Internet Explorer 11, the original Edge) can run it even though they cannot run the pane.
// It shows the message of taskpane.html (#guard, from guard-text.json) when the pane does not
// start: the bundle never ran by the time the page has loaded (it failed to parse, or did not
// load), or an error escaped before the pane was on screen. An old engine gets what the staff
// can do instead; a current one, that the pane's files are what failed. The bundle reports itself through
// window.chitieuGuard; once the pane is mounted the message is hidden for good.
(function () {
  'use strict';
  var state = { ran: false, mounted: false, shown: false };

  /**
   * Office's display language: in the add-in's address ("_host_Info=Excel$Win32$16.01$en-US$…"),
   * or from office.js when it got that far. Vietnamese unless Office says English, as the pane.
   */
  function language() {
    var m = /[?&]_host_Info=([^&#]*)/i.exec(window.location.search || '');
    if (m) {
      var parts = decodeURIComponent(m[1]).split(/[$|]/);
      for (var i = 0; i < parts.length; i++) if (/^[a-z]{2,3}-[a-z]{2,4}$/i.test(parts[i])) return parts[i];
    }
    try {
      if (window.Office && window.Office.context && window.Office.context.displayLanguage) return window.Office.context.displayLanguage;
    } catch (e) {
      // Office not ready: fall through.
    }
    return '';
  }

  function show() {
    if (state.mounted || state.shown) return;
    var box = document.getElementById('guard');
    if (!box) return;
    state.shown = true;
    var english = /^en\b/i.test(language());
    var vi = document.getElementById('guard-vi');
    var en = document.getElementById('guard-en');
    if (vi) vi.style.display = english ? 'none' : 'block';
    if (en) en.style.display = english ? 'block' : 'none';
    // An engine with ES2019's Object.fromEntries could run the pane: its files are what failed.
    var old = typeof Object.fromEntries !== 'function';
    toggle('guard-old', old);
    toggle('guard-broken', !old);
    document.documentElement.lang = english ? 'en' : 'vi';
    box.style.display = 'block';
  }

  function toggle(cls, on) {
    var els = document.getElementsByClassName(cls);
    for (var i = 0; i < els.length; i++) els[i].style.display = on ? 'block' : 'none';
  }

  function hide() {
    var box = document.getElementById('guard');
    if (box) box.style.display = 'none';
  }

  window.chitieuGuard = {
    /** The bundle is running (its first statement). */
    ran: function () {
      state.ran = true;
    },
    /** The pane is on screen: whatever happens next, it is the pane's to say. */
    mounted: function () {
      state.mounted = true;
      hide();
    },
    /** For tests: did the message show? */
    shown: function () {
      return state.shown;
    }
  };

  var previous = window.onerror;
  window.onerror = function () {
    if (!state.mounted) show();
    if (typeof previous === 'function') return previous.apply(this, arguments);
    return false;
  };

  function onLoad() {
    if (!state.ran) show();
  }
  if (window.addEventListener) window.addEventListener('load', onLoad, false);
  else if (window.attachEvent) window.attachEvent('onload', onLoad);
})();
