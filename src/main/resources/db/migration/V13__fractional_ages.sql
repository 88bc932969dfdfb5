-- HSDS minimum_age and maximum_age are numbers of years: 0.5 is a baby up to six months, the very age group of this
-- map. Stored exactly as given (a JSON number is a double), no longer rounded to whole years.
ALTER TABLE service MODIFY minimum_age DOUBLE NULL, MODIFY maximum_age DOUBLE NULL;
