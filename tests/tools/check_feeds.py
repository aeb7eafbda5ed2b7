"""Parse feeds with feedparser (a real feed client) and fail on anything a
reader would trip over: a malformed feed, an entry without title, link or
date, a date not in +07:00.

usage: python3 check_feeds.py FEED...
"""
import sys

import feedparser

failures = []
for path in sys.argv[1:]:
    with open(path, "rb") as fh:
        data = fh.read()
    feed = feedparser.parse(data)
    if feed.bozo:
        failures.append(f"{path}: not well-formed: {feed.bozo_exception}")
        continue
    if feed.version not in ("rss20", "atom10"):
        failures.append(f"{path}: unexpected feed version {feed.version!r}")
    if not feed.feed.get("title"):
        failures.append(f"{path}: feed has no title")
    if not feed.entries:
        failures.append(f"{path}: no entries")
    for e in feed.entries:
        for field in ("title", "link", "published_parsed"):
            if not e.get(field):
                failures.append(f"{path}: entry {e.get('link')!r} has no {field}")
        published = e.get("published", "")
        if "+0700" not in published and "+07:00" not in published:
            failures.append(f"{path}: entry {e.get('link')!r} date {published!r} is not Vietnam time")
        if not e.get("link", "").startswith("https://"):
            failures.append(f"{path}: entry link {e.get('link')!r} is not absolute")
    print(f"{path}: {feed.version}, {len(feed.entries)} entries")

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
