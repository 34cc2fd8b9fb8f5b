"""The portfolio overview: projects with the portfolio's name and counts above them."""
