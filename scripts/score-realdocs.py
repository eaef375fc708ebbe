#!/usr/bin/env python3
"""score-realdocs.py - score solvency's reports on the public real-document set.

Usage:
    python3 scripts/score-realdocs.py SOLVENCY [--realdocs DIR] [--out OUT]
        [--xsd schemas/report.xsd] [--no-run] [--extra "ARGS"]
        [--as-of 2026-12-01] [--timeout 900]

Runs `SOLVENCY run REALDOCS -o OUT --as-of ASOF -q EXTRA...` (unless
--no-run), validates every OUT/<case>.xml with `xmllint --schema`, and
compares what each report says about each document with the hand-made truth
in REALDOCS/truth.json (see REALDOCS/SOURCES.md).

Every fact the truth records for a document is exactly one of
  correct  - stated, equal to the truth, no doubt stated;
  flagged  - the report states doubt about it (whatever the value);
  missing  - not stated;
  wrong    - stated without doubt and different from the truth.
A value stated without doubt for something the document does not print
(truth null) is an extra fact, "wrong (not printed)".

Writes OUT/realdocs-score.json (every fact) and OUT/realdocs-table.md (a
Markdown table for the README).  The last line printed is
    realdocs: C correct, F flagged, M missing, W wrong, V/N schema-valid
A missing or malformed report never stops the script: its documents' facts
are then missing and the report is not schema-valid.

Python 3 standard library only; xmllint (libxml2-utils) for the schema.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation
from pathlib import Path

NS = "urn:solvency:report:1"
R = "{%s}" % NS

REPO = Path(__file__).resolve().parent.parent

CORRECT, FLAGGED, MISSING, WRONG = "correct", "flagged", "missing", "wrong"
RESULTS = (CORRECT, FLAGGED, MISSING, WRONG)

STATEMENT_KINDS = {"bank_statement", "investment_account_statement",
                   "credit_card_statement"}
INCOME_KINDS = {"employment_letter", "benefit_award_letter",
                "employment_verification_form", "pay_stub"}
PROPERTY_KINDS = {"property_purchase_contract"}

TITLES = {"mr", "mrs", "ms", "miss", "dr", "sr", "sra", "srta", "lic"}


# ------------------------------------------------------------ value helpers

def truth_kind(raw):
    """'pay_stub (income evidence)' -> 'pay_stub'."""
    return re.split(r"[\s(]", (raw or "").strip(), maxsplit=1)[0]


def money(v):
    """Decimal to the cent, or None (None/'' in, or not a number)."""
    if v is None or v == "":
        return None
    try:
        d = Decimal(str(v).strip()) if not isinstance(v, float) else Decimal(repr(v))
        return d.quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None


def fmt_money(v):
    d = money(v)
    return str(d) if d is not None else (None if v is None else str(v))


def name_tokens(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = "".join(c if c.isalnum() or c.isspace() else " " for c in s)
    return frozenset(t for t in s.split() if t not in TITLES)


def doc_of(source):
    """'name.pdf#2' -> 'name.pdf' (also drops a leading './')."""
    if source is None:
        return None
    p = source.split("#", 1)[0].strip()
    while p.startswith("./"):
        p = p[2:]
    return p


def is_true(v):
    return v == "true"


def pct(v):
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


# ----------------------------------------------------------- fact helpers

class Doc:
    """Facts of one truth document."""

    def __init__(self, truth, case, name):
        self.truth = truth
        self.case = case
        self.name = name
        self.file = truth.get("file")
        self.tkind = truth_kind(truth.get("kind"))
        self.facts = []
        self.reported_kind = None
        self.kind_result = MISSING

    def add(self, fact, result, truth=None, report=None, note=None,
            not_printed=False):
        f = {"fact": fact, "result": result, "truth": truth,
             "report": report}
        if note:
            f["note"] = note
        if not_printed:
            f["not_printed"] = True
        self.facts.append(f)
        return f

    def counts(self):
        c = {k: 0 for k in RESULTS}
        for f in self.facts:
            c[f["result"]] += 1
        return c


def judge(stated, equal, doubt):
    """One fact: stated value present?, equal to truth?, doubt stated?"""
    if doubt:
        return FLAGGED
    if not stated:
        return MISSING
    return CORRECT if equal else WRONG


def cmp_money(t, r):
    return money(t) is not None and money(r) is not None and money(t) == money(r)


def cmp_name(t, r):
    return name_tokens(t) == name_tokens(r) and bool(name_tokens(r))


# --------------------------------------------------------- report reading

class Report:
    def __init__(self, case, path):
        self.case = case
        self.path = path
        self.exists = path.is_file()
        self.root = None
        self.error = None
        self.valid = False
        self.schema_msg = None
        if not self.exists:
            self.error = "no report"
            return
        try:
            tree = ET.parse(str(path))
            root = tree.getroot()
            if root.tag != R + "report":
                self.error = "root element is %s, not r:report" % root.tag
            else:
                self.root = root
        except (ET.ParseError, OSError, ValueError) as e:
            self.error = "unreadable: %s" % e

    def documents(self):
        if self.root is None:
            return {}
        out = {}
        docs = self.root.find(R + "documents")
        for d in (docs if docs is not None else []):
            if d.tag != R + "document":
                continue
            p = doc_of(d.get("path"))
            if p is not None and p not in out:
                out[p] = d
        return out

    def rows(self, section):
        if self.root is None:
            return []
        s = self.root.find(R + section)
        if s is None:
            return []
        return [m for m in s if m.tag in (R + "month", R + "asset")]


def validate(xml_path, xsd, xmllint):
    if xmllint is None:
        return False, "xmllint not found"
    try:
        p = subprocess.run([xmllint, "--noout", "--schema", str(xsd),
                            str(xml_path)], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=120)
    except (OSError, subprocess.SubprocessError) as e:
        return False, "xmllint failed: %s" % e
    msg = p.stderr.decode("utf-8", "replace").strip()
    if p.returncode == 0:
        return True, None
    lines = [l for l in msg.splitlines() if "fails to validate" not in l]
    return False, "; ".join(lines[:3]) or "xmllint exit %d" % p.returncode


# ----------------------------------------------------------------- scoring

def score_kind(doc, node):
    rk = node.get("kind") if node is not None else None
    doc.reported_kind = rk
    k = doc.tkind
    if k == "bank_statement":
        exp, ok, absent = "bank-statement", {"bank-statement"}, {"unknown"}
    elif k == "credit_card_statement":
        exp, ok, absent = "unknown", {"unknown"}, set()
    elif k == "investment_account_statement":
        exp, ok, absent = "bank-statement (or unknown)", {"bank-statement"}, {"unknown"}
    elif k in PROPERTY_KINDS:
        exp, ok, absent = "deed", {"deed"}, {"unknown"}
    elif k in INCOME_KINDS:
        exp, ok, absent = "income-letter", {"income-letter"}, {"unknown"}
    else:
        return
    if rk is None:
        res = MISSING
    elif rk in ok:
        res = CORRECT
    elif rk in absent:
        res = MISSING
    else:
        res = WRONG
    doc.kind_result = res
    doc.add("kind", res, exp, rk)


def holder_doubt(rows, name):
    return any(doc_of(m.get("source")) == name and
               m.get("holderMatch") == "uncertain" for m in rows)


def score_statements(doc, node, rep):
    t = doc.truth
    stmts = [s for s in (node if node is not None else [])
             if s.tag == R + "statement"]
    is_stmt_kind = doc.tkind in STATEMENT_KINDS
    month_rows = rep.rows("balances") + rep.rows("income")

    if not is_stmt_kind:
        for i, s in enumerate(stmts):
            doc.add("statement[%d]" % (i + 1), WRONG, None,
                    describe_statement(s), not_printed=True,
                    note="a statement reported for a %s" % doc.tkind)
        return

    # document-level holder and currency, over every reported statement
    hdoubt = holder_doubt(month_rows, doc.name)
    holders = [s.get("holder") for s in stmts if s.get("holder")]
    th = t.get("account_holder")
    if th is not None:
        if hdoubt:
            res = FLAGGED
        elif not holders:
            res = MISSING
        else:
            res = CORRECT if all(cmp_name(th, h) for h in holders) else WRONG
        doc.add("holder", res, th, " | ".join(holders) or None,
                note="holderMatch=uncertain" if hdoubt else None)
    else:
        for h in holders:
            if not hdoubt:
                doc.add("holder", WRONG, None, h, not_printed=True)

    tc = t.get("currency")
    curs = [(s.get("currency"), s.get("currencySource"))
            for s in stmts if s.get("currency")]
    cdoubt = any(src == "inferred" for _, src in curs)
    if tc is not None:
        if cdoubt:
            res = FLAGGED
        elif not curs:
            res = MISSING
        else:
            res = CORRECT if all(c == tc for c, _ in curs) else WRONG
        doc.add("currency", res, tc,
                " | ".join("%s%s" % (c, " (%s)" % src if src else "")
                           for c, src in curs) or None,
                note="currencySource=inferred" if cdoubt else None)
    else:
        for c, src in curs:
            if src != "inferred":
                doc.add("currency", WRONG, None,
                        c + (" (%s)" % src if src else ""), not_printed=True)

    # the statements the truth holds, matched to the reported ones
    if isinstance(t.get("statements"), list) and t["statements"]:
        tsubs = t["statements"]
        multi = True
    else:
        tsubs = [{"period_start": t.get("period_start"),
                  "period_end": t.get("period_end"),
                  "opening_balance": t.get("opening_balance"),
                  "closing_balance": t.get("closing_balance")}]
        multi = False

    used = set()
    match = [None] * len(tsubs)
    for i, ts in enumerate(tsubs):          # by the month of periodEnd
        pe = (ts.get("period_end") or "")[:7]
        if not pe:
            continue
        for j, s in enumerate(stmts):
            if j not in used and (s.get("periodEnd") or "")[:7] == pe:
                match[i] = j
                used.add(j)
                break
    for i in range(len(tsubs)):             # else by order
        if match[i] is None and i < len(stmts) and i not in used:
            match[i] = i
            used.add(i)

    if multi:
        n = len(stmts)
        res = MISSING if n == 0 else (CORRECT if n == len(tsubs) else WRONG)
        doc.add("statements", res, len(tsubs), n)
    elif len(stmts) > 1:
        doc.add("statements", WRONG, 1, len(stmts), not_printed=True,
                note="the document holds one statement")

    for i, ts in enumerate(tsubs):
        s = stmts[match[i]] if match[i] is not None else None
        pre = "statement[%d]." % (i + 1) if multi else ""
        doubt_num = s is not None and s.get("reconciled") == "false"
        for key, attr in (("period_start", "periodStart"),
                          ("period_end", "periodEnd")):
            tv = ts.get(key)
            rv = s.get(attr) if s is not None else None
            if tv is not None:
                doc.add(pre + key, judge(rv is not None, rv == tv, False),
                        tv, rv)
            elif rv is not None:
                doc.add(pre + key, WRONG, None, rv, not_printed=True,
                        note="no such date printed")
        for key, attr in (("opening_balance", "opening"),
                          ("closing_balance", "closing")):
            tv = ts.get(key)
            rv = s.get(attr) if s is not None else None
            if tv is not None:
                doc.add(pre + attr, judge(rv is not None, cmp_money(tv, rv),
                                          doubt_num and rv is not None),
                        fmt_money(tv), rv,
                        note="reconciled=false" if doubt_num and rv is not None else None)
            elif rv is not None and not doubt_num:
                doc.add(pre + attr, WRONG, None, rv, not_printed=True)

    # totals and average: printed once per document (null for bundles)
    for j, s in enumerate(stmts):
        doubt_num = s.get("reconciled") == "false"
        pre = "statement[%d]." % (j + 1) if len(stmts) > 1 else ""
        first = (j == match[0]) if not multi else False
        for key, attr in (("average_balance_printed", "average"),
                          ("total_credits_printed", "credits"),
                          ("total_debits_printed", "debits")):
            tv = t.get(key)
            rv = s.get(attr)
            computed = attr == "average" and is_true(s.get("averageComputed"))
            if tv is not None and first:
                if rv is not None and computed:
                    # a computed average stands in for the printed one
                    res = judge(True, cmp_money(tv, rv), doubt_num)
                else:
                    res = judge(rv is not None, cmp_money(tv, rv),
                                doubt_num and rv is not None)
                doc.add(pre + attr, res, fmt_money(tv), rv,
                        note=("reconciled=false" if doubt_num and rv is not None
                              else ("averageComputed=true" if computed else None)))
            elif tv is None and rv is not None and not doubt_num and not computed:
                doc.add(pre + attr, WRONG, None, rv, not_printed=True)
    if not multi and match[0] is None:
        for key, attr in (("average_balance_printed", "average"),
                          ("total_credits_printed", "credits"),
                          ("total_debits_printed", "debits")):
            if t.get(key) is not None:
                doc.add(attr, MISSING, fmt_money(t.get(key)), None)


def describe_statement(s):
    keys = ("holder", "currency", "periodStart", "periodEnd", "opening",
            "closing", "average")
    return " ".join("%s=%s" % (k, s.get(k)) for k in keys if s.get(k))


def income_doubt(inc):
    return inc is not None and (
        (inc.get("basis") not in (None, "net")) or is_true(inc.get("converted")))


def month_doubt(m):
    c = pct(m.get("confidence"))
    return (m.get("reconciled") == "false" or (c is not None and c < 60)
            or is_true(m.get("converted")) or m.get("frequency") is not None)


def month_note(m):
    bits = []
    if m.get("reconciled") == "false":
        bits.append("reconciled=false")
    c = pct(m.get("confidence"))
    if c is not None and c < 60:
        bits.append("confidence=%d" % c)
    if is_true(m.get("converted")):
        bits.append("converted=true")
    if m.get("frequency") is not None:
        bits.append("frequency=%s" % m.get("frequency"))
    return ", ".join(bits)


def score_income(doc, node, rep):
    t = doc.truth
    inc = None
    if node is not None:
        inc = node.find(R + "income")
    rows = [m for m in rep.rows("income") if doc_of(m.get("source")) == doc.name]
    is_income_kind = doc.tkind in INCOME_KINDS

    if is_income_kind:
        th = t.get("account_holder")
        person = inc.get("person") if inc is not None else None
        hdoubt = any(m.get("holderMatch") == "uncertain" for m in rows)
        if th is not None:
            res = judge(bool(person), cmp_name(th, person or ""), hdoubt)
            doc.add("person", res, th, person,
                    note="holderMatch=uncertain" if hdoubt else None)
        elif person and not hdoubt:
            doc.add("person", WRONG, None, person, not_printed=True)

        tc = t.get("currency")
        if inc is not None and inc.get("currency"):
            cur, src = inc.get("currency"), inc.get("currencySource")
            curs = [(cur, src)]
        else:
            curs = [(m.get("currency"), m.get("currencySource"))
                    for m in rows if m.get("currency")]
        cdoubt = any(src == "inferred" for _, src in curs)
        shown = " | ".join(sorted({c + (" (%s)" % s if s else "")
                                   for c, s in curs})) or None
        if tc is not None:
            if cdoubt:
                res = FLAGGED
            elif not curs:
                res = MISSING
            else:
                res = CORRECT if all(c == tc for c, _ in curs) else WRONG
            doc.add("income currency", res, tc, shown,
                    note="currencySource=inferred" if cdoubt else None)
        elif curs and not cdoubt:
            doc.add("income currency", WRONG, None, shown, not_printed=True)

    # the monthly amount: scored wherever the truth has one (also the
    # payroll of a bank statement), a made-up one counted anywhere
    tm = t.get("monthly_amount")
    monthly = inc.get("monthly") if inc is not None else None
    if tm is not None:
        if monthly is not None:
            doubt = income_doubt(inc)
            note = ", ".join(x for x in (
                "basis=%s" % inc.get("basis") if inc.get("basis") not in (None, "net") else "",
                "converted=true" if is_true(inc.get("converted")) else "") if x)
            doc.add("monthly_amount", judge(True, cmp_money(tm, monthly), doubt),
                    fmt_money(tm), monthly, note=note or None)
        elif rows:
            doubt = any(month_doubt(m) for m in rows)
            amounts = [m.get("amount") for m in rows]
            ok = all(cmp_money(tm, a) for a in amounts)
            notes = sorted({month_note(m) for m in rows if month_doubt(m)})
            doc.add("monthly_amount", judge(True, ok, doubt), fmt_money(tm),
                    " | ".join("%s %s" % (m.get("period"), m.get("amount"))
                               for m in rows),
                    note="; ".join(notes) or None)
        else:
            doc.add("monthly_amount", MISSING, fmt_money(tm), None)
    else:
        # one wrong per distinct amount stated without doubt (a letter's
        # income repeated over the months of the window counts once)
        seen = {}
        if monthly is not None and not income_doubt(inc):
            seen.setdefault(money(monthly) if money(monthly) is not None
                            else monthly, []).append("r:document/r:income/@monthly")
        for m in rows:
            if not month_doubt(m):
                a = m.get("amount")
                seen.setdefault(money(a) if money(a) is not None else a,
                                []).append("r:income/r:month %s" % m.get("period"))
        for amount, where in seen.items():
            doc.add("monthly_amount", WRONG, None, str(amount),
                    not_printed=True, note=", ".join(where))


def score_property(doc, rep):
    t = doc.truth
    assets = [a for a in rep.rows("assets") if doc_of(a.get("source")) == doc.name]
    tv = t.get("property_value")
    if tv is not None:
        best = None
        for a in assets:
            doubt = a.get("wordsAgree") == "false"
            res = judge(True, cmp_money(tv, a.get("amount")), doubt)
            rank = {CORRECT: 0, FLAGGED: 1, WRONG: 2}[res]
            if best is None or rank < best[0]:
                best = (rank, res, a)
        if best is None:
            doc.add("property_value", MISSING, fmt_money(tv), None)
        else:
            a = best[2]
            doc.add("property_value", best[1], fmt_money(tv),
                    "%s (%s)" % (a.get("amount"), a.get("value")),
                    note="wordsAgree=false" if best[1] == FLAGGED else None)
        tc = t.get("currency")
        if tc is not None:
            curs = [(a.get("currency"), a.get("currencySource"))
                    for a in assets if a.get("currency")]
            cdoubt = any(s == "inferred" for _, s in curs)
            if cdoubt:
                res = FLAGGED
            elif not curs:
                res = MISSING
            else:
                res = CORRECT if all(c == tc for c, _ in curs) else WRONG
            doc.add("property currency", res, tc,
                    " | ".join(sorted({c for c, _ in curs})) or None,
                    note="currencySource=inferred" if cdoubt else None)
        # the owner: only when the report names one (today it does not)
        holder = t.get("account_holder") or ""
        buyer = holder.split(" (buyer)", 1)[0].strip() if " (buyer)" in holder else None
        owners = [a.get(k) for a in assets for k in ("owner", "owners", "holder")
                  if a.get(k)]
        if buyer and owners:
            odoubt = any(a.get("ownerMatch") == "uncertain" for a in assets)
            res = judge(True, any(cmp_name(buyer, o) for o in owners), odoubt)
            doc.add("owner", res, buyer, " | ".join(owners),
                    note="ownerMatch=uncertain" if odoubt else None)
    else:
        for a in assets:
            if (doc.tkind == "investment_account_statement"
                    and a.get("kind") == "investment"
                    and cmp_money(t.get("closing_balance"), a.get("amount"))):
                continue    # the account's value, not a made-up one
            if a.get("wordsAgree") == "false":
                continue
            doc.add("asset", WRONG, None, "%s %s %s (%s)" % (
                a.get("kind"), a.get("amount"), a.get("currency"),
                a.get("value")), not_printed=True)


def score_doc(doc, rep):
    node = rep.documents().get(doc.name) if rep.root is not None else None
    score_kind(doc, node)
    if doc.tkind in STATEMENT_KINDS or node is not None:
        score_statements(doc, node, rep)
    score_income(doc, node, rep)
    score_property(doc, rep)    # without a value in the truth: made-up assets


# -------------------------------------------------------------------- main

def run_solvency(args, realdocs, out):
    cmd = [args.solvency, "run", str(realdocs), "-o", str(out),
           "--as-of", args.as_of, "-q"] + shlex.split(args.extra or "")
    print("running: %s" % " ".join(shlex.quote(c) for c in cmd), flush=True)
    t0 = time.monotonic()
    try:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, start_new_session=True)
    except OSError as e:
        print("warning: cannot start %s: %s" % (args.solvency, e), file=sys.stderr)
        return
    try:
        outp, _ = p.communicate(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            p.kill()
        outp, _ = p.communicate()
        print("warning: solvency timed out after %d s and was stopped"
              % args.timeout, file=sys.stderr)
    text = (outp or b"").decode("utf-8", "replace").strip()
    if text:
        print("\n".join("  | " + l for l in text.splitlines()[-20:]))
    print("solvency exit status %s after %.1f s" % (p.returncode,
                                                     time.monotonic() - t0),
          flush=True)


def main():
    ap = argparse.ArgumentParser(
        description="Score solvency's reports on the real-document set.")
    ap.add_argument("solvency", help="the solvency program")
    ap.add_argument("--realdocs", default=str(REPO / ".." / "shared" / "realdocs"))
    ap.add_argument("--out", default=str(REPO / "build" / "realdocs-out"))
    ap.add_argument("--xsd", default=str(REPO / "schemas" / "report.xsd"))
    ap.add_argument("--no-run", action="store_true",
                    help="score the reports already in OUT")
    ap.add_argument("--extra", default="", help="more arguments for solvency run")
    ap.add_argument("--as-of", default="2026-12-01")
    ap.add_argument("--timeout", type=int, default=900,
                    help="seconds before the run is stopped (default 900)")
    args = ap.parse_args()

    realdocs = Path(args.realdocs).resolve()
    out = Path(args.out)
    xsd = Path(args.xsd)
    try:
        truth = json.loads((realdocs / "truth.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        sys.exit("cannot read %s: %s" % (realdocs / "truth.json", e))
    if not isinstance(truth, list):
        sys.exit("truth.json is not a list")

    cases = []
    for t in truth:
        case = (t.get("file") or "").split("/", 1)[0]
        if case and case not in cases:
            cases.append(case)
    for d in sorted(p.name for p in realdocs.iterdir() if p.is_dir()):
        if d not in cases and not d.startswith("."):
            cases.append(d)

    out.mkdir(parents=True, exist_ok=True)
    if not args.no_run:
        for c in cases:             # no stale report scored by mistake
            try:
                (out / (c + ".xml")).unlink()
            except FileNotFoundError:
                pass
            except OSError as e:
                print("warning: cannot remove old %s.xml: %s" % (c, e),
                      file=sys.stderr)
        run_solvency(args, realdocs, out)

    xmllint = shutil.which("xmllint")
    if xmllint is None:
        print("warning: xmllint not found: no report counts as schema-valid",
              file=sys.stderr)
    if not xsd.is_file():
        print("warning: no schema at %s" % xsd, file=sys.stderr)

    reports = {}
    for c in cases:
        rep = Report(c, out / (c + ".xml"))
        if rep.exists and xsd.is_file():
            rep.valid, rep.schema_msg = validate(rep.path, xsd, xmllint)
        elif not rep.exists:
            rep.schema_msg = "no report"
        else:
            rep.schema_msg = "no schema"
        if rep.root is None:
            rep.valid = False
        reports[c] = rep

    docs = []
    for t in truth:
        f = t.get("file") or ""
        case, _, name = f.partition("/")
        doc = Doc(t, case, name)
        rep = reports.get(case) or Report(case, out / (case + ".xml"))
        score_doc(doc, rep)
        docs.append(doc)

    # ---- print
    w = max([len("document")] + [len(d.file) for d in docs])
    head = "%-*s  %-22s %7s %7s %7s %5s  %s" % (
        w, "document", "kind ok?", "correct", "flagged", "missing", "wrong",
        "schema")
    print(head)
    print("-" * len(head))
    tot = {k: 0 for k in RESULTS}
    for d in docs:
        c = d.counts()
        for k in RESULTS:
            tot[k] += c[k]
        rep = reports.get(d.case)
        mark = {CORRECT: "yes", MISSING: "no", WRONG: "NO"}.get(d.kind_result, "?")
        kind_col = "%s (%s)" % (mark, d.reported_kind or "-")
        schema = "valid" if rep is not None and rep.valid else "INVALID"
        print("%-*s  %-22s %7d %7d %7d %5d  %s" % (
            w, d.file, kind_col, c[CORRECT], c[FLAGGED], c[MISSING], c[WRONG],
            schema))
        if rep is not None and (rep.root is None or not rep.valid) and rep.schema_msg:
            msg = rep.error or rep.schema_msg
            print("    report: %s" % msg[:300])
        for fct in d.facts:
            if fct["result"] in (WRONG, FLAGGED):
                label = fct["result"]
                if fct.get("not_printed"):
                    label = "wrong (not printed)"
                note = " [%s]" % fct["note"] if fct.get("note") else ""
                print("    %-20s %-22s truth %s, report %s%s" % (
                    label, fct["fact"],
                    "-" if fct["truth"] is None else fct["truth"],
                    "-" if fct["report"] is None else fct["report"], note))
    print("-" * len(head))
    nvalid = sum(1 for r in reports.values() if r.valid)
    print("%-*s  %-22s %7d %7d %7d %5d  %d/%d" % (
        w, "total (%d documents)" % len(docs), "", tot[CORRECT], tot[FLAGGED],
        tot[MISSING], tot[WRONG], nvalid, len(reports)))

    # ---- files
    result = {
        "solvency": args.solvency,
        "realdocs": str(realdocs),
        "out": str(out.resolve()),
        "xsd": str(xsd),
        "as_of": args.as_of,
        "ran": not args.no_run,
        "totals": dict(tot, schema_valid=nvalid, reports=len(reports)),
        "reports": {c: {"path": str(r.path), "exists": r.exists,
                        "parsed": r.root is not None, "error": r.error,
                        "schema_valid": r.valid, "schema_message": r.schema_msg}
                    for c, r in reports.items()},
        "documents": [{"file": d.file, "case": d.case,
                       "truth_kind": d.tkind, "reported_kind": d.reported_kind,
                       "kind_result": d.kind_result,
                       "schema_valid": bool(reports.get(d.case) and reports[d.case].valid),
                       "counts": d.counts(), "facts": d.facts} for d in docs],
    }
    try:
        (out / "realdocs-score.json").write_text(
            json.dumps(result, indent=1, ensure_ascii=False) + "\n",
            encoding="utf-8")
        md = ["| document | correct | flagged | missing | wrong |",
              "|---|---:|---:|---:|---:|"]
        for d in docs:
            c = d.counts()
            md.append("| `%s` | %d | %d | %d | %d |" % (
                d.file, c[CORRECT], c[FLAGGED], c[MISSING], c[WRONG]))
        md.append("| **total** (%d/%d reports schema-valid) | **%d** | **%d** | **%d** | **%d** |" % (
            nvalid, len(reports), tot[CORRECT], tot[FLAGGED], tot[MISSING],
            tot[WRONG]))
        (out / "realdocs-table.md").write_text("\n".join(md) + "\n",
                                               encoding="utf-8")
    except OSError as e:
        print("warning: cannot write the score files: %s" % e, file=sys.stderr)

    print("realdocs: %d correct, %d flagged, %d missing, %d wrong, %d/%d schema-valid"
          % (tot[CORRECT], tot[FLAGGED], tot[MISSING], tot[WRONG], nvalid,
             len(reports)))


if __name__ == "__main__":
    main()
