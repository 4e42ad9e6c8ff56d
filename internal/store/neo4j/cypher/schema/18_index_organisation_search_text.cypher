CREATE TEXT INDEX organisation_search_text IF NOT EXISTS FOR (n:Organisation) ON (n.searchText)
