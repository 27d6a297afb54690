"""The page checker finds the mistakes a validator refuses, and passes valid pages."""

import pytest

from .html_checks import problems


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ("<span><details><summary>x</summary></details></span>", "<details> inside <span>"),
        ("<label>a <div>b</div></label>", "<div> inside <label>"),
        ('<p id="a"></p><p id="a"></p>', 'id "a" is used 2 times'),
        ('<input aria-describedby="id_x_helptext">', "points to no element"),
        ('<label for="nothing">x</label>', "points to no element"),
        ('<time datetime="2026-12-08T05:35:41.608178+08:00">x</time>', "not a valid date"),
        ('<input type="date" value="2026/11/08">', "not YYYY-MM-DD"),
        ('<label for="">Divisions</label>', '<label for=""> is empty'),
        ('<select><option value=""></option><option>a</option></select>', "neither text"),
    ],
)
def test_each_mistake_is_found(html: str, found: str) -> None:
    assert any(found in problem for problem in problems(html)), problems(html)


@pytest.mark.parametrize(
    "html",
    [
        '<div class="pii-field"><span>123****</span><details><summary>Show</summary>'
        '<form><label for="r">Reason</label><input id="r"></form></details></div>',
        '<input id="id_x" aria-describedby="id_x_helptext"><div id="id_x_helptext">help</div>',
        '<time datetime="2026-12-08T05:35:41+0800">x</time><time datetime="2026-12-08">y</time>',
        '<input type="date" value="2026-11-08"><ul><li>a<li>b</ul><table><tr><td>1<td>2</table>',
        "<details><summary><h2>Heading</h2></summary><div>x</div></details>",
        "<p>text<div>block closes the paragraph</div>",
        '<select><option value="">Choose</option><option label="A" value="a"></option></select>',
        '<select><option value="1">one<option value="2">two</select>',
    ],
)
def test_valid_pages_pass(html: str) -> None:
    assert problems(html) == []
