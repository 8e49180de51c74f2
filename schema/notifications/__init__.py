"""A volunteer's notifications, listed in-app (delivery is `tatawwu notify`)."""
