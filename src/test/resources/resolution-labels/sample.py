"""Rebuilds the resolution-label sample candidates from ../shared/data (see GUIDE.md).

Usage: python3 src/test/resources/resolution-labels/sample.py [DATA_DIR] [--dump FILE]

Prints the candidate rows (source, conversation_id, language, stratum, split) as CSV; with
--dump it also writes the conversations' text to FILE for reading while labelling. The text
never goes into the repository: only ids and labels are committed.
"""

import csv
import hashlib
import io
import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20171031
TEST_SHARE = 0.4
GAP = timedelta(hours=72)
BANK = "Citibanamex"

# Thanks-like and resolution-like words in the last customer post: the "customer_thanks" stratum.
THANKS = re.compile(
    r"thank|thx|\bty\b|cheers|appreciate|sorted|resolved|fixed|worked|working now|all good"
    r"|gracias|resuelt|solucion|funciona|obrigad|resolvid|merci|regl|resolu|fonctionne",
    re.IGNORECASE,
)
# Outcome words in a customer post after the brand's first reply: the "customer_outcome" stratum.
OUTCOME = re.compile(
    r"work|fix|sort|resolv|solved|\bback\b|got (it|my|the)|arrived|came|\blisto\b|\bpude\b"
    r"|funcion|qued[oó]|solucion|resuelt|ya (me|se|lo)|permiti|dej[oó]|recib|lleg[oó]",
    re.IGNORECASE,
)
# Completed-action words in a brand post: the "brand_action" stratum.
ACTION = re.compile(
    r"refund|credit|replace|reimburs|on (its|it's) way|shipped|dispatched|resolved|fixed|sorted"
    r"|reembols|bonific|abon|reposici|resuelt|solucionad|reembolso|estorn|rembours",
    re.IGNORECASE,
)
SPANISH = re.compile(r"\b(hola|gracias|por favor|tengo|que|pero|cuenta|tarjeta|el|la|los|una)\b", re.I)
PORTUGUESE = re.compile(r"\b(obrigad[oa]|voc[eê]|n[aã]o|muito|pedido|minha|meu|estou)\b", re.I)
FRENCH = re.compile(r"\b(bonjour|merci|je|vous|nous|mon|est|pas|avec|svp)\b", re.I)


def language(texts):
    text = " ".join(texts)
    scores = {
        "es": len(SPANISH.findall(text)),
        "pt": len(PORTUGUESE.findall(text)),
        "fr": len(FRENCH.findall(text)),
    }
    best = max(scores, key=scores.get)
    words = max(1, len(text.split()))
    return best if scores[best] >= 3 and scores[best] / words > 0.06 else "en"


def twcs(path):
    """Customer-opened threads: a root customer tweet and every reply below it, in time order."""
    rows = {}
    # A few tweets hold bare carriage returns outside quotes; the csv module would end a row there.
    with open(path, newline="", encoding="utf-8") as f:
        text = f.read().replace("\r\n", "\n").replace("\r", " ")
    for r in csv.DictReader(io.StringIO(text)):
        tid = r["tweet_id"]
        parent = r["in_response_to_tweet_id"]
        rows[tid] = {
            "id": tid,
            "by_customer": r["inbound"].strip().lower() == "true",
            "author": r["author_id"],
            "at": datetime.strptime(r["created_at"], "%a %b %d %H:%M:%S %z %Y"),
            "text": r["text"],
            "parent": str(int(float(parent))) if parent else None,
        }
    children = {}
    for t in rows.values():
        if t["parent"] in rows:
            children.setdefault(t["parent"], []).append(t)
    for root in rows.values():
        if root["parent"] in rows or not root["by_customer"]:
            continue
        posts, todo = [], [root]
        while todo:
            t = todo.pop()
            posts.append(t)
            todo.extend(children.get(t["id"], []))
        posts.sort(key=lambda t: (t["at"], int(t["id"])))
        yield root["id"], posts


def citibanamex(path):
    """A customer's posts and the bank's replies that begin with their @handle, cut at a 72 h gap."""
    by_handle = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            is_bank = r["screen_name"] == BANK
            if is_bank:
                m = re.match(r"\s*@(\w+)", r["text"])
                if not m:
                    continue
                handle = m.group(1).lower()
            else:
                handle = r["screen_name"].lower()
            by_handle.setdefault(handle, []).append(
                {
                    "id": r["status_id"],
                    "by_customer": not is_bank,
                    "author": r["screen_name"],
                    "at": datetime.strptime(r["created_at"], "%Y-%m-%dT%H:%M:%SZ"),
                    "text": r["text"],
                }
            )
    for posts in by_handle.values():
        posts.sort(key=lambda t: (t["at"], int(t["id"])))
        thread = []
        for t in posts:
            if thread and t["at"] - thread[-1]["at"] > GAP:
                yield from opened_by_customer(thread)
                thread = []
            thread.append(t)
        if thread:
            yield from opened_by_customer(thread)


