// The regional dashboard's script (served at /dashboard/assets/dashboard.js).
//
// The page (hub/entry/dashboard_page.py) is written in its language by the hub; this script
// asks /graphql for each section's figures with the one trusted document of the dashboard
// and shows them as the hub wrote them: the keys' labels and the numbers' `display` come
// localized from the API (its digits, month names, separators). It formats no number.
// A withheld figure (null) is shown as "—", with the page's note under the table.
//
// A token (staff or federation analyst) is read from the address's fragment (#token=...,
// never sent to a server) or from the sign-in form, kept in this tab's sessionStorage and
// sent as `Authorization: Bearer`; it is never put in an address. Without one, the page
// shows what the societies publish.
"use strict";

(() => {
  const TOKEN_KEY = "tatawwu.dashboard.token";
  const DASH = "—";
  const ACCENT = "#b0001a";
  const OTHER = "#8e8e96";
  const LONGEST_LABEL = 26; // characters of a key's label on an axis (the table has it whole)
  const FIGURE_FONT = 12; // px, the figures written at the bars' ends
  const settings = JSON.parse(document.getElementById("dashboard-settings").textContent);
  const words = settings.words;
  const rtl = document.documentElement.dir === "rtl";
  const charts = new Map(); // section id -> its Chart
  let generation = 0; // answers of an older refresh (before a sign-in) are dropped

  const figures = {
    // Chart.js has no value labels: each bar gets the hub's own `display` at its end.
    id: "figures",
    afterDatasetsDraw(chart, _args, options) {
      const horizontal = chart.options.indexAxis === "y";
      const keys = chart.scales[horizontal ? "y" : "x"];
      const values = chart.scales[horizontal ? "x" : "y"];
      const { ctx } = chart;
      ctx.save();
      ctx.font = figureFont();
      ctx.fillStyle = "#1d1d1f";
      options.displays.forEach((text, index) => {
        const along = keys.getPixelForValue(index);
        const end = values.getPixelForValue(options.values[index] ?? 0);
        if (horizontal) {
          const forward = values.options.reverse ? -1 : 1;
          ctx.textAlign = forward > 0 ? "left" : "right";
          ctx.textBaseline = "middle";
          ctx.fillText(text, end + forward * 6, along);
        } else {
          ctx.textAlign = "center";
          ctx.textBaseline = "bottom";
          ctx.fillText(text, along, end - 4);
        }
      });
      ctx.restore();
    },
  };

  if (window.Chart) {
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = "#3a3a3f";
  }
  takeTokenFromAddress();
  wireSignIn();
  refresh();

  function takeTokenFromAddress() {
    if (!location.hash) return;
    const fragment = new URLSearchParams(location.hash.slice(1));
    const token = fragment.get("token");
    if (token === null) return;
    if (token.trim()) sessionStorage.setItem(TOKEN_KEY, token.trim());
    fragment.delete("token");
    const rest = fragment.toString();
    // Out of the address bar, the history and any bookmark.
    history.replaceState(null, "", location.pathname + location.search + (rest ? `#${rest}` : ""));
  }

  function token() {
    return sessionStorage.getItem(TOKEN_KEY) || "";
  }

  function wireSignIn() {
    const form = document.getElementById("token-form");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = form.elements.token.value.trim();
      form.reset();
      if (!value) return;
      sessionStorage.setItem(TOKEN_KEY, value);
      document.getElementById("sign-in").open = false;
      refresh();
    });
    document.getElementById("sign-out").addEventListener("click", () => {
      sessionStorage.removeItem(TOKEN_KEY);
      refresh();
    });
  }

  async function refresh() {
    const current = ++generation;
    document.body.dataset.state = "loading";
    const signedIn = Boolean(token());
    document.getElementById("sign-out").hidden = !signedIn;
    document.getElementById("sign-in").hidden = signedIn;
    showView(signedIn, null);
    const sections = [...document.querySelectorAll("section.panel")];
    const answers = await Promise.all(sections.map((section) => load(section, current)));
    if (current !== generation) return;
    const answered = answers.find((answer) => answer !== null);
    showView(signedIn, answered ? answered.protected : null);
    document.body.dataset.state = "ready";
  }

  function showView(signedIn, isProtected) {
    const view = document.getElementById("view");
    const parts = [signedIn ? words.signedIn : words.public];
    if (isProtected !== null) parts.push(isProtected ? words.protected : words.exact);
    view.textContent = parts.join(" ");
    view.className = isProtected === null ? "view" : `view ${isProtected ? "protected" : "exact"}`;
  }

  async function load(section, current) {
    section.dataset.state = "loading";
    section.setAttribute("aria-busy", "true");
    showStatus(section, words.loading, false);
    const headers = {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json, application/json",
    };
    const bearer = token();
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    let answer;
    try {
      const response = await fetch(settings.endpoint, {
        method: "POST",
        credentials: "omit",
        headers,
        body: JSON.stringify({
          documentId: settings.documentId,
          query: settings.document,
          variables: {
            metrics: listOf(section.dataset.metrics),
            groupBy: listOf(section.dataset.groupBy),
            filter: settings.filter,
          },
        }),
      });
      answer = await response.json();
    } catch {
      if (current === generation) fail(section, words.failed);
      return null;
    }
    if (current !== generation) return null;
    const statistics = answer?.data?.statistics;
    if (!statistics) {
      const [error] = answer?.errors ?? [];
      fail(section, error?.message ? String(error.message) : words.failed);
      return null;
    }
    draw(section, statistics);
    return statistics;
  }

  function fail(section, text) {
    forget(section);
    for (const part of section.querySelectorAll(".chart, table, .note, dl")) part.hidden = true;
    showStatus(section, text, true);
    section.dataset.state = "failed";
    section.removeAttribute("aria-busy");
  }

  function showStatus(section, text, failed) {
    const status = section.querySelector(".status");
    status.textContent = text;
    status.hidden = false;
    status.classList.toggle("failed", failed);
  }

  function draw(section, statistics) {
    const metrics = listOf(section.dataset.metrics);
    const kind = section.dataset.chart;
    section.querySelector(".status").hidden = true;
    if (kind === "tiles") {
      for (const figure of section.querySelectorAll("dd[data-metric]")) {
        figure.textContent = display(statistics.totals, figure.dataset.metric);
      }
      section.querySelector("dl").hidden = false;
      done(section, "ready");
      return;
    }
    const table = section.querySelector("table");
    const note = section.querySelector(".note");
    if (statistics.cells.length === 0) {
      forget(section);
      table.hidden = true;
      note.hidden = true;
      const chart = section.querySelector(".chart");
      if (chart) chart.hidden = true;
      showStatus(section, words.noFigures, false);
      done(section, "empty");
      return;
    }
    table.tBodies[0].replaceChildren(...statistics.cells.map((cell) => row(cell, metrics)));
    table.tFoot.replaceChildren(total(statistics, metrics));
    table.hidden = false;
    const withheld = statistics.suppressedCells > 0 ||
      statistics.cells.some((cell) => cell.suppressed);
    note.textContent = withheld ? words.suppressed : "";
    note.hidden = !withheld;
    if ((kind === "columns" || kind === "bars") && window.Chart) {
      drawChart(section, statistics, metrics[0], kind === "bars");
    }
    done(section, "ready");
  }

  function done(section, state) {
    section.dataset.state = state;
    section.removeAttribute("aria-busy");
  }

  function row(cell, metrics) {
    const tr = element("tr", cell.isOther ? { class: "other", "data-other": "" }
      : { "data-key": cell.key.map((key) => key.value).join("|") });
    tr.append(element("th", { scope: "row" }, label(cell)));
    for (const metric of metrics) tr.append(figure(cell.values, metric));
    return tr;
  }

  function total(statistics, metrics) {
    const tr = element("tr", {});
    tr.append(element("th", { scope: "row" }, words.total));
    for (const metric of metrics) tr.append(figure(statistics.totals, metric));
    return tr;
  }

  function figure(values, metric) {
    const text = display(values, metric);
    if (text !== DASH) return element("td", {}, text);
    return element("td", { class: "suppressed", title: words.suppressed }, DASH);
  }

  function label(cell) {
    return cell.key.map((key) => key.label).join(" · ");
  }

  function display(values, metric) {
    const found = values.find((value) => value.metric === metric);
    return found && found.display !== null ? found.display : DASH;
  }

  function drawChart(section, statistics, metric, horizontal) {
    const holder = section.querySelector(".chart");
    const cells = statistics.cells;
    const values = cells.map((cell) => cell.values.find((v) => v.metric === metric)?.value ?? null);
    const displays = cells.map((cell) => display(cell.values, metric));
    if (horizontal) holder.style.height = `${Math.max(7, cells.length * 2.1 + 2)}rem`;
    holder.hidden = false; // measured by the chart: shown first
    forget(section);
    // Room for the figures past the longest bar: above the columns, beside the bars.
    const room = horizontal ? Math.ceil(widest(displays)) + 10 : FIGURE_FONT + 8;
    const padding = horizontal ? { [rtl ? "left" : "right"]: room, top: 4, bottom: 4 }
      : { top: room };
    const valueAxis = {
      beginAtZero: true,
      ticks: { display: false }, // the figures are written at the bars' ends, as the hub wrote them
      border: { display: false },
      reverse: horizontal && rtl,
    };
    const keyAxis = {
      reverse: !horizontal && rtl, // months run right to left in Arabic
      grid: { display: false },
      ticks: {
        autoSkip: false,
        callback(value) {
          return shorten(this.getLabelForValue(value));
        },
      },
    };
    if (horizontal) keyAxis.position = rtl ? "right" : "left";
    else valueAxis.position = rtl ? "right" : "left";
    const chart = new Chart(section.querySelector("canvas"), {
      type: "bar",
      data: {
        labels: cells.map(label),
        datasets: [{
          data: values,
          backgroundColor: cells.map((cell) => (cell.isOther ? OTHER : ACCENT)),
          borderRadius: 3,
          maxBarThickness: 44,
        }],
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: settings.lang,
        layout: { padding },
        plugins: {
          legend: { display: false },
          tooltip: {
            rtl,
            textDirection: rtl ? "rtl" : "ltr",
            callbacks: { label: (item) => displays[item.dataIndex] },
          },
          figures: { displays, values },
        },
        scales: horizontal ? { x: valueAxis, y: keyAxis } : { x: keyAxis, y: valueAxis },
      },
      plugins: [figures],
    });
    charts.set(section.id, chart);
  }

  function figureFont() {
    return `600 ${FIGURE_FONT}px ${Chart.defaults.font.family}`;
  }

  function widest(texts) {
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = figureFont();
    return Math.max(0, ...texts.map((text) => ctx.measureText(text).width));
  }

  function forget(section) {
    charts.get(section.id)?.destroy();
    charts.delete(section.id);
  }

  function shorten(text) {
    const chars = [...String(text)];
    return chars.length > LONGEST_LABEL ? `${chars.slice(0, LONGEST_LABEL - 1).join("")}…` : text;
  }

  function listOf(text) {
    return (text || "").split(" ").filter(Boolean);
  }

  function element(name, attributes, text) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }
})();
