"""Threads between a volunteer and the staff managing an opportunity."""
