"""Justice pages, one module per part (the police case in `cases`)."""
