"""The live desk: feed subscriptions, refresh and watch, living explainers, syndication.

``groundbrief feeds``, ``refresh`` and ``watch`` (cli/desk.py) are built on these.
"""

from .live import LiveDesk
from .living import LivingExplainers, Recheck
from .opml import read_opml, write_opml
from .refresh import FeedPoll, FeedPoller, Refresher, RefreshReport
from .subscriptions import Feed, Subscriptions, feed_url

__all__ = [
    "Feed",
    "FeedPoll",
    "FeedPoller",
    "LiveDesk",
    "LivingExplainers",
    "Recheck",
    "RefreshReport",
    "Refresher",
    "Subscriptions",
    "feed_url",
    "read_opml",
    "write_opml",
]
