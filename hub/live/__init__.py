"""Live events between hub processes: emergency calls reach subscribers within a second.

The core of it, with no database model and no GraphQL:

- `events`: what travels (`CallEvent`: ids only, never a record's content);
- `bus`: the interface of a carrier between processes, and the choice of one by settings;
  `memory` (in process: the embedded SQLite mode), `postgres` (LISTEN/NOTIFY over a
  dedicated connection with a heartbeat and reconnection) and `redis` (pub/sub, with
  reconnection);
- `fanout`: this process's subscribers, each with its inbox; the bus feeds it once per
  process, whatever the number of subscribers;
- `slots`: the caps on subscriptions per connection and per principal (their refusals'
  words in `messages`); `subscriptions`: what one subscription opens (a slot, an inbox);
- `wake`: the signal that wakes this process's dispatchers after a commit that queued a
  call for now.

What a call is and who gets it (claiming due calls, matching volunteers, notification
rows) is the resolvers' (`resolvers/live`); the websocket and the runtime that joins all
of it are the entry layer's (`hub/entry/live.py`). See docs/live.md.
"""
