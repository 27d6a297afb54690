"""A case type's states and transitions drawn as a small SVG (no JavaScript, no Node).

The states stand in a column in the workflow's order; an arrow to the next state is a short
straight line, any other arrow is a curve on the right (forward) or the left (backward),
each a little further out so the curves do not overlap. Good enough for the case page and
the docs; ``Workflow.mermaid()`` gives the same graph as text.
"""

from django.utils.html import escape

from .workflow import Workflow

BOX_W, BOX_H, GAP = 200, 34, 34
MARGIN_X = 170
LABEL_SIZE = 11


def workflow_svg(workflow: Workflow, current: str = "") -> str:
    """The SVG markup of ``workflow``; the ``current`` state is highlighted."""
    states = list(workflow.states)
    index = {state: i for i, state in enumerate(states)}
    step = BOX_H + GAP
    height = len(states) * step + GAP
    width = BOX_W + 2 * MARGIN_X
    left = MARGIN_X
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" class="workflow-diagram" font-size="{LABEL_SIZE}">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#555"/></marker></defs>',
    ]
    right_lane = left_lane = 0
    for transition in workflow.transitions:
        for source in transition.sources:
            a, b = index[source], index[transition.target]
            label = escape(str(transition.label))
            top_a = GAP + a * step
            top_b = GAP + b * step
            if b == a + 1:
                x = left + BOX_W / 2
                parts.append(
                    f'<line x1="{x}" y1="{top_a + BOX_H}" x2="{x}" y2="{top_b}" '
                    'stroke="#555" marker-end="url(#arrow)"/>'
                    f'<text x="{x + 6}" y="{top_a + BOX_H + GAP / 2 + 4}" '
                    f'fill="#333">{label}</text>'
                )
                continue
            forward = b > a
            if forward:
                right_lane += 1
                reach = 20 + right_lane * 22
                x0 = left + BOX_W
                bulge = x0 + reach
                anchor = "start"
            else:
                left_lane += 1
                reach = 20 + left_lane * 22
                x0 = left
                bulge = x0 - reach
                anchor = "end"
            y0 = top_a + BOX_H / 2
            y1 = top_b + BOX_H / 2
            parts.append(
                f'<path d="M{x0},{y0} C{bulge},{y0} {bulge},{y1} {x0},{y1}" fill="none" '
                f'stroke="#555" marker-end="url(#arrow)"/>'
                f'<text x="{bulge + (4 if forward else -4)}" y="{(y0 + y1) / 2}" '
                f'text-anchor="{anchor}" fill="#333">{label}</text>'
            )
    for state, state_label in workflow.states.items():
        top = GAP + index[state] * step
        is_current = state == current
        fill = "#9e1b1b" if is_current else ("#eee" if workflow.is_final(state) else "#fff")
        colour = "#fff" if is_current else "#222"
        parts.append(
            f'<rect x="{left}" y="{top}" width="{BOX_W}" height="{BOX_H}" rx="6" '
            f'fill="{fill}" stroke="#555"/>'
            f'<text x="{left + BOX_W / 2}" y="{top + BOX_H / 2 + 4}" text-anchor="middle" '
            f'font-size="13" fill="{colour}">{escape(str(state_label))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
