"""newslint's built-in rules, each module a plugin registered through the 'newslint' entry points."""
