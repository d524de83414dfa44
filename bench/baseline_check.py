#!/usr/bin/env python3
"""Baseline checker for the `cascade check` benchmark.

This is what a user might write instead of `cascade check`: a straightforward,
single-process Python script that parses each update's front matter with
PyYAML's C loader (yaml.compose with yaml.CSafeLoader, so every value keeps
the text it was written with) and applies the rules of SPEC sections 3, 4 and
11 to every file under REPO_DIR/updates/<week>/<person>.md.

It exists only so the benchmark can compare the Swift checker's speed with an
honest alternative: no deliberate slowness, no tricks, no multiprocessing.
Positions are approximate (the key or value node's start), characters are
counted as code points, and org.yaml itself is read but not validated.

Usage: python3 bench/baseline_check.py REPO_DIR
Prints `path:line:col: severity: message [rule]` per finding, then
`checked N files: E errors, W warnings`; exits 1 when there are errors.
"""
import datetime
import difflib
import os
import re
import sys

import yaml

LIMIT = 65536
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
DEAL_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
AMOUNT_RE = re.compile(r"^[0-9]+(\.[0-9]+)?$")
WORD_RE = re.compile(r"[^\W_]")
TOP_FIELDS = ["author", "week", "deals", "highlights"]
DEAL_FIELDS = ["id", "account", "stage", "amount", "close", "next", "reason", "lesson", "why",
               "competitor", "vertical", "persona", "gaps", "objections", "asks"]
