"""Live emergency calls, as data and writes (see each module's docstring):

- `calls`: an emergency opportunity published (now or scheduled) queues its call;
- `dispatch`: a hub process claims each due call once, writes the matching volunteers'
  notifications and sends the call on the bus (hub/live);
- `matching`: which volunteers a call is for (skills, place);
- `context`: the context of one subscription, renewed for each delivery;
- `subscribe`: a subscriber's deliveries, read through its own scope.
"""
