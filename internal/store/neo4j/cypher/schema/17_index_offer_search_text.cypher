CREATE TEXT INDEX offer_search_text IF NOT EXISTS FOR (n:Offer) ON (n.searchText)
