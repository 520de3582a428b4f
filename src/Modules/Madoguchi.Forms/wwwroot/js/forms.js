// Conditional questions on the same page: without JavaScript they are all shown (each says when it
// applies); with it, a question is shown only when its condition holds. The server decides in the end:
// hidden answers are never validated, kept or shown in the summary.
(function () {
  "use strict";
  var form = document.querySelector("main form[method=post]");
  if (!form) { return; }
  var conditional = Array.prototype.slice.call(form.querySelectorAll("[data-show-if]:not([data-show-if=\"\"])"));
  if (conditional.length === 0) { return; }

  function inputs(name) {
    return Array.prototype.filter.call(form.elements, function (e) { return e.name === name; });
  }

  function valueOf(id, scope) {
    var found = scope ? inputs(scope + id) : [];
    if (found.length === 0) { found = inputs(id); }
    if (found.length === 0) { return undefined; }
    var first = found[0];
    if (first.type === "radio") {
      var checked = found.filter(function (e) { return e.checked; })[0];
      return checked ? checked.value : null;
    }
    if (first.type === "checkbox") {
      var values = found.filter(function (e) { return e.checked; }).map(function (e) { return e.value; });
      return found.length === 1 && first.value === "true" ? values.length > 0 : values;
    }
    return first.value === "" ? null : first.value;
  }

  function answered(v) { return !(v === null || v === undefined || v === false || v === "" || (Array.isArray(v) && v.length === 0)); }

  function same(a, b) { return String(a) === String(b); }

  function holds(c, scope) {
    if (c.all) { return c.all.every(function (x) { return holds(x, scope); }); }
    if (c.any) { return c.any.some(function (x) { return holds(x, scope); }); }
    if (c.not) { return !holds(c.not, scope); }
    var v = valueOf(c.field, scope);
    if (v === undefined) { return true; } // not on this page: the server has already decided
    if ("equalTo" in c) { return Array.isArray(v) ? v.some(function (x) { return same(x, c.equalTo); }) : same(v, c.equalTo); }
    if ("in" in c) { return c["in"].some(function (x) { return same(v, x); }); }
    if ("contains" in c) { return Array.isArray(v) && v.indexOf(c.contains) >= 0; }
    if ("isAnswered" in c) { return answered(v) === c.isAnswered; }
    return true;
  }

  function update() {
    conditional.forEach(function (element) {
      var condition;
      try { condition = JSON.parse(element.getAttribute("data-show-if")); } catch (e) { return; }
      element.hidden = !holds(condition, element.getAttribute("data-scope") || "");
    });
  }

  conditional.forEach(function (element) {
    var note = element.querySelector(".conditional-note");
    if (note) { note.hidden = true; }
  });
  form.addEventListener("change", update);
  form.addEventListener("input", update);
  update();
})();
