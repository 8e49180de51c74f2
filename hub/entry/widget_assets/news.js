// <tatawwu-news>: the latest public news of one society, from a Tatawwu Hub.
//
//   <script type="module" src="https://hub.example.org/widgets/news.js"></script>
//   <tatawwu-news tenant="setif-youth" lang="ar" limit="5" api-key="tw_..."></tatawwu-news>
//
// Attributes: tenant (the society's slug, required), lang (default: the page's <html lang>),
// limit (1 to 20, default 5), api-key (a key made for this site's origin: `tatawwu clients
// create --tenant T --name N --scope read --origin https://this.site`), hub (default: where
// this script comes from). The element asks the hub's GraphQL API with one fixed, trusted
// document (sent by id, with its text for hubs that have not registered it), and draws
// the items in its shadow DOM: right to left for Arabic, dates written by the browser's
// Intl.DateTimeFormat in `lang`. No framework; every text from the API is set as text,
// never as HTML. It fires `tatawwu-news:loaded` (detail: {count}) or
// `tatawwu-news:error` (detail: {message, code}); style it from outside with ::part(news),
// ::part(heading), ::part(list), ::part(item), ::part(title), ::part(date),
// ::part(summary) and ::part(error).
//
// Served by the hub (hub/entry/widgets.py), which fills in the document below from
// hub/entry/widget_assets/persisted-documents.json.

const DOCUMENT_ID = "__DOCUMENT_ID__";
const DOCUMENT = __DOCUMENT__;
const SCRIPT_HUB = new URL("..", import.meta.url).href.replace(/\/+$/, "");
const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ur", "ps", "ckb", "dv", "yi", "sd", "ug"]);
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 20;

const STYLE = `
:host { display: block; font: inherit; color: inherit; }
:host([hidden]) { display: none; }
section { text-align: start; }
h2 { font-size: 1.1em; margin: 0 0 .5em; }
h2 a, .title { color: inherit; }
ol { list-style: none; margin: 0; padding: 0; }
li { padding-block: .5em; border-block-end: 1px solid rgb(0 0 0 / .12); }
li:last-child { border-block-end: 0; }
.title { font-weight: 600; text-decoration: none; }
.title:hover, .title:focus { text-decoration: underline; }
time { display: block; font-size: .85em; opacity: .75; margin-block-start: .15em; }
p { margin: .25em 0 0; }
.error { color: #a4000f; }
`;

function direction(tag) {
  try {
    const locale = new Intl.Locale(tag);
    const info = typeof locale.getTextInfo === "function" ? locale.getTextInfo() : locale.textInfo;
    if (info && info.direction) return info.direction;
    return RTL_LANGUAGES.has(locale.language) ? "rtl" : "ltr";
  } catch {
    return RTL_LANGUAGES.has(String(tag).split("-")[0].toLowerCase()) ? "rtl" : "ltr";
  }
}

function dateFormat(lang) {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: "long" });
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: "long" });
  }
}

