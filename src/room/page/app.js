// The phone page: join, follow the facilitator's open question (polled every second), vote and change the
// vote. Everything the server sends is put in the page as text (textContent), never as markup.
"use strict";

const base = location.pathname.endsWith("/") ? location.pathname : location.pathname + "/";
const storageKey = "mw-room:" + base;
let me = null;          // {participant, key, name, group}
let state = null;       // the last /api/state
let shownQuestion = ""; // the question the levels were built for
const myVotes = {};     // question id -> level (null: don't know)

const $ = (id) => document.getElementById(id);

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) || "null");
    if (saved && typeof saved.participant === "string" && typeof saved.key === "string") me = saved;
    Object.assign(myVotes, JSON.parse(localStorage.getItem(storageKey + ":votes") || "{}"));
  } catch (e) {
    me = null;
  }
}

function save() {
  if (me) localStorage.setItem(storageKey, JSON.stringify(me));
  else localStorage.removeItem(storageKey);
  localStorage.setItem(storageKey + ":votes", JSON.stringify(myVotes));
}

function say(text, problem) {
  const status = $("status");
  status.textContent = text;
  status.className = problem ? "status problem" : "status";
}

async function api(path, body) {
  const options = { cache: "no-store", headers: {} };
  if (body !== undefined) {
    options.method = "POST";
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(base + "api/" + path, options);
  let data = {};
  try {
    data = await response.json();
  } catch (e) {
    data = { error: "unreadable answer from the workbench" };
  }
  return { status: response.status, data };
}

function show(section) {
  for (const id of ["join", "waiting", "question"]) $(id).hidden = id !== section;
}

function levelName(value) {
  const level = state && state.question ? state.question.levels.find((l) => l.value === value) : null;
  return level ? level.value + " " + level.label : "don't know";
}

function renderJoin() {
  show("join");
  const group = $("group");
  if (group.options.length !== state.groups.length) {
    group.replaceChildren();
    for (const name of state.groups) group.append(new Option(name, name));
  }
  const names = $("rosterNames");
  names.replaceChildren();
  for (const person of state.roster) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = person.name + " · " + person.group;
    button.addEventListener("click", () => join(person.name, person.group));
    names.append(button);
  }
  $("roster").hidden = state.roster.length === 0;
}

function buildLevels(question) {
  const levels = $("levels");
  levels.replaceChildren();
  for (const level of question.levels) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "level";
    button.dataset.value = String(level.value);
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = level.value + "  " + level.label;
    const descriptor = document.createElement("span");
    descriptor.textContent = level.descriptor;
    button.append(name, descriptor);
    button.addEventListener("click", () => vote(level.value));
    levels.append(button);
  }
  $("comment").value = "";
}

function renderQuestion() {
  show("question");
  const question = state.question;
  if (question.id !== shownQuestion) {
    shownQuestion = question.id;
    $("dimension").textContent = question.dimension;
    $("questionText").textContent = question.text;
    buildLevels(question);
    say(question.id in myVotes ? "Your vote: " + levelName(myVotes[question.id]) : "Tap the level that fits best.");
  }
  const mine = question.id in myVotes ? myVotes[question.id] : undefined;
  for (const button of $("levels").children)
    button.setAttribute("aria-pressed", String(mine !== undefined && mine !== null && Number(button.dataset.value) === mine));
  $("dontKnow").setAttribute("aria-pressed", String(mine === null));
  renderReveal();
}

function renderReveal() {
  const reveal = $("reveal");
  reveal.hidden = !state.revealed;
  if (!state.revealed) return;
  const lines = $("distribution");
  lines.replaceChildren();
  for (const [group, levels] of Object.entries(state.distribution || {})) {
    const line = document.createElement("p");
    line.textContent = group + ": " + levels.map((l) => (l === null ? "?" : String(l))).join("  ");
    lines.append(line);
  }
}

function render() {
  $("who").textContent = me ? me.name + " · " + me.group : "";
  if (!me) return renderJoin();
  if (!state.open || !state.question) {
    shownQuestion = "";
    return show("waiting");
  }
  renderQuestion();
}

async function refresh() {
  try {
    const { status, data } = await api("state");
    if (status === 200) {
      state = data;
      render();
    } else if (status === 403) {
      say("This join link is no longer valid: scan the code on the screen again.", true);
    }
  } catch (e) {
    say("Cannot reach the workbench; retrying…", true);
  }
}

async function join(name, group) {
  const { status, data } = await api("join", { name, group });
  if (status !== 200) return say(data.error || "Could not join.", true);
  me = { participant: data.participant, key: data.key, name, group };
  save();
  say("Joined as " + name + ".");
  render();
}

async function vote(level) {
  if (!me || !state || !state.question) return;
  const question = state.question.id;
  say("Sending…");
  const { status, data } = await api("vote", {
    participant: me.participant, key: me.key, question, level, comment: $("comment").value,
  });
  if (status === 200) {
    myVotes[question] = level;
    save();
    say("Your vote: " + levelName(level) + " ✓ saved");
    return render();
  }
  if (status === 403) {
    me = null;
    save();
    render();
  }
  say(data.error || "The vote was not saved.", true);
}

$("joinForm").addEventListener("submit", (event) => {
  event.preventDefault();
  join($("name").value.trim(), $("group").value);
});
$("dontKnow").addEventListener("click", () => vote(null));
$("sendComment").addEventListener("click", () => {
  const question = state && state.question ? state.question.id : "";
  vote(question in myVotes ? myVotes[question] : null);
});

load();
refresh();
setInterval(refresh, 1000);
