// bilat dashboard: curation buttons. No library; every text goes in through textContent.
"use strict";

const LABELS = {
  confirm: "Подтвердить факт",
  reject: "Отклонить факт",
  correct: "Исправить поле факта",
};
const STATUS = { confirmed: "подтверждён", corrected: "исправлен", rejected: "отклонён" };
const FIELDS = ["value", "year", "months", "currency", "qualifier", "status", "indicator",
  "parties", "exporter", "importer", "percent", "kind", "date"];

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

function buildForm() {
  const form = element("form", { class: "curate-form" });
  form.append(element("span", { class: "title" }));
  form.append(element("input", { name: "by", placeholder: "Кто (имя)", required: "", size: "12" }));
  const field = element("select", { name: "field", "aria-label": "Поле" });
  for (const name of FIELDS) field.append(element("option", { value: name }, name));
  form.append(field);
  form.append(element("input", { name: "value", placeholder: "Новое значение", size: "12" }));
  form.append(element("input", { name: "why", placeholder: "Почему", size: "24" }));
  form.append(element("button", { type: "submit" }, "Сохранить"));
  form.append(element("button", { type: "button", class: "cancel" }, "Отмена"));
  form.append(element("span", { class: "error", role: "alert" }));
  form.addEventListener("submit", submit);
  form.querySelector(".cancel").addEventListener("click", () => { form.hidden = true; });
  return form;
}

function openForm(box, action) {
  let form = box.querySelector("form.curate-form");
  if (!form) {
    form = buildForm();
    box.append(form);
  }
  form.dataset.action = action;
  form.querySelector(".title").textContent = LABELS[action];
  form.elements.field.hidden = action !== "correct";
  form.elements.value.hidden = action !== "correct";
  form.querySelector(".error").textContent = "";
  form.hidden = false;
  const by = form.elements.by;
  by.value = by.value || localStorage.getItem("bilat.by") || "";
  (by.value ? form.elements.why : by).focus();
}

async function submit(event) {
  event.preventDefault();
  const form = event.target;
  const box = form.closest(".curate");
  const action = form.dataset.action;
  const body = { action, by: form.elements.by.value.trim(), why: form.elements.why.value.trim() };
  if (action === "correct") {
    body.field = form.elements.field.value;
    body.value = form.elements.value.value;
  }
  const error = form.querySelector(".error");
  error.textContent = "";
  try {
    const response = await fetch(`/api/fact/${encodeURIComponent(box.dataset.fact)}/curation`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) {
      error.textContent = (data.error && data.error.message) || `Ошибка ${response.status}`;
      return;
    }
    localStorage.setItem("bilat.by", body.by);
    showStatus(box, data.fact.curation);
    form.hidden = true;
  } catch (failure) {
    error.textContent = `Не удалось сохранить: ${failure}`;
  }
}

function showStatus(box, status) {
  const badge = box.querySelector(".badge");
  badge.textContent = STATUS[status] || "не проверен";
  badge.className = `badge ${status || "machine"}`;
}

document.addEventListener("click", (event) => {
  const button = event.target.closest(".curate > button[data-action]");
  if (button) openForm(button.closest(".curate"), button.dataset.action);
});
