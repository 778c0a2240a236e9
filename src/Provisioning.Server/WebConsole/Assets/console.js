// Follows a running import: the page works without this script (a link reloads it); with it, the progress bar and
// the rejected lines update in place from the job's JSON status.
"use strict";
(function () {
  const job = document.querySelector("[data-import-status]");
  if (!job) {
    return;
  }
  const url = job.getAttribute("data-import-status");
  const bar = job.querySelector("progress");
  const text = job.querySelector("[data-import-text]");
  async function poll() {
    const answer = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!answer.ok) {
      return;
    }
    const status = await answer.json();
    // A finished job is shown by the page itself (counts, rejected lines, any error, all of one moment): reload it
    // rather than write "Finished" into a page that does not list the rejected lines yet.
    if (status.finished) {
      window.location.reload();
      return;
    }
    if (bar && status.total > 0) {
      bar.max = status.total;
      bar.value = status.read;
    }
    if (text) {
      text.textContent = status.text;
    }
    window.setTimeout(poll, 500);
  }
  window.setTimeout(poll, 500);
})();
