CALL apoc.help('match')
