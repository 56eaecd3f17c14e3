-- A photo takes the place its upload reserved when it began, not the next one when it ends:
-- a folder sent three files at a time then lands in the order it was sent (by name), however
-- the uploads finish. NULL for uploads begun before this migration: they take the next place.
ALTER TABLE uploads ADD COLUMN position int;
