-- rfc3339() was declared IMMUTABLE, but to_char() is only STABLE, so PostgreSQL refused to
-- inline it: every statement that called it parsed and planned the function's body again on
-- each execution (a bookings page spent more time there than in its joins). STABLE is the
-- truth, and lets the planner put the expression in place.
ALTER FUNCTION rfc3339(timestamptz) STABLE;
