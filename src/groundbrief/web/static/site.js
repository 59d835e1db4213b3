/* groundbrief: progressive enhancement only. Without this file every citation marker is a link
   to its passage note in Sources and the job page refreshes itself (<noscript> meta refresh).
   Text from sources is only ever copied with textContent or cloned nodes, never parsed as HTML. */
(function () {
  "use strict";

  var popCount = 0;

  function noteFor(marker) {
    var href = marker.getAttribute("href") || "";
    if (href.charAt(0) !== "#") { return null; }
    var note = document.getElementById(href.slice(1));
    return note && note.classList.contains("note") ? note : null;
  }

  function openPopFor(marker) {
    var id = marker.getAttribute("aria-controls");
    return id ? document.getElementById(id) : null;
  }

  function close(marker) {
    var pop = openPopFor(marker);
    if (pop) { pop.remove(); }
    marker.setAttribute("aria-expanded", "false");
    marker.removeAttribute("aria-controls");
  }

  function open(marker, note) {
    popCount += 1;
    var pop = document.createElement("span");
    pop.className = "cite-pop";
    pop.id = "cite-pop-" + popCount;
    pop.setAttribute("role", "note");
    pop.setAttribute("aria-label", "Cited passage " + marker.textContent);
    var quote = note.querySelector(".quote");
    var q = document.createElement("q");
    q.className = "pop-quote";
    q.textContent = quote ? quote.textContent : "";
    var meta = document.createElement("span");
    meta.className = "pop-meta muted";
    meta.textContent = (note.getAttribute("data-outlet") || "") + ", " + (note.getAttribute("data-date") || "") + " ";
    var link = note.querySelector("a.source-link");
    if (link) {
      meta.appendChild(document.createTextNode("· "));
      meta.appendChild(link.cloneNode(true));
      meta.appendChild(document.createTextNode(" "));
    }
    var all = document.createElement("a");
    all.href = "#" + note.id;
    all.textContent = "In Sources";
    meta.appendChild(document.createTextNode("· "));
    meta.appendChild(all);
    pop.appendChild(q);
    pop.appendChild(meta);
    marker.insertAdjacentElement("afterend", pop);
    marker.setAttribute("aria-expanded", "true");
    marker.setAttribute("aria-controls", pop.id);
  }

  function setupCitations() {
    var markers = document.querySelectorAll("a.cite");
    Array.prototype.forEach.call(markers, function (m) {
      if (noteFor(m)) { m.setAttribute("aria-expanded", "false"); }
    });
    document.addEventListener("click", function (ev) {
      var marker = ev.target.closest ? ev.target.closest("a.cite") : null;
      if (!marker) { return; }
      var note = noteFor(marker);
      if (!note) { return; }
      ev.preventDefault();
      if (marker.getAttribute("aria-expanded") === "true") { close(marker); } else { open(marker, note); }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape") { return; }
      var marker = document.activeElement && document.activeElement.closest
        ? document.activeElement.closest("a.cite, .cite-pop") : null;
      if (marker && marker.classList.contains("cite-pop")) {
        marker = marker.previousElementSibling;
      }
      if (marker && marker.getAttribute("aria-expanded") === "true") {
        close(marker);
        marker.focus();
      }
    });
  }

  function setupJob() {
    var box = document.getElementById("job");
    if (!box) { return; }
    var url = box.getAttribute("data-status-url");
    if (box.getAttribute("data-finished") === "true") { return; }
    var state = document.getElementById("job-state");
    function show(job) {
      state.textContent = job.state_line;
      Array.prototype.forEach.call(box.querySelectorAll("li[data-stage]"), function (li) {
        var s = job.stages[li.getAttribute("data-stage")] || "waiting";
        li.className = "stage " + s;
        var label = li.querySelector(".stage-state");
        if (label) { label.textContent = s; }
      });
    }
    function poll() {
      fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (job) {
          show(job);
          if (job.status === "done" && job.explainer_url) {
            window.location.assign(job.explainer_url);
          } else if (job.status === "failed") {
            var p = document.createElement("p");
            p.className = "error";
            p.setAttribute("role", "alert");
            p.textContent = job.error || "The check failed.";
            box.appendChild(p);
          } else {
            window.setTimeout(poll, 400);
          }
        })
        .catch(function () { window.setTimeout(poll, 2000); });
    }
    poll();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupCitations();
    setupJob();
  });
}());
