/*
 * Quick exit, in the manner of GOV.UK's "Exit this page".
 *
 * Without JavaScript the control is an ordinary link to the neutral site. With it:
 * - a click, or pressing Shift on its own three times within five seconds, hides the page at
 *   once and replaces the current history entry with the neutral site, so Back does not bring
 *   this page back;
 * - when the browser restores this page from its back/forward cache, the page is shown again
 *   and the key counter starts afresh.
 * Nothing here talks to any server; no inline script is needed (Content-Security-Policy).
 */
(function () {
  "use strict";

  var PRESSES_NEEDED = 3;
  var WINDOW_MS = 5000;
  var root = document.documentElement;
  var presses = 0;
  var timer = null;
  var shiftAlone = false;

  function button() {
    return document.querySelector("[data-quick-exit]");
  }

  // The count is also written on <html data-quick-exit-presses>, so that tests can wait for it.
  function count(value) {
    presses = value;
    root.setAttribute("data-quick-exit-presses", String(value));
  }

  function reset() {
    count(0);
    shiftAlone = false;
    if (timer) {
      window.clearTimeout(timer);
      timer = null;
    }
  }

  function leave(event) {
    var link = button();
    if (!link) {
      return;
    }
    if (event) {
      event.preventDefault();
    }
    root.classList.add("quick-exit-active");
    reset();
    window.location.replace(link.href);
  }

  function onKeyDown(event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftAlone = true;
      }
      return;
    }
    // Shift used to type a capital letter (or any other key) is not a quick-exit press.
    shiftAlone = false;
    reset();
  }

  function onKeyUp(event) {
    if (event.key !== "Shift" || !shiftAlone) {
      return;
    }
    shiftAlone = false;
    count(presses + 1);
    if (presses === 1) {
      timer = window.setTimeout(reset, WINDOW_MS);
    }
    if (presses >= PRESSES_NEEDED) {
      leave();
    }
  }

  function init() {
    var link = button();
    if (!link) {
      return;
    }
    link.addEventListener("click", leave);
    var hint = document.querySelector("[data-quick-exit-hint]");
    if (hint) {
      hint.hidden = false;
    }
  }

  document.addEventListener("keydown", onKeyDown, true);
  document.addEventListener("keyup", onKeyUp, true);
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      root.classList.remove("quick-exit-active");
      reset();
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
