// Draws every Vega / Vega-Lite spec the page carries (<script type="application/json" class="vega-spec">) into
// the chart container before it, replacing the static SVG the server drew. Expressions run through
// vega-interpreter, so the page's Content-Security-Policy needs no 'unsafe-eval'. Bundled by scripts/vendor-js.sh.
import embed from "vega-embed";
import { expressionInterpreter } from "vega-interpreter";

function draw() {
  for (const block of document.querySelectorAll("script.vega-spec")) {
    const target = document.getElementById(block.dataset.target);
    if (!target) continue;
    const spec = JSON.parse(block.textContent);
    embed(target, spec, { ast: true, expr: expressionInterpreter, actions: false, renderer: "svg" })
      .then(() => target.classList.add("interactive"))
      .catch((error) => console.error("chart not drawn:", error));
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
else draw();