def opened_by_customer(thread):
    first = next((i for i, t in enumerate(thread) if t["by_customer"]), None)
    if first is not None:
        yield thread[first]["id"], thread[first:]


def candidates(data):
    sources = [
        ("twcs/twcs-head5000.csv", twcs),
        ("twcs/twcs-sample93.csv", twcs),
        ("citibanamex/citibanamex-tweets-2021-12.csv", citibanamex),
    ]
    for source, read in sources:
        for cid, posts in read(data / source):
            if not any(not p["by_customer"] for p in posts):
                continue  # no brand reply: not a conversation with the brand
            customer = [p for p in posts if p["by_customer"]]
            lang = "es" if source.startswith("citibanamex") else language(p["text"] for p in customer)
            yield {"source": source, "conversation_id": cid, "language": lang, "posts": posts}


def stratify(convs):
    """Per source: every non-English conversation, a random draw, then thanks and action strata."""
    rng = random.Random(SEED)
    quotas = {
        "twcs/twcs-head5000.csv": {"random": 100, "customer_thanks": 90, "brand_action": 40},
        "twcs/twcs-sample93.csv": {"random": 100, "customer_thanks": 0, "brand_action": 0},
        "citibanamex/citibanamex-tweets-2021-12.csv": {
            "random": 70, "customer_thanks": 50, "brand_action": 0,
        },
    }
    chosen = []
    for source, quota in quotas.items():
        pool = sorted(
            (c for c in convs if c["source"] == source), key=lambda c: int(c["conversation_id"])
        )
        rng.shuffle(pool)
        taken = set()

        def take(stratum, items, n):
            for c in items:
                if n <= 0:
                    break
                if c["conversation_id"] not in taken:
                    taken.add(c["conversation_id"])
                    chosen.append(dict(c, stratum=stratum))
                    n -= 1

        if source.startswith("twcs"):
            take("non_english", [c for c in pool if c["language"] != "en"], len(pool))
        take("random", pool, quota["random"])
        last = lambda c: [p for p in c["posts"] if p["by_customer"]][-1]["text"]
        replied_then_thanks = [c for c in pool if THANKS.search(last(c)) and answered_before(c)]
        take("customer_thanks", replied_then_thanks, quota["customer_thanks"])
        brand_action = [
            c for c in pool if any(not p["by_customer"] and ACTION.search(p["text"]) for p in c["posts"])
        ]
        take("brand_action", brand_action, quota["brand_action"])
        if source != "twcs/twcs-sample93.csv":
            outcome = [c for c in pool if any(OUTCOME.search(p["text"]) for p in replied(c))]
            take("customer_outcome", outcome, len(pool))
    for c in chosen:
        c["split"] = split(c["source"], c["conversation_id"])
    return chosen


def split(source, conversation_id):
    """A row's split from a seeded hash of its ids alone, so that adding rows moves no other row."""
    digest = hashlib.sha256(f"{SEED}:{source}:{conversation_id}".encode()).digest()
    return "test" if int.from_bytes(digest[:4], "big") / 2**32 < TEST_SHARE else "tune"


def replied(conversation):
    """The customer's posts after the brand's first reply."""
    posts = conversation["posts"]
    first_reply = next(i for i, p in enumerate(posts) if not p["by_customer"])
    return [p for p in posts[first_reply + 1 :] if p["by_customer"]]


def answered_before(conversation):
    """Whether the customer's last post comes after the brand's first reply."""
    return bool(replied(conversation))


def main():
    args = sys.argv[1:]
    dump = None
    if "--dump" in args:
        i = args.index("--dump")
        dump = args[i + 1]
        del args[i : i + 2]
    data = Path(args[0] if args else "../shared/data")
    chosen = stratify(list(candidates(data)))
    out = csv.writer(sys.stdout)
    out.writerow(["source", "conversation_id", "language", "stratum", "split"])
    for c in chosen:
        out.writerow([c["source"], c["conversation_id"], c["language"], c["stratum"], c["split"]])
    if dump:
        with open(dump, "w", encoding="utf-8") as f:
            for c in chosen:
                f.write(f"=== {c['conversation_id']} {c['language']} {c['stratum']}\n")
                for p in c["posts"]:
                    who = "C" if p["by_customer"] else "B"
                    text = " ".join(p["text"].split())
                    f.write(f"{who} {p['id']} {p['at']:%m-%d %H:%M} {text}\n")


if __name__ == "__main__":
    main()
