"""The risk register: the RAID log as a sortable table."""
