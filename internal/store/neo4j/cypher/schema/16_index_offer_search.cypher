CREATE FULLTEXT INDEX offer_search IF NOT EXISTS FOR (n:Offer) ON EACH [n.searchText, n.searchKeys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}
