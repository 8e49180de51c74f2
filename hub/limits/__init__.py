"""Limits on what one caller may spend: rate limits counted per principal, API client or IP
(in this process or in Redis), the cost a request carries to them, and how a statement
stopped by its time limit is recognized."""

from hub.limits.costs import charging, cost_of, record_cost
from hub.limits.limiter import RateLimiter, limiter_for
from hub.limits.statements import after_timeout, statement_timed_out
from hub.limits.windows import Bucket, Window, bucket_for

__all__ = ["Bucket", "RateLimiter", "Window", "after_timeout", "bucket_for", "charging",
           "cost_of", "limiter_for", "record_cost", "statement_timed_out"]
