"""Configuration: the languages and their catalogues, the settings of extra.twincity, where reports go."""
