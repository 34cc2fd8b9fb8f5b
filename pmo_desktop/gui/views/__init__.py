"""The four workspace views (portfolio, Gantt, resources, risks) and the widgets they share."""
