"""The seeded demonstration data: Veilig Thuis tables, budgets and region input files."""
