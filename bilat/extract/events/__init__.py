"""Events, agreements, joint projects and their sectors."""
