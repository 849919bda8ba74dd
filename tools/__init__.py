"""Project tools: the audit (`make audit`) and the social card drawing."""
