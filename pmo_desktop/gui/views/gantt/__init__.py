"""The Gantt view: for now the task table the chart will sit beside."""
