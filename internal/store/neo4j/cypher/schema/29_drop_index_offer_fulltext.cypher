DROP INDEX offer_fulltext IF EXISTS