ASK_FIELDS = ["to", "ask"]
STD_TAGS = {"tag:yaml.org,2002:" + t for t in
            ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


def parse_week(text):
    """The Monday of an ISO week `YYYY-Www`, or None when it is not a real week."""
    m = WEEK_RE.match(text or "")
    if not m:
        return None
    try:
        return datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        return None


class Org:
    def __init__(self, data):
        data = data if isinstance(data, dict) else {}
        self.people = {str(p.get("id")) for p in data.get("people") or [] if isinstance(p, dict)}
        self.functions = {str(f.get("id")) for f in data.get("functions") or [] if isinstance(f, dict)}
        stages = data.get("stages") or {}
        self.open = [str(s) for s in stages.get("open") or
                     ["suspect", "qualify", "discover", "propose", "negotiate", "commit"]]
        self.won = [str(s) for s in stages.get("won") or ["won"]]
        self.lost = [str(s) for s in stages.get("lost") or ["lost", "disqualified"]]
        self.stages = self.open + self.won + self.lost
        self.reasons = [str(r) for r in data.get("loss_reasons") or []]
        self.ticket = re.compile((data.get("tickets") or {}).get("pattern") or r"^[A-Z][A-Z0-9]+-[0-9]+$")
        self.note_words = int((data.get("digest") or {}).get("note_words") or 200)


class FileCheck:
    """Checks one update file; collects findings and a summary for cross-file rules."""

    def __init__(self, path, org, week_folder, person):
        self.path, self.org, self.folder, self.person = path, org, week_folder, person
        self.findings = []
        self.week = None        # the week written in the file, when valid
        self.author = None
        self.deals = []         # (id, stage, line, col)

    def add(self, line, col, severity, message, rule):
        self.findings.append((self.path, line, col, severity, message, rule))

    def at(self, node, severity, message, rule):
        m = node.start_mark  # the YAML starts on the file's line 2
        self.add(m.line + 2, m.column + 1, severity, message, rule)

    def run(self, data):
        if len(data) > LIMIT:
            return self.add(1, 1, "error", f"the file is {len(data)} bytes, over the 65536-byte limit", "file-too-large")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            line = data.count(b"\n", 0, e.start) + 1
            return self.add(line, e.start - data.rfind(b"\n", 0, e.start), "error", "invalid UTF-8", "encoding-invalid")
        nul = text.find("\0")
        if nul >= 0:
            line = text.count("\n", 0, nul) + 1
            return self.add(line, nul - text.rfind("\n", 0, nul), "error", "NUL byte in the file", "encoding-nul-byte")
        if text.startswith("\ufeff"):
            text = text[1:]
        lines = text.replace("\r\n", "\n").split("\n")
        if not text or lines[0].rstrip(" ") != "---":
            return self.add(1, 1, "error", "no front matter; start the file with a line '---'", "front-matter-missing")
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip(" ") == "---"), None)
        if end is None:
            return self.add(1, 1, "error", "front matter is not closed by a line '---'", "front-matter-unterminated")
        try:
            root = yaml.compose("\n".join(lines[1:end]) + "\n", Loader=yaml.CSafeLoader)
        except yaml.YAMLError as e:
            m = getattr(e, "problem_mark", None)
            line, col = (m.line + 2, m.column + 1) if m else (2, 1)
            return self.add(line, col, "error", f"YAML syntax error: {getattr(e, 'problem', e)}", "yaml-syntax")
        try:
            self.walk_yaml(root, set())
            self.check_update(root)
        except RecursionError:
            return self.add(2, 1, "error", "the YAML is nested too deeply", "yaml-too-deep")
        words = sum(1 for token in "\n".join(lines[end + 1:]).split() if WORD_RE.search(token))
        if words > self.org.note_words:
            self.add(end + 2, 1, "warning", f"the note is {words} words, over {self.org.note_words}", "body-too-long")

    def walk_yaml(self, node, seen):
        """Duplicate keys, aliases and explicit tags, anywhere in the document."""
        if node is None:
            return
        if id(node) in seen:
            return self.at(node, "error", "YAML aliases are not allowed", "yaml-anchor")
        seen.add(id(node))
        if node.tag not in STD_TAGS:
            self.at(node, "error", f"YAML tag '{node.tag}' is not allowed", "yaml-tag")
        if isinstance(node, yaml.MappingNode):
            keys = set()
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in keys:
                        self.at(k, "error", f"duplicate key '{k.value}'", "yaml-duplicate-key")
                    keys.add(k.value)
                self.walk_yaml(v, seen)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                self.walk_yaml(item, seen)

    def mapping(self, node, known, what):
        """The mapping's scalar values by key, after reporting unknown keys."""
        fields = {}
        for k, v in node.value:
            key = k.value if isinstance(k, yaml.ScalarNode) else ""
            if key.startswith("x-"):
                continue
            if key not in known:
                close = difflib.get_close_matches(key, known, 1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.at(k, "error", f"unknown field '{key}' in {what}{hint}", "field-unknown")
                continue
            fields[key] = v
        return fields

    @staticmethod
    def first(node):
        """The first key of a mapping, where a missing field is reported."""
        return node.value[0][0] if node.value else node

    def text(self, fields, key, node, what):
        """A required scalar's text, or None after reporting it missing or of the wrong type."""
        v = fields.get(key)
        if v is None:
            self.at(self.first(node), "error", f"{what} has no '{key}'", "field-required")
        elif not isinstance(v, yaml.ScalarNode):
            self.at(v, "error", f"'{key}' must be text", "field-type")
        elif not v.value.strip():
            self.at(v, "error", f"'{key}' is empty", "field-required")
        else:
            return v.value
        return None

    def sequence(self, v, key):
        if v is None or (isinstance(v, yaml.ScalarNode) and v.tag.endswith(":null")):
            return []
        if not isinstance(v, yaml.SequenceNode):
            self.at(v, "error", f"'{key}' must be a list", "field-type")
            return []
        return v.value

    def line_text(self, v, key):
        if not isinstance(v, yaml.ScalarNode):
            return self.at(v, "error", f"'{key}' must be text", "field-type")
        value = v.value.rstrip("\n")
        if "\n" in value or "\r" in value:
            self.at(v, "error", f"'{key}' must be one line", "text-multiline")
        if len(v.value) > 200:
            self.at(v, "warning", f"'{key}' is {len(v.value)} characters; keep it under 200", "text-too-long")

    def check_update(self, root):
        org = self.org
        if not isinstance(root, yaml.MappingNode):
            return self.add(2, 1, "error", "the front matter must be a mapping with author and week", "field-required")
        top = self.mapping(root, TOP_FIELDS, "the update")
        author = self.text(top, "author", root, "the update")
        if author is not None:
            self.author = author
            if author not in org.people:
                self.at(top["author"], "error", f"unknown author '{author}'", "author-unknown")
            elif author != self.person:
                self.at(top["author"], "error", f"author '{author}' does not match the file name", "author-mismatch")
        week = self.text(top, "week", root, "the update")
        monday = parse_week(week) if week is not None else None
        if week is not None and monday is None:
            self.at(top["week"], "error", f"'{week}' is not a real ISO week YYYY-Www", "week-invalid")
        elif monday is not None:
            self.week = week
            if week != self.folder:
                self.at(top["week"], "error", f"week {week} does not match the folder {self.folder}", "week-mismatch")
        for h in self.sequence(top.get("highlights"), "highlights"):
            if not isinstance(h, yaml.ScalarNode):
                self.at(h, "error", "a highlight is a deal id", "field-type")
        ids = set()
        for deal in self.sequence(top.get("deals"), "deals"):
            if not isinstance(deal, yaml.MappingNode):
                self.at(deal, "error", "a deal must be a mapping", "field-type")
                continue
            self.check_deal(deal, monday, ids)

    def check_deal(self, deal, monday, ids):
        org = self.org
        f = self.mapping(deal, DEAL_FIELDS, "a deal")
        deal_id = self.text(f, "id", deal, "this deal")
        if deal_id is not None:
            if not DEAL_ID_RE.match(deal_id):
                self.at(f["id"], "error", f"invalid deal id '{deal_id}'", "deal-id-invalid")
            elif deal_id in ids:
                self.at(f["id"], "error", f"deal '{deal_id}' is listed twice in this file", "deal-id-duplicate")
            ids.add(deal_id)
        self.text(f, "account", deal, "this deal")
        stage = self.text(f, "stage", deal, "this deal")
        if stage is not None and stage not in org.stages:
            close = difflib.get_close_matches(stage, org.stages, 1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            self.at(f["stage"], "error", f"unknown stage '{stage}'{hint}", "stage-unknown")
        amount = f.get("amount")
        if amount is None:
            self.at(self.first(deal), "error", "this deal has no 'amount'", "field-required")
        elif not (isinstance(amount, yaml.ScalarNode) and not amount.style and AMOUNT_RE.match(amount.value)):
            raw = amount.value if isinstance(amount, yaml.ScalarNode) else ""
            digits = re.sub(r"[^0-9.]", "", raw)
            if raw.lower().endswith("k") and digits:
                digits = str(int(float(digits) * 1000))
            hint = f"; write it as {digits}" if digits else ""
            self.at(amount, "error", f"amount must be a plain number >= 0{hint}", "amount-invalid")
        close_text = self.text(f, "close", deal, "this deal")
        if close_text is not None:
            try:
                if not DATE_RE.match(close_text):
                    raise ValueError
                close_date = datetime.date.fromisoformat(close_text)
                if stage in org.open and monday is not None and close_date < monday:
                    self.at(f["close"], "error", f"close {close_text} is before this week; move it or close the deal",
                            "close-past")
            except ValueError:
                self.at(f["close"], "error", f"close '{close_text}' is not a date YYYY-MM-DD", "close-invalid")
        if stage in org.open and "next" not in f:
            self.at(self.first(deal), "error", "an open deal needs 'next'", "next-required")
        if stage in org.lost:
            reason = f.get("reason")
            if reason is None:
                self.at(self.first(deal), "error", f"a {stage} deal needs 'reason'", "reason-required")
            elif not isinstance(reason, yaml.ScalarNode) or reason.value not in org.reasons:
                self.at(reason, "error", f"unknown loss reason '{getattr(reason, 'value', '')}'", "reason-unknown")
            if stage != "disqualified" and "lesson" not in f:
                self.at(self.first(deal), "error", f"a {stage} deal needs 'lesson'", "lesson-required")
        for key in ("next", "lesson"):
            if key in f:
                self.line_text(f[key], key)
        for gap in self.sequence(f.get("gaps"), "gaps"):
            if not isinstance(gap, yaml.ScalarNode) or not org.ticket.search(gap.value):
                self.at(gap, "error", f"'{getattr(gap, 'value', '')}' is not a ticket id", "gap-invalid")
        for tag in self.sequence(f.get("objections"), "objections"):
            if not isinstance(tag, yaml.ScalarNode):
                self.at(tag, "error", "an objection is a short tag", "field-type")
        for ask in self.sequence(f.get("asks"), "asks"):
            if not isinstance(ask, yaml.MappingNode):
                self.at(ask, "error", "an ask is a mapping {to, ask}", "field-type")
                continue
            a = self.mapping(ask, ASK_FIELDS, "an ask")
            to = self.text(a, "to", ask, "this ask")
            if to is not None and to not in org.functions and to not in org.people:
                self.at(a["to"], "error", f"'{to}' is neither a function nor a person", "ask-target-unknown")
            if self.text(a, "ask", ask, "this ask") is not None:
                self.line_text(a["ask"], "ask")
        if deal_id is not None:
            m = self.first(deal).start_mark
            self.deals.append((deal_id, stage, m.line + 2, m.column + 1))


def main(argv):
    if len(argv) != 2:
        print("usage: baseline_check.py REPO_DIR", file=sys.stderr)
        return 2
    root, findings, checks = argv[1], [], []
    try:
        with open(os.path.join(root, "org.yaml"), "rb") as fh:
            org = Org(yaml.load(fh.read(), Loader=yaml.CSafeLoader))
    except FileNotFoundError:
        print(f"{root}: no org.yaml here, so this is not a 15-5 repository", file=sys.stderr)
        return 2
    except yaml.YAMLError as e:
        findings.append(("org.yaml", 1, 1, "error", f"YAML syntax error: {e}", "yaml-syntax"))
        org = Org(None)
    updates = os.path.join(root, "updates")
    for week in sorted(os.listdir(updates)) if os.path.isdir(updates) else []:
        folder = os.path.join(updates, week)
        if not os.path.isdir(folder) or parse_week(week) is None:
            findings.append((f"updates/{week}", 1, 1, "error", "not a real ISO week folder", "path-invalid"))
            if not os.path.isdir(folder):
                continue
        for name in sorted(os.listdir(folder)):
            rel = f"updates/{week}/{name}"
            if not name.endswith(".md") or not ID_RE.match(name[:-3]) or os.path.isdir(os.path.join(folder, name)):
                findings.append((rel, 1, 1, "error", "updates are named updates/<week>/<person-id>.md", "path-invalid"))
                continue
            check = FileCheck(rel, org, week, name[:-3])
            try:
                with open(os.path.join(folder, name), "rb") as fh:
                    data = fh.read(LIMIT + 1)
                check.run(data)
            except OSError as e:
                check.add(1, 1, "error", f"cannot read the file: {e.strerror}", "file-unreadable")
            checks.append(check)
    # Cross-file rules: duplicate deal ids in a week, closed deals listed again.
    first_in_week, closed = {}, {}
    for c in checks:
        for deal_id, stage, _, _ in c.deals:
            if c.week and c.author and stage in org.won + org.lost:
                closed.setdefault(c.author, {}).setdefault(deal_id, c.week)
    for c in checks:
        for deal_id, stage, line, col in c.deals:
            owner = first_in_week.setdefault((c.folder, deal_id), c.path)
            if owner != c.path:
                c.add(line, col, "error", f"deal '{deal_id}' is also listed in {owner}", "deal-id-duplicate-week")
            was = closed.get(c.author, {}).get(deal_id)
            if c.week and was and was < c.week:
                c.add(line, col, "warning", f"deal '{deal_id}' was already closed in {was}", "deal-closed-relisted")
        findings += c.findings
    findings.sort(key=lambda d: (d[0], d[1], d[2]))
    out = [f"{p}:{line}:{col}: {sev}: {msg} [{rule}]" for p, line, col, sev, msg, rule in findings]
    errors = sum(1 for d in findings if d[3] == "error")
    warnings = len(findings) - errors
    out.append(f"checked {len(checks) + 1} files: {errors} errors, {warnings} warnings")
    print("\n".join(out))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