function element(name, attributes = {}, text = null) {
  const node = document.createElement(name);
  for (const [attribute, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(attribute, value);
  }
  if (text !== null && text !== undefined) node.textContent = text;
  return node;
}

class HubError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

export class TatawwuNews extends HTMLElement {
  static observedAttributes = ["tenant", "lang", "limit", "api-key", "hub"];

  #root;
  #request = null;
  #queued = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
  }

  connectedCallback() {
    this.#queue();
  }

  disconnectedCallback() {
    this.#request?.abort();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#queue();
  }

  // Several attributes set in a row ask once.
  #queue() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#load();
    });
  }

  get #settings() {
    const limit = Number.parseInt(this.getAttribute("limit") ?? "", 10);
    const lang = (this.getAttribute("lang") || document.documentElement.lang || "en").trim();
    return {
      tenant: (this.getAttribute("tenant") || "").trim(),
      lang,
      dir: direction(lang),
      limit: Number.isFinite(limit) ? Math.min(Math.max(limit, 1), MAX_LIMIT) : DEFAULT_LIMIT,
      key: (this.getAttribute("api-key") || "").trim(),
      hub: (this.getAttribute("hub") || SCRIPT_HUB).trim().replace(/\/+$/, ""),
    };
  }

  async #load() {
    const settings = this.#settings;
    if (!settings.tenant) return;
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    const headers = {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json, application/json",
    };
    if (settings.key) headers["X-Api-Key"] = settings.key;
    this.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(
        `${settings.hub}/graphql?lang=${encodeURIComponent(settings.lang)}`,
        {
          method: "POST",
          mode: "cors",
          credentials: "omit",
          headers,
          body: JSON.stringify({
            documentId: DOCUMENT_ID,
            query: DOCUMENT,
            variables: { tenant: settings.tenant, first: settings.limit },
          }),
          signal: request.signal,
        },
      );
      const answer = await response.json();
      const [error] = answer.errors ?? [];
      if (error) throw new HubError(String(error.message), error.extensions?.code ?? null);
      const tenant = answer.data?.tenant ?? null;
      if (request.signal.aborted) return;
      if (tenant === null) {
        // No such society (or not active): nothing to show, and no text of ours to show.
        this.#frame(settings);
        this.dispatchEvent(new CustomEvent("tatawwu-news:error", {
          detail: { message: "", code: "NOT_FOUND" },
        }));
        return;
      }
      const count = this.#draw(tenant, settings);
      this.dispatchEvent(new CustomEvent("tatawwu-news:loaded", { detail: { count } }));
    } catch (problem) {
      if (request.signal.aborted) return;
      const code = problem instanceof HubError ? problem.code : "NETWORK";
      this.#drawError(String(problem?.message ?? problem), settings);
      this.dispatchEvent(new CustomEvent("tatawwu-news:error", {
        detail: { message: String(problem?.message ?? problem), code },
      }));
    } finally {
      if (this.#request === request) this.removeAttribute("aria-busy");
    }
  }

  #frame(settings) {
    const style = element("style", {}, STYLE);
    const section = element("section", { part: "news", lang: settings.lang, dir: settings.dir });
    this.#root.replaceChildren(style, section);
    if (!this.hasAttribute("dir")) this.setAttribute("dir", settings.dir);
    return section;
  }

  #draw(tenant, settings) {
    const section = this.#frame(settings);
    const lang = encodeURIComponent(settings.lang);
    const heading = element("h2", { part: "heading" });
    const name = tenant.nameI18n;
    heading.append(element("a", {
      href: `${settings.hub}/tenants/${encodeURIComponent(tenant.slug)}/news?lang=${lang}`,
      lang: name.locale,
      dir: name.direction.toLowerCase(),
      target: "_blank",
      rel: "noopener",
    }, name.value));
    const list = element("ol", { part: "list" });
    const dates = dateFormat(settings.lang);
    const edges = tenant.news?.edges ?? [];
    for (const { node } of edges) {
      const title = node.titleI18n;
      const item = element("li", {
        part: "item",
        lang: title.locale,
        dir: title.direction.toLowerCase(),
        "data-id": node.id,
      });
      item.append(element("a", {
        part: "title",
        class: "title",
        href: `${settings.hub}/news/${encodeURIComponent(node.id)}?lang=${lang}`,
        target: "_blank",
        rel: "noopener",
      }, title.value));
      if (node.publishedAt) {
        const published = new Date(node.publishedAt);
        item.append(element("time", {
          part: "date",
          datetime: node.publishedAt,
          lang: settings.lang,
        }, dates.format(published)));
      }
      if (node.summary) item.append(element("p", { part: "summary" }, node.summary));
      list.append(item);
    }
    section.append(heading, list);
    return edges.length;
  }

  #drawError(message, settings) {
    const section = this.#frame(settings);
    section.append(element("p", { part: "error", class: "error", role: "status" }, message));
  }
}

if (!customElements.get("tatawwu-news")) customElements.define("tatawwu-news", TatawwuNews);
