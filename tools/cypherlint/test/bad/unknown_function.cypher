RETURN foo.bar(1)
