-- Replaces the language rows of one offer by the JSON array :languages.
INSERT INTO offer_languages (rid, lang) SELECT DISTINCT :rid, value FROM json_each(:languages)
